// The interface language: every text the pages show comes from one dictionary per language
// (i18n/en.js, i18n/ru.js, the same keys). The choice is kept in this browser; without one, the
// first language the browser asks for that we have (navigator.languages, what it sends as
// Accept-Language) wins, English otherwise. What the server says (errors, why a document failed)
// comes from its own catalogue (src/messages), in the language the `lang` cookie names.
import en from './i18n/en.js';
import ru from './i18n/ru.js';

export const DICTIONARIES = { en, ru };
const STORAGE_KEY = 'policylens.language';

function chosenLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && saved in DICTIONARIES) return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const code = String(tag).slice(0, 2).toLowerCase();
    if (code in DICTIONARIES) return code;
  }
  return 'en';
}

/** The interface language code (en, ru). */
export const language = chosenLanguage();
// Every request of the page (API calls, downloads) carries it, so the server answers in it too.
document.cookie = `lang=${language}; path=/; max-age=31536000; SameSite=Lax`;
const plurals = new Intl.PluralRules(language);

/** Keeps the choice and shows the page again in it (every text, chart and list is rebuilt). */
export function setLanguage(code) {
  localStorage.setItem(STORAGE_KEY, code);
  location.reload();
}

/**
 * The text of `key` with {name} placeholders filled from `values`. An entry given as plural forms
 * ({ one, few, many, other }) is chosen by `values.n`, by the language's plural rules.
 */
export function t(key, values = {}) {
  let text = DICTIONARIES[language][key] ?? en[key];
  if (text === undefined) throw new Error(`i18n: no text for "${key}"`);
  if (typeof text === 'object') text = text[plurals.select(values.n ?? 0)] ?? text.other;
  return text.replace(/\{(\w+)\}/g, (_, name) => (values[name] === undefined || values[name] === null ? '' : String(values[name])));
}

/** A factor's codebook label ({ en, ru, … }) in the interface language, English when it has none. */
export function factorLabel(labels, fallback = '') {
  return labels?.[language] ?? labels?.en ?? fallback;
}

const languageNames = new Intl.DisplayNames([language], { type: 'language' });

/** A language code (ru, en) as a name in the interface language ("Russian", «русский»). */
export function languageName(code) {
  if (!code) return '';
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A number in the interface language's notation (decimal comma in Russian), with `digits` decimals. */
export function formatNumber(n, digits = 2) {
  return typeof n === 'number' && Number.isFinite(n) ? n.toLocaleString(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '';
}

/** A whole number with the language's grouping (12 345). */
export function formatCount(n) {
  return typeof n === 'number' ? n.toLocaleString(language) : '';
}

export function formatDate(iso) {
  return iso ? new Date(iso).toLocaleString(language) : '';
}

/** Fills the static page: elements with data-i18n get the text, data-i18n-<attribute> the attribute. */
export function translatePage(root = document) {
  document.documentElement.lang = language;
  for (const el of root.querySelectorAll('*')) {
    for (const { name, value } of [...el.attributes]) {
      if (name === 'data-i18n') el.textContent = t(value);
      else if (name.startsWith('data-i18n-')) el.setAttribute(name.slice('data-i18n-'.length), t(value));
    }
  }
}
