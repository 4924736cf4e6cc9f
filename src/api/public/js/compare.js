import './layout.js';
import { api, downloadLinks, factorLabels, h, netColour, params, s } from './dom.js';
import { formatCount, formatNumber, t } from './i18n.js';

const MAX = 20;
const pickList = document.getElementById('pick-list');
const pickFilter = document.getElementById('pick-filter');
const pickCollections = document.getElementById('pick-collections');
const status = document.getElementById('pick-status');
const selected = new Set((params().get('documents') ?? '').split(',').filter(Boolean));
let documents = [];
let labels = new Map();

async function loadDocuments() {
  const [data, codebook] = await Promise.all([api('/api/documents?status=done&limit=1000&sort=title'), api('/api/codebook')]);
  documents = data.documents;
  labels = factorLabels(codebook);
  // Ids given as prefixes in the URL are matched to full ids.
  for (const id of [...selected]) {
    const full = documents.find((d) => d.id.startsWith(id));
    if (full && full.id !== id) { selected.delete(id); selected.add(full.id); }
  }
  renderPicker();
}

function renderPicker() {
  const needle = pickFilter.value.trim().toLowerCase();
  const shown = documents.filter((d) => selected.has(d.id) || !needle || `${d.filename} ${d.title ?? ''}`.toLowerCase().includes(needle));
  pickList.replaceChildren(...(shown.length ? shown.map((d) =>
    h('label', { class: 'pick' },
      h('input', { type: 'checkbox', value: d.id, checked: selected.has(d.id) ? 'checked' : null, onchange: (e) => toggle(d.id, e.target.checked) }),
      h('span', {}, d.title || d.filename), h('span', { class: 'muted' }, [d.year, d.language, ...d.collections].filter(Boolean).join(' · ')))) : [h('p', { class: 'muted' }, t('compare.noMatch'))]));
}

function toggle(id, on) {
  if (on) selected.add(id); else selected.delete(id);
  status.textContent = t('compare.selected', { n: selected.size }) + (selected.size > MAX ? ` — ${t('compare.atMost', { max: MAX })}` : '');
}

async function compare() {
  const collections = pickCollections.value.split(',').map((c) => c.trim()).filter(Boolean);
  const query = collections.length ? `collections=${collections.map(encodeURIComponent).join(',')}` : `documents=${[...selected].join(',')}`;
  status.textContent = t('compare.running');
  try {
    const result = await api(`/api/compare?${query}`);
    history.replaceState(null, '', `?${query}`);
    status.textContent = '';
    render(result, collections.length ? `collection=${collections.map(encodeURIComponent).join(',')}` : `document=${[...selected].join(',')}`);
  } catch (error) {
    status.textContent = error.message;
  }
}

/** Text cut to `n` characters with an ellipsis (the whole text stays in a tooltip). */
const cut = (text, n) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
const shortLabel = (side) => cut(side.label, 28);
const factorName = (id) => labels.get(id) ?? id;

function render(result, exportQuery) {
  document.getElementById('result').hidden = false;
  renderHeatmap(result);
  document.getElementById('downloads').replaceChildren(downloadLinks(exportQuery));
  renderTable(result, { column: 'total', descending: true });
  renderOnlyOneSide(result);
  const sideLabel = (id) => shortLabel(result.sides.find((x) => x.id === id) ?? { label: id });
  document.getElementById('disagree').replaceChildren(...(result.disagreements.length
    ? result.disagreements.map((d) => h('li', {}, h('strong', {}, factorName(d.factor)), ' — ', t('compare.disagreement', { positive: d.positive.map(sideLabel).join(', '), negative: d.negative.map(sideLabel).join(', ') })))
    : [h('li', { class: 'muted' }, t('compare.noDisagreement'))]));
  document.getElementById('similarity').replaceChildren(
    h('thead', {}, h('tr', {}, h('th', {}, ''), ...result.sides.map((side) => h('th', { class: 'num', scope: 'col', title: side.label }, shortLabel(side))))),
    h('tbody', {}, ...result.sides.map((side, i) => h('tr', {}, h('th', { scope: 'row', title: side.label }, shortLabel(side)),
      ...result.similarity[i].map((v) => h('td', { class: 'num' }, v === null ? '—' : formatNumber(v, 3)))))));
}

