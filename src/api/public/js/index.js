import './layout.js';
import { api, fillSelect, h, params, statusBadge } from './dom.js';
import { formatCount, formatDate, languageName, t } from './i18n.js';

const REFRESH_MS = 2000;
const PAGE = 50;
const STATUSES = ['queued', 'processing', 'done', 'failed', 'needs_password', 'needs_ocr'];
/** Authors shown before "et al.": the rest are on the document page. */
const SHOWN_AUTHORS = 3;
const tbody = document.getElementById('documents');
const total = document.getElementById('documents-total');
const form = document.getElementById('upload');
const result = document.getElementById('upload-result');
const filter = document.getElementById('list-filter');

/** The list's columns; those with a `sort` are ordered by the server when their header is clicked. */
const COLUMNS = [
  { heading: 'list.title', sort: 'title' },
  { heading: 'list.authors' },
  { heading: 'list.year', sort: 'year', num: true },
  { heading: 'list.language', sort: 'language' },
  { heading: 'list.collections' },
  { heading: 'list.status', sort: 'status' },
  { heading: 'list.words', sort: 'words', num: true },
  { heading: 'list.added', sort: 'added' },
];

/** What the list shows: sorting, filters and page, kept in the address so a reload keeps it. */
const initial = params();
const view = {
  sort: initial.get('sort') ?? 'added',
  order: initial.get('order') ?? 'desc',
  offset: Number(initial.get('offset') ?? 0) || 0,
};
for (const name of ['q', 'language', 'status', 'collection', 'year']) if (initial.get(name)) filter.elements[name].value = initial.get(name);

/** The document whose deletion waits for a second click (the list re-renders meanwhile, so it is kept here). */
let confirming = null;

function listQuery() {
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(filter)) if (String(value).trim()) query.set(name, String(value).trim());
  if (view.sort !== 'added' || view.order !== 'desc') {
    query.set('sort', view.sort);
    query.set('order', view.order);
  }
  if (view.offset) query.set('offset', String(view.offset));
  return query;
}

function renderHead() {
  document.getElementById('documents-head').replaceChildren(
    ...COLUMNS.map((c) => {
      const sorted = c.sort === view.sort;
      const label = t(c.heading);
      return h('th', { class: c.num ? 'num' : null, scope: 'col', 'aria-sort': sorted ? (view.order === 'desc' ? 'descending' : 'ascending') : null },
        c.sort ? h('button', { type: 'button', class: 'sort', 'data-sort': c.sort, onclick: () => sortBy(c.sort) }, label, sorted ? (view.order === 'desc' ? ' ▼' : ' ▲') : '') : label);
    }),
    h('th', {}, h('span', { class: 'visually-hidden' }, t('list.actions'))));
}

function sortBy(column) {
  // A second click on the same column turns the order round; a new column starts as people expect (A→Z, newest first).
  if (view.sort === column) view.order = view.order === 'asc' ? 'desc' : 'asc';
  else view.order = column === 'added' ? 'desc' : 'asc';
  view.sort = column;
  view.offset = 0;
  renderHead();
  refresh();
}

/** Delete in two clicks on the page itself: a browser dialog would block the page and its refreshes. */
function deleteCell(d) {
  const name = d.title || d.filename;
  if (confirming !== d.id) return h('td', {}, h('button', { type: 'button', class: 'secondary', 'data-action': 'delete', 'aria-label': t('delete.label', { name }) }, t('delete.button')));
  return h('td', {}, h('div', { class: 'confirm' },
    h('button', { type: 'button', class: 'danger', 'data-action': 'confirm', 'aria-label': t('delete.confirmLabel', { name }) }, t('delete.confirm')),
    h('button', { type: 'button', class: 'secondary', 'data-action': 'cancel' }, t('delete.keep'))));
}

function authorsText(authors) {
  if (!authors.length) return '';
  const shown = authors.slice(0, SHOWN_AUTHORS).join(', ');
  return authors.length > SHOWN_AUTHORS ? t('list.etAl', { authors: shown }) : shown;
}

