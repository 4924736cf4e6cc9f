// The quality page: the figures of GET /api/quality as tables ready for a methods section, the
// stratified sample for review, the reviewers' agreement and the lexicon feedback.
import './layout.js';
import { api, factorLabels, h } from './dom.js';
import { factorLabel, formatNumber, t } from './i18n.js';

const percent = (v) => (typeof v === 'number' ? `${formatNumber(v * 100, 1)} %` : '—');
const interval = (i) => (i ? `${percent(i[0])} – ${percent(i[1])}` : '');
const figure = (f) => [h('td', { class: 'num' }, percent(f.value)), h('td', { class: 'num muted' }, interval(f.interval)), h('td', { class: 'num' }, f.n)];

function table(head, rows) {
  return h('table', {}, h('thead', {}, h('tr', {}, head.map((c) => h('th', {}, c)))), h('tbody', {}, rows));
}

const FIGURE_HEAD = () => [t('quality.precision'), t('quality.interval'), 'n', t('quality.stanceAgreement'), t('quality.interval'), 'n', t('quality.recall'), t('quality.interval'), 'n', t('quality.kappa')];
/** Factor labels in the interface language, by id (set by render). */
let labels = new Map();

const figureCells = (f) => [...figure(f.precision), ...figure(f.stanceAgreement), ...figure(f.evidenceRecall), h('td', { class: 'num' }, formatNumber(f.stanceKappa))];

function renderSample(estimates) {
  const el = document.getElementById('sample');
  if (!estimates || estimates.size === 0) return el.replaceChildren(h('p', { class: 'muted' }, t('quality.noSample')));
  const row = (name, e) => h('tr', {}, h('td', {}, name), h('td', { class: 'num' }, percent(e?.estimate)), h('td', { class: 'num muted' }, interval(e?.interval)), h('td', { class: 'num' }, e?.reviewed ?? 0));
  el.replaceChildren(
    h('p', { id: 'sample-size' }, t('quality.sampleSize', { reviewed: estimates.reviewed, n: estimates.size, strata: estimates.strata })),
    table([t('quality.estimate'), t('quality.value'), t('quality.interval'), t('quality.reviewed')], [row(t('quality.precision'), estimates.precision), row(t('quality.stanceAgreement'), estimates.stanceAgreement)]),
  );
}

async function renderSampleList() {
  const sample = await api('/api/quality/sample');
  const list = sample.mentions.filter((m) => !m.review).slice(0, 50);
  if (!list.length) return;
  document.getElementById('sample').append(
    h('h3', {}, t('quality.notReviewed')),
    h('ul', { id: 'sample-todo' }, list.map((m) => h('li', {}, h('a', { href: `/document.html?id=${m.document_id}#mention-${m.factor}-${m.start}` }, `${labels.get(m.factor) ?? m.factor} (${m.language})`), ' ', h('span', { class: 'muted' }, m.sentence.slice(0, 140))))),
  );
}

async function render() {
  const [q, codebook] = await Promise.all([api('/api/quality'), api('/api/codebook')]);
  labels = factorLabels(codebook);
  document.getElementById('overall').replaceChildren(
    h('p', { id: 'reviewed-count' }, t('quality.reviewedCount', { n: q.reviewed, reviews: q.reviews })),
    table(FIGURE_HEAD(), [h('tr', { id: 'overall-row' }, figureCells(q.overall))]),
  );
  document.getElementById('factors').replaceChildren(table([t('doc.factor'), ...FIGURE_HEAD()], q.factors.map((f) => h('tr', {}, h('td', {}, factorLabel(f.label, f.factor)), figureCells(f)))));
  renderSample(q.sample);
  await renderSampleList();
  document.getElementById('reviewers').replaceChildren(q.reviewers.pairs.length
    ? table([t('quality.reviewerPair'), t('quality.bothReviewed'), t('quality.agreement'), 'κ'], q.reviewers.pairs.map((p) => h('tr', {}, h('td', {}, p.reviewers.join(' · ')), h('td', { class: 'num' }, p.mentions), h('td', { class: 'num' }, percent(p.agreement)), h('td', { class: 'num' }, formatNumber(p.kappa)))))
    : h('p', { class: 'muted' }, t('quality.noPair', { names: q.reviewers.names.join(', ') || '—' })));
  document.getElementById('lexicon').replaceChildren(q.lexicon.length
    ? table([t('doc.factor'), t('quality.pattern'), t('quality.wordings'), t('quality.rejected'), t('quality.reviewed')], q.lexicon.map((r) => h('tr', {}, h('td', {}, labels.get(r.factor) ?? r.factor), h('td', {}, r.pattern), h('td', {}, r.wordings.join(' · ')), h('td', { class: 'num' }, r.rejected), h('td', { class: 'num' }, r.reviewed))))
    : h('p', { class: 'muted' }, t('quality.noRejected')));
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
