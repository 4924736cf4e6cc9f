// Long forms of abbreviations the paper never defines, looked for anywhere in its text: a paper that
// writes «Якутский государственный университет» on one page and «ЯГУ» on others, or "generalised
// least squares" in its method and "GLS" in its tables, spells the short form out once without
// pairing the two. A spelled-out form is a run of content words, inside one clause, whose initials
// (and those of hyphen-joined parts: «физико-технический» gives ф, т) are the short form's letters in
// order; function words may stand between them («Академия наук», "Organization for …").
// Word runs spell three letters by chance often («выглядит вполне позитивно» for ВВП, "is surely one"
// for ISO), so a run counts only when it reads as a term: a Russian run is one noun phrase
// (morphology), and any run is either written as a name (capitalised as the language writes names,
// not at the start of its clause) or used at least twice.
import { remember } from '../bounded-cache.js';
import { functionWords } from './letter-match.js';
import { nounPhraseStart } from './noun-phrase.js';

/** Fewer letters match word runs by chance too often («ГУ», "LM"). */
const MIN_LETTERS = 3;
const MAX_LETTERS = 8;
/** Marks that end a clause: a long form does not run across them. */
const CLAUSE_END = /[.,;:!?()[\]«»"“”„\n–—]/u;

interface Form {
  written: string;
  count: number;
  /** Written as a name somewhere: capitalised as its language writes names, not at the start of its clause. */
  name: boolean;
}

/** A Cyrillic run must be one noun phrase (when morphology is loaded); Latin runs are not parsed. */
function readsAsTerm(written: string): boolean {
  if (!/\p{Script=Cyrillic}/u.test(written)) return true;
  const words = written.split(/\s+/);
  return nounPhraseStart(words, words.length)?.start === 0;
}

interface WordShape {
  functional: boolean;
  /** Written in capitals: an abbreviation itself, not part of a spelled-out form. */
  capitals: boolean;
  /** First letters of the word and of its hyphen-joined parts, lower case, ё as е. */
  initials: string;
}

// A paper repeats its words, so each form's shape is computed once (bounded-cache.ts); the cache
// starts afresh when the function words change (a language registered).
let shapes = { functional: new Set<string>(), byWord: new Map<string, WordShape>() };

function wordShape(word: string, functional: Set<string>): WordShape {
  if (shapes.functional !== functional) shapes = { functional, byWord: new Map() };
  const known = shapes.byWord.get(word);
  if (known) return known;
  const lower = word.toLowerCase().replace(/ё/gu, 'е');
  return remember(shapes.byWord, word, {
    functional: functional.has(lower),
    capitals: word.length > 1 && word === word.toUpperCase(),
    initials: lower.split('-').map((part) => part[0]).join(''),
  });
}

/**
 * The most frequent spelled-out form of each wanted short form (letters only, 3–8 of them) in the
 * text, as first written. One pass over the words, each tried as the start of a run that grows
 * while its initials begin a wanted short form: linear in the text.
 */
export function spelledOutForms(text: string, wanted: Iterable<string>): Map<string, string> {
  const keys = new Map<string, string>();
  for (const short of wanted) {
    const letters = short.toLowerCase().replace(/ё/gu, 'е');
    if (/^\p{L}+$/u.test(letters) && letters.length >= MIN_LETTERS && letters.length <= MAX_LETTERS) keys.set(letters, short);
  }
  const found = new Map<string, Map<string, Form>>();
  if (keys.size === 0) return new Map();
  // Every beginning of a wanted short form: a run stops growing as soon as its initials leave them.
  const prefixes = new Set([...keys.keys()].flatMap((k) => [...k].map((_, n) => k.slice(0, n + 1))));
  const functionalWords = functionWords();
  for (const clause of text.split(CLAUSE_END)) {
    // Whole words only: the "s" of "1990s" or of "university's" is no word.
    const words = [...clause.matchAll(/(?<![\p{L}\p{N}'’])\p{L}+(?:-\p{L}+)*(?:['’]\p{L}+)?(?![\p{N}])/gu)].map((m) => {
      const { functional, capitals, initials } = wordShape(m[0], functionalWords);
      return { text: m[0], at: m.index, functional, capitals, initials };
    });
    for (let i = 0; i < words.length; i++) {
      if (words[i]!.functional || words[i]!.capitals || !prefixes.has(words[i]!.initials[0]!)) continue;
      let initials = '';
      for (let j = i; j < words.length; j++) {
        const word = words[j]!;
        if (word.functional) continue;
        if (word.capitals) break;
        initials += word.initials;
        if (!prefixes.has(initials)) break;
        const short = keys.get(initials);
        if (!short) continue;
        const written = clause.slice(words[i]!.at, word.at + word.text.length);
        const key = written.toLowerCase().split(/\s+/).map((w) => w.slice(0, 5)).join(' ');
        const content = words.slice(i, j + 1).filter((w) => !w.functional).map((w) => w.text);
        // Russian names capitalise their first word only («Томский политехнический институт»),
        // English ones every content word ("Science Citation Index").
        const capitalised = /\p{Script=Cyrillic}/u.test(content[0]!) ? content.slice(0, 1) : content;
        const name = i > 0 && capitalised.every((w) => /^\p{Lu}/u.test(w));
        const forms = found.get(short) ?? new Map<string, Form>();
        found.set(short, forms);
        const seen = forms.get(key);
        if (seen) {
          seen.count++;
          seen.name ||= name;
        } else if (readsAsTerm(written)) forms.set(key, { written, count: 1, name });
      }
    }
  }
  const result = new Map<string, string>();
  for (const [short, forms] of found) {
    // Two different runs as frequent as each other are chance, not the paper's long form.
    const [best, second] = [...forms.values()].sort((a, b) => b.count - a.count);
    if (best && (best.name || best.count >= 2) && (!second || second.count < best.count)) result.set(short, best.written);
  }
  return result;
}
