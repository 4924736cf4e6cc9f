import './layout.js';
import { api, downloadLinks, factorLabels, h, s } from './dom.js';
import { formatNumber, languageName, t } from './i18n.js';

const TOP = 15;
/** Factors drawn in the trends chart: more lines than this cannot be told apart. */
const TRENDS = 6;
/** Line colours that stay apart for colour-blind readers (Okabe–Ito). */
const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];
let overview;
let labels;

const labelOf = (factor) => labels.get(factor) ?? factor;

/**
 * Horizontal stacked bars, one per factor: mentions per document, split by stance.
 * `factors` fixes the order; `scale` the value of a full-width bar (shared across small multiples).
 */
function stanceChart(rows, documents, factors, scale, title) {
  const byId = new Map(rows.map((r) => [r.factor, r]));
  const rowHeight = 22, labelWidth = 260, barWidth = 250, width = labelWidth + barWidth + 420;
  const svg = s('svg', { viewBox: `0 0 ${width} ${rowHeight * factors.length + 8}`, width, height: rowHeight * factors.length + 8, role: 'img', 'aria-label': title });
  factors.forEach((factor, i) => {
    const y = i * rowHeight + 4;
    const name = labelOf(factor);
    svg.append(s('text', { x: labelWidth - 8, y: y + 14, 'text-anchor': 'end', class: 'axis' }, name.length > 34 ? `${name.slice(0, 33)}…` : name, s('title', {}, name)));
    const r = byId.get(factor);
    if (!r) {
      svg.append(s('text', { x: labelWidth + 4, y: y + 14, class: 'axis muted' }, '—'));
      return;
    }
    let x = labelWidth;
    for (const [stance, className] of [['positive', 'p'], ['negative', 'n'], ['neutral', 'u']]) {
      const w = (barWidth * r[stance]) / documents / scale;
      if (w > 0) svg.append(s('rect', { x, y, width: w, height: rowHeight - 6, class: `seg ${className}` }, s('title', {}, `${t(`stance.${stance}`)}: ${t('units.mentions', { n: r[stance] })}`)));
      x += w;
    }
    svg.append(s('text', { x: x + 6, y: y + 14, class: 'axis' },
      t('corpus.barText', { rate: t('units.perDocument', { n: Number((r.mentions / documents).toFixed(1)), count: formatNumber(r.mentions / documents, 1) }), documents: t('units.inDocuments', { n: r.documents, of: documents }), net: formatNumber(r.net) })));
  });
  return svg;
}

async function totals(query) {
  return (await api(`/api/factors?group=factor&limit=1000${query ? `&${query}` : ''}`)).rows;
}

async function renderAll() {
  const rows = await totals('');
  const factors = rows.slice(0, TOP).map((r) => r.factor);
  const scale = Math.max(0.001, ...rows.map((r) => r.mentions / overview.documents));
  document.getElementById('chart-all').replaceChildren(rows.length
    ? stanceChart(rows, overview.documents, factors, scale, t('corpus.allLabel'))
    : h('p', { class: 'muted' }, t('corpus.empty')));
  document.getElementById('downloads').replaceChildren(downloadLinks(''));
  return factors;
}

/** The parts of the corpus one split gives: name, size and the filter that selects it. */
function partsOf(split) {
  if (split === 'collection') return overview.collections.map((c) => ({ name: c.name, documents: c.documents, query: `collection=${encodeURIComponent(c.name)}` }));
  if (split === 'language') return overview.languages.map((l) => ({ name: languageName(l.language), documents: l.documents, query: `language=${encodeURIComponent(l.language)}` }));
  return overview.years.map((y) => ({ name: String(y.year), documents: y.documents, query: `year=${y.year}` }));
}

async function renderSplit(factors) {
  const split = document.getElementById('split').value;
  const parts = partsOf(split);
  const data = await Promise.all(parts.map((p) => totals(p.query)));
  const scale = Math.max(0.001, ...data.flatMap((rows, i) => rows.filter((r) => factors.includes(r.factor)).map((r) => r.mentions / parts[i].documents)));
  document.getElementById('charts').replaceChildren(...(parts.length ? parts.map((p, i) =>
    h('figure', {},
      h('figcaption', {}, h('strong', {}, p.name), ` — ${t('units.documents', { n: p.documents })} · `, h('a', { href: `/search.html?${p.query}` }, t('corpus.search')), ' · ',
        h('a', { href: `/api/export/factors.csv?${p.query}`, download: `policylens-factors-${p.name}.csv` }, 'CSV')),
      stanceChart(data[i], p.documents, factors, scale, t('corpus.partLabel', { part: p.name })))) : [h('p', { class: 'muted' }, t(`corpus.noParts.${split}`))]));
}

