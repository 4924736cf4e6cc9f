import './layout.js';
import { api, downloadLinks, factorLabels, h, highlight, params, stanceBar, statusBadge } from './dom.js';
import { DICTIONARIES, factorLabel, formatCount, formatDate, formatNumber, language, languageName, t } from './i18n.js';
import { fillRecordForm, wireRecordForm } from './record.js';

const REFRESH_MS = 2000;
const id = params().get('id') ?? '';
/** Statuses after which the analysis can be run again from this page. */
const RETRYABLE = new Set(['failed', 'needs_password', 'needs_ocr']);
let labels = new Map();

/** Ranges of the matched words and of the cues inside the evidence sentence. */
function evidenceRanges(e) {
  const lower = e.sentence.toLowerCase();
  const find = (word, className) => {
    const at = lower.indexOf(word.toLowerCase());
    return at < 0 ? [] : [{ start: at, end: at + word.length, className }];
  };
  return [...find(e.match, 'match'), ...e.cues.flatMap((c) => find(c, 'cue'))];
}

/** The factor's labels in the codebook's other languages, shown under the interface language's. */
function otherLabels(label) {
  return Object.entries(label).filter(([code]) => code !== language && code in DICTIONARIES).map(([, text]) => text).join(' · ');
}

const zoneName = (zone) => (zone ? t(`zone.${zone}`) : null);
const labelOf = (factor) => labels.get(factor) ?? factor;

function renderFactors(summary) {
  const factors = [...summary.factors].sort((a, b) => b.mentions - a.mentions);
  document.getElementById('factor-table').replaceChildren(
    ...(factors.length ? factors.map((f) =>
      h('tr', {},
        h('td', {}, h('a', { href: `#factor-${f.id}` }, factorLabel(f.label, f.id)), h('div', { class: 'muted small' }, otherLabels(f.label))),
        h('td', { class: 'num' }, f.mentions),
        h('td', { class: 'num' }, formatNumber(f.per1000Words)),
        h('td', { class: 'num stance-positive' }, f.stance.positive),
        h('td', { class: 'num stance-negative' }, f.stance.negative),
        h('td', { class: 'num stance-neutral' }, f.stance.neutral),
        h('td', { class: 'num' }, formatNumber(f.stance.net)),
        h('td', {}, stanceBar(f.stance)))) : [h('tr', {}, h('td', { colspan: 8, class: 'muted' }, t('doc.noFactor')))]),
  );
  document.getElementById('evidence').replaceChildren(
    ...factors.map((f) =>
      h('details', { id: `factor-${f.id}` },
        h('summary', {}, `${factorLabel(f.label, f.id)} — ${t('units.mentions', { n: f.mentions })}`),
        h('ol', { class: 'evidence' },
          ...f.evidence.map((e) =>
            h('li', { class: e.stance },
              h('div', { class: 'evidence-head' },
                h('span', { class: `stance-${e.stance}` }, t(`stance.${e.stance}`)),
                e.page ? h('span', { class: 'page' }, t('units.page', { page: e.printedPage || e.page })) : null,
                h('span', { class: 'muted' }, [languageName(e.language), zoneName(e.section), e.cues.length ? t('doc.cuesList', { cues: e.cues.join(', ') }) : null].filter(Boolean).join(' · '))),
              h('p', {}, ...highlight(e.sentence, evidenceRanges(e)))))))),
  );
  if (location.hash) document.getElementById(location.hash.slice(1))?.setAttribute('open', '');
}

/** The factors the paper is most about, and the recurring phrases no factor covers yet. */
function renderOverview(summary) {
  const salient = summary.document.salientFactors ?? [];
  document.getElementById('salient').replaceChildren(...(salient.length
    ? salient.map((factor) => h('li', {}, h('a', { href: `#factor-${factor}` }, labelOf(factor))))
    : [h('li', { class: 'muted' }, t('doc.noSalient'))]));
  document.getElementById('candidates').replaceChildren(...(summary.candidates.length
    ? [...summary.candidates].sort((a, b) => b.count - a.count).map((c) => h('tr', {},
      h('td', {}, c.phrase),
      h('td', { class: 'num' }, c.count),
      h('td', {}, c.suggestedFactor ? h('a', { href: `#factor-${c.suggestedFactor}` }, labelOf(c.suggestedFactor)) : h('span', { class: 'muted' }, '—'))))
    : [h('tr', {}, h('td', { colspan: 3, class: 'muted' }, t('doc.noCandidates')))]));
}

function renderAbbreviations(summary) {
  document.getElementById('abbreviations').replaceChildren(
    ...(summary.abbreviations.length ? summary.abbreviations.map((a) =>
      h('tr', {},
        h('td', {}, h('strong', {}, a.short)),
        h('td', {}, a.long ?? h('span', { class: 'muted' }, t('abbr.unknown')), a.longAsWritten && a.longAsWritten !== a.long ? h('div', { class: 'muted small' }, t('abbr.asWritten', { text: a.longAsWritten })) : null),
        h('td', {}, h('span', { class: `source ${a.source}` }, t(`abbr.source.${a.source}`))),
        h('td', {}, languageName(a.language)),
        h('td', { class: 'num' }, a.count),
        h('td', {}, a.equivalents.length ? a.equivalents.join(', ') : h('span', { class: 'muted' }, '—')),
        h('td', {}, a.factor ? h('a', { href: `#factor-${a.factor}` }, labelOf(a.factor)) : ''))) : [h('tr', {}, h('td', { colspan: 7, class: 'muted' }, t('abbr.none')))]),
  );
}

