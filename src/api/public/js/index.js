import { api, formatDate, h, statusBadge } from './dom.js';

const REFRESH_MS = 2000;
const tbody = document.getElementById('documents');
const total = document.getElementById('documents-total');
const form = document.getElementById('upload');
const result = document.getElementById('upload-result');

async function refresh() {
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
            ))
        : [h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No documents yet: upload some papers above.'))]),
    );
    total.textContent = `${data.total} document(s)`;
    const busy = data.documents.some((d) => d.status === 'queued' || d.status === 'processing');
    setTimeout(refresh, busy ? REFRESH_MS : REFRESH_MS * 5);
  } catch (error) {
    total.textContent = `Could not load documents: ${error.message}`;
    setTimeout(refresh, REFRESH_MS * 5);
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
