// The quality page: the figures of GET /api/quality as tables ready for a methods section, the
// stratified sample for review, the reviewers' agreement and the lexicon feedback.
import { api, formatNumber, h } from './dom.js';

const percent = (v) => (typeof v === 'number' ? `${(v * 100).toFixed(1)} %` : '—');
const interval = (i) => (i ? `${percent(i[0])} – ${percent(i[1])}` : '');
const figure = (f) => [h('td', { class: 'num' }, percent(f.value)), h('td', { class: 'num muted' }, interval(f.interval)), h('td', { class: 'num' }, f.n)];

function table(head, rows) {
  return h('table', {}, h('thead', {}, h('tr', {}, head.map((c) => h('th', {}, c)))), h('tbody', {}, rows));
}

const FIGURE_HEAD = ['precision', '95 % interval', 'n', 'stance agreement', '95 % interval', 'n', 'evidence recall', '95 % interval', 'n', 'stance κ'];
const figureCells = (f) => [...figure(f.precision), ...figure(f.stanceAgreement), ...figure(f.evidenceRecall), h('td', { class: 'num' }, formatNumber(f.stanceKappa))];

function renderSample(estimates) {
  const el = document.getElementById('sample');
  if (!estimates || estimates.size === 0) return el.replaceChildren(h('p', { class: 'muted' }, 'No sample drawn yet.'));
  const row = (name, e) => h('tr', {}, h('td', {}, name), h('td', { class: 'num' }, percent(e?.estimate)), h('td', { class: 'num muted' }, interval(e?.interval)), h('td', { class: 'num' }, e?.reviewed ?? 0));
  el.replaceChildren(
    h('p', { id: 'sample-size' }, `${estimates.reviewed} of ${estimates.size} sampled mentions reviewed, ${estimates.strata} strata.`),
    table(['estimate', 'value', '95 % interval', 'reviewed'], [row('precision', estimates.precision), row('stance agreement', estimates.stanceAgreement)]),
  );
}

async function renderSampleList() {
  const sample = await api('/api/quality/sample');
  const list = sample.mentions.filter((m) => !m.review).slice(0, 50);
  if (!list.length) return;
  document.getElementById('sample').append(
    h('h3', {}, 'Not reviewed yet'),
    h('ul', { id: 'sample-todo' }, list.map((m) => h('li', {}, h('a', { href: `/document.html?id=${m.document_id}#mention-${m.factor}-${m.start}` }, `${m.factor} (${m.language})`), ' ', h('span', { class: 'muted' }, m.sentence.slice(0, 140))))),
  );
}

async function render() {
  const q = await api('/api/quality');
  document.getElementById('overall').replaceChildren(
    h('p', { id: 'reviewed-count' }, `${q.reviewed} reviewed mentions (${q.reviews} reviews in history).`),
    table(FIGURE_HEAD, [h('tr', { id: 'overall-row' }, figureCells(q.overall))]),
  );
  document.getElementById('factors').replaceChildren(table(['factor', ...FIGURE_HEAD], q.factors.map((f) => h('tr', {}, h('td', {}, f.label?.en ?? f.factor), figureCells(f)))));
  renderSample(q.sample);
  await renderSampleList();
  document.getElementById('reviewers').replaceChildren(q.reviewers.pairs.length
    ? table(['reviewers', 'mentions both reviewed', 'agreement', 'κ'], q.reviewers.pairs.map((p) => h('tr', {}, h('td', {}, p.reviewers.join(' · ')), h('td', { class: 'num' }, p.mentions), h('td', { class: 'num' }, percent(p.agreement)), h('td', { class: 'num' }, formatNumber(p.kappa)))))
    : h('p', { class: 'muted' }, `Reviewers: ${q.reviewers.names.join(', ') || 'none'}. No mention reviewed by two of them yet.`));
  document.getElementById('lexicon').replaceChildren(q.lexicon.length
    ? table(['factor', 'pattern (stems)', 'matched wordings', 'rejected', 'reviewed'], q.lexicon.map((r) => h('tr', {}, h('td', {}, r.factor), h('td', {}, r.pattern), h('td', {}, r.wordings.join(' · ')), h('td', { class: 'num' }, r.rejected), h('td', { class: 'num' }, r.reviewed))))
    : h('p', { class: 'muted' }, 'No rejected mention yet.'));
}

document.getElementById('draw-sample').addEventListener('click', async () => {
  const status = document.getElementById('quality-status');
  try {
    await api('/api/quality/sample', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ perStratum: Number(document.getElementById('per-stratum').value) }) });
    status.textContent = '';
    await render();
  } catch (e) {
    status.textContent = e.message;
  }
});

render().catch((e) => { document.getElementById('quality-status').textContent = e.message; });