/** The facts the page shows about the document; those it lacks are left out (no "null"). */
function metaItems(d, summary) {
  const record = summary?.document;
  const authors = record?.authors ?? [];
  return [
    statusBadge(d.status),
    h('span', {}, d.filename),
    authors.length ? h('span', {}, authors.join(', ')) : null,
    d.year ? h('span', {}, t('meta.year', { year: d.year })) : null,
    record?.venue ? h('span', {}, record.venue) : null,
    record?.doi ? h('a', { href: `https://doi.org/${record.doi}`, rel: 'noreferrer' }, `doi:${record.doi}`) : null,
    d.language ? h('span', {}, languageName(d.language)) : null,
    d.pages ? h('span', {}, t('units.pages', { n: d.pages })) : null,
    d.words ? h('span', {}, t('units.words', { n: d.words, count: formatCount(d.words) })) : null,
    d.collections.length ? h('span', {}, t('meta.collections', { list: d.collections.join(', ') })) : null,
    d.issue ? h('span', {}, t('meta.partOfIssue'), ' ', h('a', { href: `/document.html?id=${d.issue.id}` }, d.issue.title || d.issue.filename)) : null,
    d.createdAt ? h('span', {}, t('meta.added', { date: formatDate(d.createdAt) })) : null,
    summary ? h('a', { href: `/api/documents/${d.id}/text` }, t('meta.text')) : null,
    h('a', { href: `/api/documents/${d.id}` }, 'JSON'),
  ].filter(Boolean);
}

/** A document whose analysis failed offers to run it again; one that needs a password asks for it. */
function renderRetry(d) {
  const retry = document.getElementById('retry');
  retry.hidden = !RETRYABLE.has(d.status);
  document.getElementById('retry-password').hidden = d.status !== 'needs_password';
  retry.elements.password.required = d.status === 'needs_password';
}

document.getElementById('retry').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const status = document.getElementById('retry-status');
  const password = form.elements.password.value;
  status.textContent = t('doc.reanalyzing');
  try {
    await api(`/api/documents/${encodeURIComponent(id)}/reanalyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(password ? { password } : {}) });
    form.reset();
    status.textContent = '';
    await load();
  } catch (error) {
    status.textContent = error.message;
  }
});

/** A journal issue lists the articles stored from it, in their order. */
function renderIssueArticles(articles) {
  document.getElementById('issue-articles').replaceChildren(...(articles.length ? [
    h('h2', {}, t('doc.issueArticles', { n: articles.length })),
    h('ol', {}, ...articles.map((a) => h('li', {}, h('a', { href: `/document.html?id=${a.id}` }, a.title || a.filename), ' ', statusBadge(a.status)))),
  ] : []));
}

async function load() {
  try {
    const { document: d, summary } = await api(`/api/documents/${encodeURIComponent(id)}`);
    document.title = `PolicyLens — ${d.title || d.filename}`;
    document.getElementById('title').textContent = d.title || d.filename;
    document.getElementById('meta').replaceChildren(...metaItems(d, summary));
    renderIssueArticles(d.articles);
    fillRecordForm(d, summary);
    // The server tells why in the interface language; its `detail` is the analysis' own account (English).
    document.getElementById('problem').textContent = [d.error?.message, ...(summary?.document.warnings ?? [])].filter(Boolean).join(' · ');
    document.getElementById('problem-details').textContent = d.error?.detail && d.error.detail !== d.error.message ? t('doc.details', { message: d.error.detail }) : '';
    renderRetry(d);
    // The analysis' sections wait for an analysis: a failed document shows none of them empty.
    for (const section of document.querySelectorAll('section.analysis')) section.hidden = !summary;
    if (summary) {
      document.getElementById('actions').replaceChildren(
        h('a', { class: 'button secondary', href: `/compare.html?documents=${d.id}` }, t('doc.compareWith')),
        downloadLinks(`document=${d.id}`));
      renderOverview(summary);
      renderFactors(summary);
      renderAbbreviations(summary);
    }
    if (d.status === 'queued' || d.status === 'processing') setTimeout(load, REFRESH_MS);
  } catch (error) {
    document.getElementById('problem').textContent = error.message;
  }
}

wireRecordForm(id, load);
if (!id) document.getElementById('problem').textContent = t('doc.noId');
else {
  // Without the codebook the page still shows the document, with factor ids for labels.
  api('/api/codebook')
    .then((codebook) => { labels = factorLabels(codebook); })
    .catch(() => {})
    .finally(load);
}
