// The words with which papers of a language mark the parts of a paper and a few fixed turns
// (lexicons/<code>/markers.txt; its header documents the format). All phrases are lower case; a
// step that needs a pattern builds it from them (see phrasesPattern).

export interface Markers {
  /** Heading or first words of an abstract (аннотация, abstract). */
  abstract: readonly string[];
  /** First words of the keyword line (ключевые слова, keywords). */
  keywords: readonly string[];
  /** Headings of the bibliography (список литературы, references). */
  references: readonly string[];
  /** Headings that end the bibliography when they follow it (приложение, about the authors). */
  afterReferences: readonly string[];
  /** First words of a figure or table caption, before its number (рис., table). */
  caption: readonly string[];
  /** First words of a note under a figure or table, before a colon (источник, source). */
  captionNote: readonly string[];
  /** Words that open the definition of a short name used from then on (далее, hereinafter). */
  hereinafter: readonly string[];
  /** Words that may stand between such a marker and the short name (по тексту, referred to as). */
  hereinafterFiller: readonly string[];
  /** Lower-case words inside a capitalised proper name (Bank of Russia); none where names are not written so. */
  nameJoiner: readonly string[];
  /** Words before a page number in a running header or footer (стр., page). */
  page: readonly string[];
  /** The word between a page number and the page count (из, of). */
  pageOf: readonly string[];
  /** Conjunctions that join the items of a list (и, and). */
  listConjunction: readonly string[];
  /** Words after which a hanging hyphen is a suspended compound («научно- и опытно-…», "pre- and post-war"). */
  suspension: readonly string[];
  /** Heading or first words of an appendix (приложение, appendix). */
  appendix: readonly string[];
  /** Heading or first words of thanks and funding notes (благодарности, acknowledgements). */
  acknowledgements: readonly string[];
  /** Heading with which the body starts (введение, introduction). */
  introduction: readonly string[];
  /** Heading of a table of contents (содержание, contents). */
  contents: readonly string[];
  /** First words of a line of front matter: codes, dates of receipt, licences (удк, received, ©). */
  front: readonly string[];
  /** The kind of document printed above its title (бакалаврская работа, working paper). */
  genre: readonly string[];
  /** Label before the author's name on a title page (автор, author). */
  authorLabel: readonly string[];
  /** Label of the paper's own citation line (для цитирования, to cite this article). */
  citation: readonly string[];
  /** Start of a word that names an institution (университет, universit). */
  affiliation: readonly string[];
  /** Start of a word in a heading that opens the author's conclusions, discussion or recommendations (вывод, conclu). */
  conclusions: readonly string[];
  /** An academic post or degree that a note on an author gives with the name (доцент, associate professor). */
  post: readonly string[];
}

const KINDS: Record<string, keyof Markers> = {
  abstract: 'abstract',
  keywords: 'keywords',
  references: 'references',
  'after-references': 'afterReferences',
  caption: 'caption',
  'caption-note': 'captionNote',
  hereinafter: 'hereinafter',
  'hereinafter-filler': 'hereinafterFiller',
  'name-joiner': 'nameJoiner',
  page: 'page',
  'page-of': 'pageOf',
  'list-conjunction': 'listConjunction',
  suspension: 'suspension',
  appendix: 'appendix',
  acknowledgements: 'acknowledgements',
  introduction: 'introduction',
  contents: 'contents',
  front: 'front',
  genre: 'genre',
  'author-label': 'authorLabel',
  citation: 'citation',
  affiliation: 'affiliation',
  conclusions: 'conclusions',
  post: 'post',
};

export function markerKindOf(name: string): keyof Markers | undefined {
  return Object.hasOwn(KINDS, name) ? KINDS[name] : undefined;
}

export function markerKindNames(): string {
  return Object.keys(KINDS).join(', ');
}

/** The markers read, with an empty list for each kind the file does not use. */
export function completeMarkers(found: Partial<Record<keyof Markers, string[]>>): Markers {
  const markers = {} as Record<keyof Markers, readonly string[]>;
  for (const key of Object.values(KINDS)) markers[key] = found[key] ?? [];
  return markers;
}

/**
 * A regular-expression source (for a regex with the u flag) that matches any of the phrases,
 * longest first, with any white space between their words, dots kept literal and a final '*'
 * standing for the rest of a word ("ключевые слова" matches «Ключевые  слова», именуем* «именуемое»).
 */
export function phrasesPattern(phrases: Iterable<string>): string {
  const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return '(?!)';
  const word = (w: string): string => (w.endsWith('*') ? `${escapeRegExp(w.slice(0, -1))}\\p{L}*` : escapeRegExp(w));
  return `(?:${sorted.map((p) => p.split(/\s+/).map(word).join('\\s+')).join('|')})`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
