import { api, downloadLinks, formatNumber, h, netColour, params, s } from './dom.js';

const MAX = 20;
const pickList = document.getElementById('pick-list');
const pickFilter = document.getElementById('pick-filter');
const pickCollections = document.getElementById('pick-collections');
const status = document.getElementById('pick-status');
const selected = new Set((params().get('documents') ?? '').split(',').filter(Boolean));
let documents = [];

async function loadDocuments() {
  const data = await api('/api/documents?status=done&limit=1000');
  documents = data.documents;
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
      h('span', {}, d.title || d.filename), h('span', { class: 'muted' }, ` ${d.language ?? ''} ${d.collections.join(', ')}`))) : [h('p', { class: 'muted' }, 'No analyzed documents match.')]));
}

function toggle(id, on) {
  if (on) selected.add(id); else selected.delete(id);
  status.textContent = `${selected.size} selected${selected.size > MAX ? ` — at most ${MAX}` : ''}`;
}

async function compare() {
  const collections = pickCollections.value.split(',').map((c) => c.trim()).filter(Boolean);
  const query = collections.length ? `collections=${collections.map(encodeURIComponent).join(',')}` : `documents=${[...selected].join(',')}`;
  status.textContent = 'Comparing…';
  try {
    const result = await api(`/api/compare?${query}`);
    history.replaceState(null, '', `?${query}`);
    status.textContent = '';
    render(result, collections.length ? `collection=${collections.map(encodeURIComponent).join(',')}` : `document=${[...selected].join(',')}`);
  } catch (error) {
    status.textContent = error.message;
  }
}

const shortLabel = (side) => (side.label.length > 28 ? `${side.label.slice(0, 27)}…` : side.label);

function render(result, exportQuery) {
  document.getElementById('result').hidden = false;
  renderHeatmap(result);
  document.getElementById('downloads').replaceChildren(downloadLinks(exportQuery));
  renderTable(result, { column: 'total', descending: true });
  const sideLabel = (id) => shortLabel(result.sides.find((x) => x.id === id) ?? { label: id });
  const labelOf = (factor) => result.factors.find((f) => f.factor === factor)?.label ?? factor;
  document.getElementById('only-one').replaceChildren(...(result.onlyOneSide.length
    ? result.onlyOneSide.map((o) => h('li', {}, h('strong', {}, labelOf(o.factor)), ` — only in ${sideLabel(o.side)}`))
    : [h('li', { class: 'muted' }, 'None: every factor appears on at least two sides.')]));
  document.getElementById('disagree').replaceChildren(...(result.disagreements.length
    ? result.disagreements.map((d) => h('li', {}, h('strong', {}, labelOf(d.factor)), ' — driver in ', d.positive.map(sideLabel).join(', '), '; barrier in ', d.negative.map(sideLabel).join(', ')))
    : [h('li', { class: 'muted' }, 'None.')]));
  document.getElementById('similarity').replaceChildren(
    h('thead', {}, h('tr', {}, h('th', {}, ''), ...result.sides.map((side) => h('th', { class: 'num', scope: 'col' }, shortLabel(side))))),
    h('tbody', {}, ...result.sides.map((side, i) => h('tr', {}, h('th', { scope: 'row' }, shortLabel(side)),
      ...result.similarity[i].map((v) => h('td', { class: 'num' }, v === null ? '—' : formatNumber(v, 3)))))));
}

/**
 * SVG heatmap: one row per factor, one numbered column per side (named in the legend below it);
 * colour = net stance, square size = rate.
 */
function renderHeatmap(result) {
  const cell = 34, labelWidth = 240, headerHeight = 24;
  const maxRate = Math.max(0.001, ...result.factors.flatMap((f) => f.cells.map((c) => c?.per_1000_words ?? 0)));
  const width = labelWidth + cell * result.sides.length + 10;
  const height = headerHeight + cell * result.factors.length + 10;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': `Heatmap of ${result.factors.length} factors by ${result.sides.length} documents; the table below holds the same numbers` });
  result.sides.forEach((side, j) => {
    svg.append(s('text', { x: labelWidth + j * cell + cell / 2, y: headerHeight - 8, 'text-anchor': 'middle', class: 'axis' }, String(j + 1), s('title', {}, side.label)));
  });
  result.factors.forEach((row, i) => {
    const y = headerHeight + i * cell;
    svg.append(s('text', { x: labelWidth - 8, y: y + cell / 2 + 4, 'text-anchor': 'end', class: 'axis' }, row.label));
    row.cells.forEach((c, j) => {
      const x = labelWidth + j * cell;
      svg.append(s('rect', { x: x + 1, y: y + 1, width: cell - 2, height: cell - 2, class: 'cell-bg' }));
      if (!c) return;
      const size = Math.max(5, (cell - 4) * Math.sqrt(c.per_1000_words / maxRate));
      svg.append(s('rect', {
        x: x + (cell - size) / 2, y: y + (cell - size) / 2, width: size, height: size, rx: 2, fill: netColour(c.net), tabindex: 0, class: 'cell',
      }, s('title', {}, `${row.label} — ${result.sides[j].label}: ${c.mentions} mention(s), ${formatNumber(c.per_1000_words)} per 1000 words, net ${formatNumber(c.net)} (+${c.positive} −${c.negative} 0:${c.neutral})`)));
    });
  });
  const legend = h('ol', { class: 'sides' }, ...result.sides.map((side) =>
    h('li', {}, side.kind === 'document' ? h('a', { href: `/document.html?id=${side.id}` }, side.label) : side.label,
      h('span', { class: 'muted' }, side.kind === 'collection' ? ` — ${side.documents} document(s)` : ` — ${side.words} words`))));
  document.getElementById('heatmap').replaceChildren(svg, legend);
}

/** Sortable table: factor, total rate, then rate and net per side. */
function renderTable(result, sort, focus = false) {
  const columns = [
    { key: 'factor', label: 'Factor', value: (r) => r.label, text: true },
    { key: 'total', label: 'Σ per 1000', value: (r) => r.cells.reduce((n, c) => n + (c?.per_1000_words ?? 0), 0) },
    ...result.sides.flatMap((side, j) => [
      { key: `rate${j}`, label: `${shortLabel(side)}: per 1000`, value: (r) => r.cells[j]?.per_1000_words ?? -1, show: (r) => (r.cells[j] ? formatNumber(r.cells[j].per_1000_words) : '—') },
      { key: `net${j}`, label: `${shortLabel(side)}: net`, value: (r) => r.cells[j]?.net ?? -2, show: (r) => (r.cells[j] ? formatNumber(r.cells[j].net) : '—') },
    ]),
  ];
  const column = columns.find((c) => c.key === sort.column) ?? columns[1];
  const rows = [...result.factors].sort((a, b) => {
    const [x, y] = [column.value(a), column.value(b)];
    const order = column.text ? String(x).localeCompare(String(y)) : x - y;
    return sort.descending ? -order : order;
  });
  const header = (c) => h('th', { class: c.text ? '' : 'num', scope: 'col', 'aria-sort': c === column ? (sort.descending ? 'descending' : 'ascending') : null },
    h('button', { type: 'button', class: 'sort', onclick: () => renderTable(result, { column: c.key, descending: c === column ? !sort.descending : !c.text }, true) },
      c.label, c === column ? (sort.descending ? ' ▼' : ' ▲') : ''));
  document.getElementById('compare-table').replaceChildren(
    h('thead', {}, h('tr', {}, ...columns.map(header))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...columns.map((c) =>
      h('td', { class: c.text ? '' : 'num' }, c.text ? r.label : c.show ? c.show(r) : formatNumber(c.value(r))))))));
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
