import { api, formatDate, h, statusBadge } from './dom.js';

const REFRESH_MS = 2000;
const tbody = document.getElementById('documents');
const total = document.getElementById('documents-total');
const form = document.getElementById('upload');
const result = document.getElementById('upload-result');

/** The document whose deletion waits for a second click (the list re-renders meanwhile, so it is kept here). */
let confirming = null;

/** Delete in two clicks on the page itself: a browser dialog would block the page and its refreshes. */
function deleteCell(d) {
  const name = d.title || d.filename;
  if (confirming !== d.id) return h('td', {}, h('button', { type: 'button', class: 'secondary', 'data-action': 'delete', 'aria-label': `Delete ${name}` }, 'Delete'));
  return h('td', { class: 'confirm' },
    h('button', { type: 'button', class: 'danger', 'data-action': 'confirm', 'aria-label': `Delete ${name} with its results` }, 'Delete with results'), ' ',
    h('button', { type: 'button', class: 'secondary', 'data-action': 'cancel' }, 'Keep'));
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
      result.textContent = `Deleted ${deleted.title || deleted.filename}.`;
    } catch (error) {
      result.textContent = `Could not delete: ${error.message}`;
    }
  }
  refresh();
});

/** One refresh scheduled at a time, whoever asks for one (the timer, an upload, a deletion). */
let timer;

async function refresh() {
  clearTimeout(timer);
  try {
    const data = await api('/api/documents?limit=200');
    tbody.replaceChildren(
      ...(data.documents.length
        ? data.documents.map((d) =>
            h('tr', { 'data-id': d.id },
              h('td', {}, h('a', { href: `/document.html?id=${d.id}` }, d.title || d.filename), d.title ? h('div', { class: 'muted' }, d.filename) : null),
              h('td', {}, statusBadge(d.status), d.error ? h('div', { class: 'error' }, d.error.message) : null),
              h('td', {}, d.language ?? ''),
              h('td', { class: 'num' }, d.pages ?? ''),
              h('td', { class: 'num' }, d.words ?? ''),
              h('td', {}, d.collections.join(', ')),
              h('td', { class: 'muted' }, formatDate(d.createdAt)),
              deleteCell(d),
            ))
        : [h('tr', {}, h('td', { colspan: 8, class: 'muted' }, 'No documents yet: upload some papers above.'))]),
    );
    total.textContent = `${data.total} document(s)`;
    const busy = data.documents.some((d) => d.status === 'queued' || d.status === 'processing');
    timer = setTimeout(refresh, busy ? REFRESH_MS : REFRESH_MS * 5);
  } catch (error) {
    total.textContent = `Could not load documents: ${error.message}`;
    timer = setTimeout(refresh, REFRESH_MS * 5);
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  result.textContent = 'Uploading…';
  try {
    const data = await api('/api/documents', { method: 'POST', body: new FormData(form) });
    const rejected = data.rejected.map((r) => `${r.filename}: ${r.error.message}`);
    result.textContent = `Accepted ${data.documents.length} file(s).` + (rejected.length ? ` Rejected: ${rejected.join('; ')}` : '');
    form.reset();
    refresh();
  } catch (error) {
    result.textContent = `Upload failed: ${error.message}`;
  }
});

refresh();
