import './layout.js';
import { api, fillCorpusForm, formQuery, h } from './dom.js';
import { t } from './i18n.js';

const LIMIT = 500;
const form = document.getElementById('kwic');
const status = document.getElementById('kwic-status');
const body = document.querySelector('#lines tbody');

/** Context cut to a readable width on the side away from the keyword (the whole line is in the CSV). */
const CONTEXT_CHARS = 45;
const SOURCE_CHARS = 20;
const cutLeft = (text, n) => (text.length > n ? `…${text.slice(-n + 1)}` : text);
const cutRight = (text, n) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

function row(line) {
  const where = [line.year, line.page ? t('units.page', { page: line.page }) : null].filter(Boolean).join(', ');
  const source = line.title || line.filename;
  return h('tr', {},
    h('td', { class: 'left', title: line.left }, cutLeft(line.left, CONTEXT_CHARS)),
    h('td', { class: 'keyword' }, h('mark', { class: 'match' }, line.keyword)),
    h('td', { class: 'right', title: line.right }, cutRight(line.right, CONTEXT_CHARS)),
    h('td', { class: 'muted source' }, h('a', { href: `/document.html?id=${line.document_id}`, title: source }, cutRight(source, SOURCE_CHARS)), where ? ` · ${where}` : ''));
}

async function run() {
  const query = formQuery(form);
  if (!query.get('q')) return;
  history.replaceState(null, '', `?${query}`);
  query.set('limit', String(LIMIT));
  status.textContent = t('kwic.running');
  try {
    const data = await api(`/api/kwic?${query}`);
    body.replaceChildren(...data.lines.map(row));
    const notes = [t('kwic.lines', { n: data.lines.length, more: data.more ? '+' : '' })];
    if (data.truncated) notes.push(t('kwic.truncated'));
    if (data.translations.length) notes.push(t('filter.alsoSearched', { list: data.translations.join(', ') }));
    status.textContent = data.lines.length ? notes.join(' · ') : t('filter.noSentence');
    const csv = (label, extra) => h('a', { class: 'button secondary', href: `/api/kwic?${query}&format=csv${extra}`, download: 'policylens-kwic.csv' }, label);
    document.getElementById('kwic-downloads').replaceChildren('CSV: ', csv(t('download.forR'), ''), csv(t('download.forExcel'), '&bom=1'));
  } catch (error) {
    status.textContent = error.message;
  }
}

async function init() {
  const initial = await fillCorpusForm(form);
  if (initial.get('q')) run();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});
form.elements.sort.addEventListener('change', () => run());
init().catch((error) => { status.textContent = error.message; });
