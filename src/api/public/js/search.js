import './layout.js';
import { api, downloadLinks, fillCorpusForm, formQuery, h, highlight } from './dom.js';
import { factorLabel, formatCount, languageName, t } from './i18n.js';

const PAGE = 50;
const form = document.getElementById('search');
const hits = document.getElementById('hits');
const more = document.getElementById('more');
const status = document.getElementById('search-status');
let offset = 0;

function hitItem(hit) {
  return h('li', {},
    h('p', { class: 'sentence' }, ...highlight(hit.sentence, hit.highlights.map(([start, end]) => ({ start, end, className: 'match' })))),
    h('div', { class: 'muted' },
      h('a', { href: `/document.html?id=${hit.document_id}` }, hit.title || hit.filename),
      [hit.year, hit.page ? t('units.page', { page: hit.page }) : null, languageName(hit.language)].filter(Boolean).map((x) => ` · ${x}`).join('')));
}

/** Where the matches are: by factor, document and year (the first 5,000 matching sentences); each entry narrows the search. */
function facetLists(facets, query) {
  const narrowed = (name, value) => {
    const next = new URLSearchParams(query);
    next.set(name, value);
    return `?${next}`;
  };
  const list = (title, items) => (items.length ? h('div', {}, h('h2', {}, title), h('ul', {}, ...items.slice(0, 10))) : null);
  return [
    list(t('search.facetFactors'), facets.factors.map((f) => h('li', {}, h('a', { href: narrowed('factor', f.factor) }, factorLabel(f.label, f.factor)), ` (${f.hits})`))),
    list(t('search.facetDocuments'), facets.documents.map((d) => h('li', {}, h('a', { href: narrowed('document', d.document_id) }, d.title || d.filename), ` (${d.hits})`))),
    list(t('search.facetYears'), facets.years.map((y) => h('li', {}, y.year === null ? t('search.unknownYear') : h('a', { href: narrowed('year', String(y.year)) }, String(y.year)), ` (${y.hits})`))),
  ].filter(Boolean);
}

async function run(append) {
  const query = formQuery(form);
  if (!query.get('q')) return;
  if (!append) offset = 0;
  query.set('limit', String(PAGE));
  query.set('offset', String(offset));
  if (!append) query.set('facets', '1');
  status.textContent = t('search.running');
  try {
    const data = await api(`/api/search?${query}`);
    if (!append) hits.replaceChildren();
    hits.append(...data.hits.map(hitItem));
    offset += data.hits.length;
    more.hidden = !data.more;
    if (data.facets) document.getElementById('facets').replaceChildren(...facetLists(data.facets, formQuery(form)));
    const also = data.translations.length ? ` (${t('filter.alsoSearched', { list: data.translations.join(', ') })})` : '';
    const ranked = data.rankedWithin ? ` · ${t('search.rankedWithin', { n: formatCount(data.rankedWithin) })}` : '';
    status.textContent = (offset ? t('search.count', { n: offset, more: data.more ? '+' : '' }) : t('filter.noSentence')) + also + ranked;
    const shown = formQuery(form);
    history.replaceState(null, '', `?${shown}`);
    for (const name of ['q', 'order', 'both', 'references']) shown.delete(name);
    document.getElementById('downloads').replaceChildren(h('p', { class: 'muted' }, t('search.downloads')), downloadLinks(shown.toString()));
  } catch (error) {
    status.textContent = error.message;
  }
}

async function init() {
  const initial = await fillCorpusForm(form);
  if (initial.get('q')) run(false);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  run(false);
});
more.addEventListener('click', () => run(true));
init().catch((error) => { status.textContent = error.message; });
