// Building the pages from API data. Document text only ever enters the page as text nodes, so a
// paper that contains <script> or <img onerror> shows it as text.

/** h('td', { class: 'num' }, 'text', childNode, …) */
export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) el.setAttribute(name, String(value));
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
  return h('span', { class: `status ${status}` }, status.replace('_', ' '));
}

export function formatDate(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
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
