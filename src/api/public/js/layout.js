// What every page shares: the header (brand, navigation, language switch) and its static texts in
// the interface language. Page scripts import it first, so the page is translated before they run.
import { h } from './dom.js';
import { DICTIONARIES, language, setLanguage, t, translatePage } from './i18n.js';

const PAGES = [
  ['/', 'nav.documents'],
  ['/corpus.html', 'nav.corpus'],
  ['/compare.html', 'nav.compare'],
  ['/search.html', 'nav.search'],
  ['/kwic.html', 'nav.kwic'],
  ['/quality.html', 'nav.quality'],
];

function header() {
  const here = location.pathname === '/index.html' ? '/' : location.pathname;
  const nav = h('nav', { 'aria-label': t('nav.label') },
    ...PAGES.map(([href, key]) => h('a', { href, 'aria-current': href === here ? 'page' : null }, t(key))));
  // Each language is named in itself, so that a reader who cannot read the current one finds theirs.
  const languages = h('div', { class: 'language-switch', role: 'group', 'aria-label': t('nav.language') },
    ...Object.keys(DICTIONARIES).map((code) =>
      h('button', { type: 'button', lang: code, 'data-language': code, 'aria-pressed': String(code === language), onclick: () => code !== language && setLanguage(code) },
        DICTIONARIES[code]['language.self'])));
  return [h('a', { class: 'brand', href: '/' }, 'PolicyLens'), nav, languages];
}

translatePage();
document.querySelector('body > header')?.replaceChildren(...header());
