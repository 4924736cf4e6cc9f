import { api, downloadLinks, formatDate, formatNumber, h, highlight, params, stanceBar, statusBadge } from './dom.js';
import { fillRecordForm, wireRecordForm } from './record.js';

const REFRESH_MS = 2000;
const id = params().get('id') ?? '';
const SOURCES = { text: 'defined in the text', glossary: 'from the glossary', unknown: 'not defined' };

/** Ranges of the matched words and of the cues inside the evidence sentence. */
function evidenceRanges(e) {
  const lower = e.sentence.toLowerCase();
  const find = (word, className) => {
    const at = lower.indexOf(word.toLowerCase());
    return at < 0 ? [] : [{ start: at, end: at + word.length, className }];
  };
  return [...find(e.match, 'match'), ...e.cues.flatMap((c) => find(c, 'cue'))];
}

/** The factor's labels in the analyzed languages other than English, which the table shows first. */
function otherLabels(label) {
  return Object.entries(label).filter(([language]) => language !== 'en').map(([, text]) => text).join(' · ');
}

function renderFactors(summary) {
  const factors = [...summary.factors].sort((a, b) => b.mentions - a.mentions);
  document.getElementById('factor-table').replaceChildren(
    ...(factors.length ? factors.map((f) =>
      h('tr', {},
        h('td', {}, h('a', { href: `#factor-${f.id}` }, f.label.en), h('div', { class: 'muted' }, otherLabels(f.label))),
        h('td', { class: 'num' }, f.mentions),
        h('td', { class: 'num' }, formatNumber(f.per1000Words)),
        h('td', { class: 'num stance-positive' }, f.stance.positive),
        h('td', { class: 'num stance-negative' }, f.stance.negative),
        h('td', { class: 'num stance-neutral' }, f.stance.neutral),
        h('td', { class: 'num' }, formatNumber(f.stance.net)),
        h('td', {}, stanceBar(f.stance)))) : [h('tr', {}, h('td', { colspan: 8, class: 'muted' }, 'No codebook factor found.'))]),
  );
  document.getElementById('evidence').replaceChildren(
    ...factors.map((f) =>
      h('details', { id: `factor-${f.id}` },
        h('summary', {}, `${f.label.en} — ${f.mentions} mention(s)`),
        h('ol', { class: 'evidence' },
          ...f.evidence.map((e) =>
            h('li', { class: e.stance },
              h('div', { class: 'evidence-head' },
                h('span', { class: `stance-${e.stance}` }, e.stance),
                e.page ? h('span', { class: 'page' }, `p. ${e.page}`) : null,
                h('span', { class: 'muted' }, [e.language, e.section, e.cues.length ? `cues: ${e.cues.join(', ')}` : null].filter(Boolean).join(' · '))),
              h('p', {}, ...highlight(e.sentence, evidenceRanges(e)))))))),
  );
  if (location.hash) document.getElementById(location.hash.slice(1))?.setAttribute('open', '');
}

function renderAbbreviations(summary) {
  document.getElementById('abbreviations').replaceChildren(
    ...(summary.abbreviations.length ? summary.abbreviations.map((a) =>
      h('tr', {},
        h('td', {}, h('strong', {}, a.short)),
        h('td', {}, a.long ?? h('span', { class: 'muted' }, 'unknown'), a.longAsWritten && a.longAsWritten !== a.long ? h('div', { class: 'muted' }, `as written: ${a.longAsWritten}`) : null),
        h('td', {}, h('span', { class: `source ${a.source}` }, SOURCES[a.source] ?? a.source)),
        h('td', {}, a.language),
        h('td', { class: 'num' }, a.count),
        h('td', {}, a.equivalents.length ? a.equivalents.join(', ') : h('span', { class: 'muted' }, '—')),
        h('td', {}, a.factor ? h('a', { href: `#factor-${a.factor}` }, a.factor) : ''))) : [h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No abbreviations.'))]),
  );
}

/** A journal issue lists the articles stored from it, in their order. */
function renderIssueArticles(articles) {
  document.getElementById('issue-articles').replaceChildren(...(articles.length ? [
    h('h2', {}, `Articles of this issue (${articles.length})`),
    h('ol', {}, ...articles.map((a) => h('li', {}, h('a', { href: `/document.html?id=${a.id}` }, a.title || a.filename), ' ', statusBadge(a.status)))),
  ] : []));
}

async function load() {
  try {
    const { document: d, summary } = await api(`/api/documents/${encodeURIComponent(id)}`);
    document.title = `PolicyLens — ${d.title || d.filename}`;
    document.getElementById('title').textContent = d.title || d.filename;
    // replaceChildren writes null as the text "null": the facts a document lacks are left out.
    document.getElementById('meta').replaceChildren(...[
      statusBadge(d.status),
      h('span', {}, d.filename),
      d.language ? h('span', {}, `language: ${d.language}`) : null,
      d.year ? h('span', {}, `year: ${d.year}`) : null,
      d.pages ? h('span', {}, `${d.pages} pages`) : null,
      d.words ? h('span', {}, `${d.words} words`) : null,
      d.collections.length ? h('span', {}, `collections: ${d.collections.join(', ')}`) : null,
      d.issue ? h('span', {}, 'part of issue ', h('a', { href: `/document.html?id=${d.issue.id}` }, d.issue.title || d.issue.filename)) : null,
      h('span', {}, `added ${formatDate(d.createdAt)}`),
      h('a', { href: `/api/documents/${d.id}/text` }, 'text'),
      h('a', { href: `/api/documents/${d.id}` }, 'JSON'),
    ].filter(Boolean));
    renderIssueArticles(d.articles);
    fillRecordForm(d, summary);
    document.getElementById('problem').textContent = [d.error?.message, ...(summary?.document.warnings ?? [])].filter(Boolean).join(' · ');
    if (summary) {
      document.getElementById('actions').replaceChildren(
        h('a', { class: 'button secondary', href: `/compare.html?documents=${d.id}` }, 'Compare with…'),
        downloadLinks(`document=${d.id}`));
      renderFactors(summary);
      renderAbbreviations(summary);
    }
    if (d.status === 'queued' || d.status === 'processing') setTimeout(load, REFRESH_MS);
  } catch (error) {
    document.getElementById('problem').textContent = error.message;
  }
}

wireRecordForm(id, load);
load();