/** The factors only one side mentions, grouped by that side, with how many and how often. */
function renderOnlyOneSide(result) {
  const bySide = new Map(result.sides.map((side) => [side.id, []]));
  for (const o of result.onlyOneSide) {
    const j = result.sides.findIndex((side) => side.id === o.side);
    const cell = result.factors.find((f) => f.factor === o.factor)?.cells[j];
    bySide.get(o.side)?.push({ factor: o.factor, cell });
  }
  const groups = result.sides.filter((side) => bySide.get(side.id).length);
  document.getElementById('only-one').replaceChildren(...(groups.length
    ? groups.map((side) => {
      const items = bySide.get(side.id).sort((a, b) => (b.cell?.mentions ?? 0) - (a.cell?.mentions ?? 0));
      return h('div', { class: 'only-one' },
        h('h3', {}, t('compare.onlyIn', { side: side.label, n: items.length })),
        h('ul', {}, ...items.map(({ factor, cell }) => h('li', {}, factorName(factor), cell ? h('span', { class: 'muted' }, ` — ${t('units.mentions', { n: cell.mentions })}, ${formatNumber(cell.per_1000_words)} ${t('units.per1000')}`) : null))));
    })
    : [h('p', { class: 'muted' }, t('compare.noOnlyOne'))]));
}

/**
 * SVG heatmap across the page: one row per side, its label beside it (a link to the document); one
 * column per factor, named above at a slant; colour = net stance, square size = rate. The legend
 * sits in the corner above the side labels.
 */
function renderHeatmap(result) {
  const container = document.getElementById('heatmap');
  const factors = result.factors;
  const labelWidth = 300, headerHeight = 190, slantRoom = 110;
  // Columns share the width left beside the labels; rows stay tall enough for a line of text.
  const cell = Math.max(16, Math.min(40, Math.floor((container.clientWidth - labelWidth - slantRoom) / Math.max(1, factors.length))));
  const rowHeight = Math.max(cell, 26);
  const maxRate = Math.max(0.001, ...factors.flatMap((f) => f.cells.map((c) => c?.per_1000_words ?? 0)));
  const width = labelWidth + cell * factors.length + slantRoom;
  const height = headerHeight + rowHeight * result.sides.length + 8;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': t('compare.heatmapLabel', { factors: factors.length, sides: result.sides.length }) });
  factors.forEach((row, j) => {
    const x = labelWidth + j * cell + cell / 2;
    const name = factorName(row.factor);
    svg.append(s('text', { x, y: headerHeight - 6, transform: `rotate(-55 ${x} ${headerHeight - 6})`, class: 'axis' }, cut(name, 34), s('title', {}, name)));
  });
  result.sides.forEach((side, i) => {
    const y = headerHeight + i * rowHeight;
    const text = s('text', { x: labelWidth - 8, y: y + rowHeight / 2 + 4, 'text-anchor': 'end', class: 'axis side' }, cut(side.label, 38), s('title', {}, side.label));
    svg.append(side.kind === 'document' ? s('a', { href: `/document.html?id=${side.id}` }, text) : text);
    factors.forEach((row, j) => {
      const x = labelWidth + j * cell;
      const c = row.cells[i];
      svg.append(s('rect', { x: x + 1, y: y + 1, width: cell - 2, height: rowHeight - 2, class: 'cell-bg' }));
      if (!c) return;
      const size = Math.max(4, (cell - 4) * Math.sqrt(c.per_1000_words / maxRate));
      svg.append(s('rect', { x: x + (cell - size) / 2, y: y + (rowHeight - size) / 2, width: size, height: size, rx: 2, fill: netColour(c.net), tabindex: 0, class: 'cell' },
        s('title', {}, t('compare.cell', { factor: factorName(row.factor), side: side.label, mentions: t('units.mentions', { n: c.mentions }), rate: formatNumber(c.per_1000_words), net: formatNumber(c.net), positive: c.positive, negative: c.negative, neutral: c.neutral }))));
    });
  });
  svg.append(legend(maxRate));
  const sides = h('ul', { class: 'sides' }, ...result.sides.map((side) =>
    h('li', {}, side.kind === 'document' ? h('a', { href: `/document.html?id=${side.id}` }, side.label) : side.label,
      h('span', { class: 'muted' }, side.kind === 'collection' ? ` — ${t('units.documents', { n: side.documents })}` : ` — ${t('units.words', { n: side.words, count: formatCount(side.words) })}`))));
  container.replaceChildren(svg, sides);
}

