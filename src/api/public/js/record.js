// The form that corrects a document's bibliographic record (PATCH /api/documents/:id). Only the
// fields the user changed are sent, so an analysis that later reads a field better still shows in
// the others; an emptied field drops its correction (null), bringing back what the analysis found.
import { api } from './dom.js';
import { t } from './i18n.js';

const form = () => document.getElementById('record');
/** What the form showed when it was filled: the fields compared against it on submit. */
let shown = null;
/** Whether it was filled from an analysis (authors and venue come from the Summary). */
let filledFromSummary = false;

/** The record as the form edits it: text fields, authors one per line, collections comma-separated. */
function asFields(d, summary) {
  return {
    title: d.title ?? '',
    year: d.year ? String(d.year) : '',
    authors: (summary?.document.authors ?? []).join('\n'),
    venue: summary?.document.venue ?? '',
    collections: d.collections.join(', '),
  };
}

/** Fills the form once there is an analysis (later refreshes must not wipe what the user is typing). */
export function fillRecordForm(d, summary) {
  if (shown && (filledFromSummary || !summary)) return;
  shown = asFields(d, summary);
  filledFromSummary = Boolean(summary);
  for (const [name, value] of Object.entries(shown)) form().elements[name].value = value;
}

function changes() {
  const patch = {};
  for (const name of Object.keys(shown)) {
    const value = form().elements[name].value.trim();
    if (value === shown[name].trim()) continue;
    if (name === 'collections') patch.collections = value.split(',').map((c) => c.trim()).filter(Boolean);
    else if (value === '') patch[name] = null;
    else if (name === 'year') patch.year = Number(value);
    else if (name === 'authors') patch.authors = value.split('\n').map((a) => a.trim()).filter(Boolean);
    else patch[name] = value;
  }
  return patch;
}

/** Sends the changed fields; `saved` reloads the page's view of the document. */
export function wireRecordForm(id, saved) {
  const status = document.getElementById('record-status');
  form().addEventListener('submit', async (event) => {
    event.preventDefault();
    const patch = changes();
    if (Object.keys(patch).length === 0) {
      status.textContent = t('record.unchanged');
      return;
    }
    try {
      await api(`/api/documents/${encodeURIComponent(id)}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) });
      status.textContent = t('record.saved');
      shown = null;
      await saved();
    } catch (error) {
      status.textContent = error.message;
    }
  });
}
