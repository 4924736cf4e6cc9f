// Building the pages from API data. Document text only ever enters the page as text nodes, so a
// paper that contains <script> or <img onerror> shows it as text.

import { factorLabel, languageName, t } from './i18n.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * h('td', { class: 'num' }, 'text', childNode, …). `style` takes an object and is applied through
 * the CSSOM: the Content-Security-Policy refuses style attributes written as text.
 */
export function h(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

/** The same for SVG elements (charts). */
export function s(tag, attributes = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attributes, children);
}

function fill(el, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'style') Object.assign(el.style, value);
    else if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export async function api(path, options) {
  const response = await fetch(path, options);
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
  return body;
}

export function statusBadge(status) {
  return h('span', { class: `status ${status}` }, t(`status.${status}`));
}

/**
 * The sentence as text nodes with <mark>s around the given ranges (offsets within the sentence).
 * Overlapping ranges are merged, first come first served.
 */
export function highlight(sentence, ranges) {
  const sorted = ranges.filter((r) => r.start < r.end).sort((a, b) => a.start - b.start);
  const nodes = [];
  let at = 0;
  for (const r of sorted) {
    if (r.start < at) continue;
    nodes.push(sentence.slice(at, r.start), h('mark', { class: r.className }, sentence.slice(r.start, r.end)));
    at = r.end;
  }
  nodes.push(sentence.slice(at));
  return nodes;
}

/** A bar of the positive, negative and neutral shares of a factor's mentions. */
export function stanceBar(stance) {
  const total = stance.positive + stance.negative + stance.neutral || 1;
  const part = (className, n) => h('span', { class: className, style: { width: `${(100 * n) / total}%` } });
  return h('div', { class: 'bar', role: 'img', 'aria-label': t('stance.counts', stance) },
    part('p', stance.positive), part('n', stance.negative), part('u', stance.neutral));
}

/** A colour for a net stance in [-1, 1]: red for barriers, grey for neutral, green for drivers. */
export function netColour(net) {
  const t = Math.max(-1, Math.min(1, net ?? 0));
  const grey = [190, 196, 202];
  const end = t < 0 ? [192, 57, 43] : [31, 138, 76];
  const mix = grey.map((g, i) => Math.round(g + (end[i] - g) * Math.abs(t)));
  return `rgb(${mix.join(',')})`;
}

/** The current page's query parameters. */
export function params() {
  return new URLSearchParams(location.search);
}

/** Fills a <select> with options [value, label], keeping the current value if still present. */
export function fillSelect(select, options, selected) {
  select.replaceChildren(...options.map(([value, label]) => h('option', { value, selected: value === selected ? 'selected' : null }, label)));
}

/**
 * Downloads of the selection: factor rows (long, complete, or documents × factors), mention rows and
 * summaries. Excel needs a byte-order mark to read UTF-8; R and pandas would read it into the first
 * column's name, so each CSV is offered both ways.
 */
export function downloadLinks(query) {
  const href = (name, extra) => `/api/export/${name}?${[query, extra].filter(Boolean).join('&')}`;
  const csv = (name, label, extra = '') => h('span', { class: 'download' }, `${label}: `,
    h('a', { class: 'button', href: href(name, extra), download: `policylens-${name}` }, t('download.forR')), ' ',
    h('a', { class: 'button secondary', href: href(name, [extra, 'bom=1'].filter(Boolean).join('&')), download: `policylens-${name}` }, t('download.forExcel')));
  return h('div', { class: 'downloads' },
    csv('factors.csv', t('download.factors')),
    csv('factors.csv', t('download.factorsComplete'), 'complete=1'),
    csv('factors-wide.csv', t('download.wide')),
    csv('mentions.csv', t('download.mentions')),
    h('a', { class: 'button secondary', href: href('summaries.jsonl', ''), download: 'policylens-summaries.jsonl' }, t('download.summaries')),
    h('a', { class: 'button secondary', href: '/api/export/codebook.yml', download: 'policylens-codebook.yml' }, t('download.codebook')));
}

/** Options for a factor select: "any", then the codebook in its order, labelled in the interface language. */
export function factorOptions(codebook) {
  return [['', t('filter.any')], ...codebook.factors.map((f) => [f.id, factorLabel(f.label, f.id)])];
}

/** The codebook's labels in the interface language, by factor id. */
export function factorLabels(codebook) {
  return new Map(codebook.factors.map((f) => [f.id, factorLabel(f.label, f.id)]));
}

/**
 * Fills a corpus search form (kwic, search) from the page's query string: the factor and collection
 * lists from the codebook and the corpus, every other field as given. Returns the query string.
 */
export async function fillCorpusForm(form) {
  const initial = params();
  const [codebook, corpus] = await Promise.all([api('/api/codebook'), api('/api/corpus')]);
  fillSelect(form.elements.factor, factorOptions(codebook), initial.get('factor') ?? '');
  fillSelect(form.elements.collection, [['', t('filter.any')], ...corpus.collections.map((c) => [c.name, `${c.name} (${c.documents})`])], initial.get('collection') ?? '');
  // The languages the corpus holds, not a fixed list: a new language profile shows up by itself.
  if (form.elements.language) fillSelect(form.elements.language, [['', t('filter.any')], ...corpus.languages.map((l) => [l.language, languageName(l.language)])], initial.get('language') ?? '');
  for (const [name, value] of initial) {
    const field = form.elements[name];
    if (!field || (field.tagName === 'SELECT' && ['factor', 'collection', 'language'].includes(name))) continue;
    if (field.type === 'checkbox') field.checked = value === '1';
    else field.value = value;
  }
  return initial;
}

/** The form's non-empty fields as a query string. */
export function formQuery(form) {
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (String(value).trim()) query.set(name, String(value).trim());
  return query;
}