/** The key, drawn in the heatmap's empty corner: colours of the net stance, sizes of the rate. */
function legend(maxRate) {
  const g = s('g', { class: 'legend', transform: 'translate(0 14)' });
  g.append(s('text', { x: 0, y: 0, class: 'axis strong' }, t('compare.legendColour')));
  [-1, -0.5, 0, 0.5, 1].forEach((net, k) => g.append(s('rect', { x: k * 22, y: 8, width: 18, height: 18, rx: 2, fill: netColour(net) })));
  g.append(s('text', { x: 0, y: 42, class: 'axis muted' }, t('compare.legendBarrier')), s('text', { x: 106, y: 42, 'text-anchor': 'end', class: 'axis muted' }, t('compare.legendDriver')));
  g.append(s('text', { x: 0, y: 72, class: 'axis strong' }, t('compare.legendSize')));
  const sizes = [0.25, 1].map((share) => ({ rate: maxRate * share, side: Math.max(4, 24 * Math.sqrt(share)) }));
  sizes.forEach(({ rate, side }, k) => {
    const x = k * 90;
    g.append(s('rect', { x: x + (24 - side) / 2, y: 80 + (24 - side) / 2, width: side, height: side, rx: 2, class: 'legend-size' }));
    g.append(s('text', { x: x + 30, y: 97, class: 'axis muted' }, formatNumber(rate, 1)));
  });
  return g;
}

/** Sortable table: factor, total rate, then rate and net per side. */
function renderTable(result, sort, focus = false) {
  const columns = [
    { key: 'factor', label: t('doc.factor'), value: (r) => factorName(r.factor), text: true },
    { key: 'total', label: t('compare.total'), value: (r) => r.cells.reduce((n, c) => n + (c?.per_1000_words ?? 0), 0) },
    ...result.sides.flatMap((side, j) => [
      { key: `rate${j}`, label: `${shortLabel(side)}: ${t('units.per1000')}`, title: side.label, value: (r) => r.cells[j]?.per_1000_words ?? -1, show: (r) => (r.cells[j] ? formatNumber(r.cells[j].per_1000_words) : '—') },
      { key: `net${j}`, label: `${shortLabel(side)}: ${t('doc.net')}`, title: side.label, value: (r) => r.cells[j]?.net ?? -2, show: (r) => (r.cells[j] ? formatNumber(r.cells[j].net) : '—') },
    ]),
  ];
  const column = columns.find((c) => c.key === sort.column) ?? columns[1];
  const rows = [...result.factors].sort((a, b) => {
    const [x, y] = [column.value(a), column.value(b)];
    const order = column.text ? String(x).localeCompare(String(y)) : x - y;
    return sort.descending ? -order : order;
  });
  const header = (c) => h('th', { class: c.text ? '' : 'num', scope: 'col', title: c.title, 'aria-sort': c === column ? (sort.descending ? 'descending' : 'ascending') : null },
    h('button', { type: 'button', class: 'sort', 'data-column': c.key, onclick: () => renderTable(result, { column: c.key, descending: c === column ? !sort.descending : !c.text }, true) },
      c.label, c === column ? (sort.descending ? ' ▼' : ' ▲') : ''));
  document.getElementById('compare-table').replaceChildren(
    h('thead', {}, h('tr', {}, ...columns.map(header))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...columns.map((c) =>
      h('td', { class: c.text ? '' : 'num' }, c.text ? c.value(r) : c.show ? c.show(r) : formatNumber(c.value(r))))))));
  // The table was rebuilt: keep the keyboard focus on the header that was used.
  if (focus) document.querySelector('#compare-table th[aria-sort] button')?.focus({ preventScroll: true });
}

document.getElementById('pick').addEventListener('submit', (event) => {
  event.preventDefault();
  compare();
});
pickFilter.addEventListener('input', renderPicker);

const initialCollections = params().get('collections');
if (initialCollections) pickCollections.value = initialCollections;
loadDocuments().then(() => {
  if (selected.size >= 2 || initialCollections) compare();
}).catch((error) => { status.textContent = error.message; });
