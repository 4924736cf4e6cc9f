import { api, downloadLinks, formatNumber, h, s } from './dom.js';

const TOP = 15;
let overview;
let codebook;

/**
 * Horizontal stacked bars, one per factor: mentions per document, split by stance.
 * `factors` fixes the order; `scale` the value of a full-width bar (shared across small multiples).
 */
function stanceChart(rows, documents, factors, scale, title) {
  const byId = new Map(rows.map((r) => [r.factor, r]));
  const rowHeight = 22, labelWidth = 210, barWidth = 260, width = labelWidth + barWidth + 200;
  const svg = s('svg', { viewBox: `0 0 ${width} ${rowHeight * factors.length + 8}`, width, height: rowHeight * factors.length + 8, role: 'img', 'aria-label': title });
  factors.forEach((factor, i) => {
    const y = i * rowHeight + 4;
    svg.append(s('text', { x: labelWidth - 8, y: y + 14, 'text-anchor': 'end', class: 'axis' }, codebook.get(factor) ?? factor));
    const r = byId.get(factor);
    if (!r) {
      svg.append(s('text', { x: labelWidth + 4, y: y + 14, class: 'axis muted' }, '—'));
      return;
    }
    let x = labelWidth;
    for (const [stance, className] of [['positive', 'p'], ['negative', 'n'], ['neutral', 'u']]) {
      const w = (barWidth * r[stance]) / documents / scale;
      if (w > 0) svg.append(s('rect', { x, y, width: w, height: rowHeight - 6, class: `seg ${className}` }, s('title', {}, `${r[stance]} ${stance}`)));
      x += w;
    }
    svg.append(s('text', { x: x + 6, y: y + 14, class: 'axis' }, `${formatNumber(r.mentions / documents, 1)} · ${r.documents} doc(s) · net ${formatNumber(r.net)}`));
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
    ? stanceChart(rows, overview.documents, factors, scale, 'Factor mentions per document in the whole corpus')
    : h('p', { class: 'muted' }, 'No analyzed documents yet.'));
  document.getElementById('downloads').replaceChildren(downloadLinks(''));
  return factors;
}

async function renderSplit(factors) {
  const split = document.getElementById('split').value;
  const parts = split === 'collection'
    ? overview.collections.map((c) => ({ name: c.name, documents: c.documents, query: `collection=${encodeURIComponent(c.name)}` }))
    : overview.languages.map((l) => ({ name: l.language, documents: l.documents, query: `language=${encodeURIComponent(l.language)}` }));
  const data = await Promise.all(parts.map((p) => totals(p.query)));
  const scale = Math.max(0.001, ...data.flatMap((rows, i) => rows.filter((r) => factors.includes(r.factor)).map((r) => r.mentions / parts[i].documents)));
  document.getElementById('charts').replaceChildren(...(parts.length ? parts.map((p, i) =>
    h('figure', {},
      h('figcaption', {}, h('strong', {}, p.name), ` — ${p.documents} document(s) `, h('a', { href: `/search.html?${p.query}` }, 'search'), ' · ',
        h('a', { href: `/api/export/factors.csv?${p.query}`, download: `policylens-factors-${p.name}.csv` }, 'CSV')),
      stanceChart(data[i], p.documents, factors, scale, `Factor mentions per document in ${split} ${p.name}`))) : [h('p', { class: 'muted' }, `No ${split}s yet.`)]));
}

async function init() {
  [overview, codebook] = await Promise.all([api('/api/corpus'), api('/api/codebook').then((c) => new Map(c.factors.map((f) => [f.id, f.label.en])))]);
  document.getElementById('overview').replaceChildren(
    h('span', {}, `${overview.documents} analyzed document(s)`),
    h('span', {}, `languages: ${overview.languages.map((l) => `${l.language} (${l.documents})`).join(', ') || '—'}`),
    h('span', {}, `collections: ${overview.collections.length}`),
    overview.years.length ? h('span', {}, `years ${overview.years[0].year}–${overview.years[overview.years.length - 1].year}`) : null);
  const factors = await renderAll();
  await renderSplit(factors);
  document.getElementById('split').addEventListener('change', () => renderSplit(factors));
}

init().catch((error) => { document.getElementById('corpus-status').textContent = error.message; });