/**
 * Lines of mentions per document by publication year for the most mentioned factors: whether a
 * factor is written about more, or less, over time. Years without documents are left out, not zero.
 */
async function renderTrends(factors) {
  const el = document.getElementById('trends');
  const years = overview.years;
  if (years.length < 2) return el.replaceChildren(h('p', { class: 'muted' }, t('corpus.trendsNeedYears')));
  const shown = factors.slice(0, TRENDS);
  const rows = await Promise.all(years.map((y) => totals(`year=${y.year}`)));
  const rate = (i, factor) => (rows[i].find((r) => r.factor === factor)?.mentions ?? 0) / years[i].documents;
  const max = Math.max(0.1, ...shown.flatMap((f) => years.map((_, i) => rate(i, f))));
  const left = 60, top = 12, plotWidth = Math.max(300, Math.min(760, 90 * years.length)), plotHeight = 240, bottom = 44;
  const width = left + plotWidth + 20, height = top + plotHeight + bottom;
  const x = (i) => left + (plotWidth * i) / (years.length - 1);
  const y = (v) => top + plotHeight - (plotHeight * v) / max;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': t('corpus.trendsLabel') });
  for (const tick of [0, 0.25, 0.5, 0.75, 1].map((share) => share * max)) {
    svg.append(s('line', { x1: left, x2: left + plotWidth, y1: y(tick), y2: y(tick), class: 'grid' }), s('text', { x: left - 6, y: y(tick) + 4, 'text-anchor': 'end', class: 'axis muted' }, formatNumber(tick, 1)));
  }
  years.forEach((yr, i) => svg.append(s('text', { x: x(i), y: top + plotHeight + 16, 'text-anchor': 'middle', class: 'axis' }, String(yr.year)),
    s('text', { x: x(i), y: top + plotHeight + 30, 'text-anchor': 'middle', class: 'axis muted' }, t('units.docsShort', { n: yr.documents }))));
  svg.append(s('text', { x: 12, y: top + plotHeight / 2, transform: `rotate(-90 12 ${top + plotHeight / 2})`, 'text-anchor': 'middle', class: 'axis muted' }, t('corpus.perDocument')));
  shown.forEach((factor, k) => {
    const points = years.map((_, i) => `${x(i)},${y(rate(i, factor))}`).join(' ');
    svg.append(s('polyline', { points, fill: 'none', stroke: PALETTE[k], 'stroke-width': 2 }));
    years.forEach((yr, i) => svg.append(s('circle', { cx: x(i), cy: y(rate(i, factor)), r: 3.5, fill: PALETTE[k] },
      s('title', {}, `${labelOf(factor)}, ${yr.year}: ${formatNumber(rate(i, factor), 2)} ${t('corpus.perDocument')}`))));
  });
  const key = h('ul', { class: 'line-key' }, ...shown.map((factor, k) => h('li', {}, h('span', { class: 'swatch', style: { background: PALETTE[k] } }), labelOf(factor))));
  el.replaceChildren(h('div', { class: 'trends' }, svg, key));
}

async function init() {
  [overview, labels] = await Promise.all([api('/api/corpus'), api('/api/codebook').then(factorLabels)]);
  const first = overview.years[0]?.year, last = overview.years[overview.years.length - 1]?.year;
  document.getElementById('overview').replaceChildren(...[
    h('span', {}, t('corpus.analyzed', { n: overview.documents })),
    h('span', {}, t('corpus.languages', { list: overview.languages.map((l) => `${languageName(l.language)} (${t('units.documents', { n: l.documents })})`).join(', ') || '—' })),
    h('span', {}, t('units.collections', { n: overview.collections.length })),
    first ? h('span', {}, t('corpus.years', { from: first, to: last })) : null,
  ].filter(Boolean));
  const factors = await renderAll();
  await Promise.all([renderTrends(factors), renderSplit(factors)]);
  document.getElementById('split').addEventListener('change', () => renderSplit(factors));
}

init().catch((error) => { document.getElementById('corpus-status').textContent = error.message; });