function documentRow(d) {
  return h('tr', { 'data-id': d.id },
    h('td', { class: 'title' }, h('a', { href: `/document.html?id=${d.id}` }, d.title || d.filename), d.title ? h('div', { class: 'muted small' }, d.filename) : null),
    h('td', { class: 'authors' }, authorsText(d.authors)),
    h('td', { class: 'num' }, d.year ?? ''),
    h('td', {}, languageName(d.language)),
    h('td', {}, d.collections.join(', ')),
    h('td', {}, statusBadge(d.status), d.error ? h('div', { class: 'error small', title: d.error.detail }, d.error.message) : null),
    h('td', { class: 'num' }, formatCount(d.words)),
    h('td', { class: 'muted small' }, formatDate(d.createdAt)),
    deleteCell(d));
}

tbody.addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const id = button.closest('tr').dataset.id;
  if (button.dataset.action === 'delete') confirming = id;
  else if (button.dataset.action === 'cancel') confirming = null;
  else {
    confirming = null;
    try {
      const { deleted } = await api(`/api/documents/${id}`, { method: 'DELETE' });
      result.textContent = t('delete.done', { name: deleted.title || deleted.filename });
    } catch (error) {
      result.textContent = t('delete.failed', { message: error.message });
    }
  }
  refresh();
});

/** One refresh scheduled at a time, whoever asks for one (the timer, an upload, a deletion, a filter). */
let timer;

async function refresh() {
  clearTimeout(timer);
  const query = listQuery();
  history.replaceState(null, '', query.size ? `?${query}` : location.pathname);
  query.set('limit', String(PAGE));
  try {
    const data = await api(`/api/documents?${query}`);
    const filtered = [...new FormData(filter).values()].some((v) => String(v).trim());
    tbody.replaceChildren(
      ...(data.documents.length
        ? data.documents.map(documentRow)
        : [h('tr', {}, h('td', { colspan: COLUMNS.length + 1, class: 'muted' }, t(filtered ? 'list.noMatch' : 'list.empty')))]),
    );
    const shownTo = data.offset + data.documents.length;
    total.textContent = data.total ? t('list.range', { from: data.offset + 1, to: shownTo, n: data.total }) : '';
    document.getElementById('previous').disabled = data.offset === 0;
    document.getElementById('next').disabled = shownTo >= data.total;
    const busy = data.documents.some((d) => d.status === 'queued' || d.status === 'processing');
    timer = setTimeout(refresh, busy ? REFRESH_MS : REFRESH_MS * 5);
  } catch (error) {
    total.textContent = t('list.loadFailed', { message: error.message });
    timer = setTimeout(refresh, REFRESH_MS * 5);
  }
}

async function fillFilters() {
  const corpus = await api('/api/corpus');
  const any = ['', t('filter.any')];
  fillSelect(filter.elements.language, [any, ...corpus.languages.map((l) => [l.language, languageName(l.language)])], initial.get('language') ?? '');
  fillSelect(filter.elements.status, [any, ...STATUSES.map((s) => [s, t(`status.${s}`)])], initial.get('status') ?? '');
  fillSelect(filter.elements.collection, [any, ...corpus.collections.map((c) => [c.name, `${c.name} (${c.documents})`])], initial.get('collection') ?? '');
}

let typing;
filter.addEventListener('input', (event) => {
  view.offset = 0;
  // Typed words wait for a pause; a choice in a list applies at once.
  clearTimeout(typing);
  if (event.target.name === 'q' || event.target.name === 'year') typing = setTimeout(() => event.target.checkValidity() && refresh(), 300);
  else refresh();
});
filter.addEventListener('submit', (event) => {
  event.preventDefault();
  refresh();
});
document.getElementById('previous').addEventListener('click', () => {
  view.offset = Math.max(0, view.offset - PAGE);
  refresh();
});
document.getElementById('next').addEventListener('click', () => {
  view.offset += PAGE;
  refresh();
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  result.textContent = t('upload.sending');
  try {
    const data = await api('/api/documents', { method: 'POST', body: new FormData(form) });
    const rejected = data.rejected.map((r) => `${r.filename}: ${r.error.message}`);
    result.textContent = t('upload.accepted', { n: data.documents.length }) + (rejected.length ? ` ${t('upload.rejected', { list: rejected.join('; ') })}` : '');
    form.reset();
    refresh();
  } catch (error) {
    result.textContent = t('upload.failed', { message: error.message });
  }
});

renderHead();
fillFilters().catch((error) => { total.textContent = t('list.loadFailed', { message: error.message }); }).finally(refresh);
