// Capitals that name a variable of the paper's models, not an abbreviation of its language.
// Regression papers name their variables by clipping one word ("patenting (PATT)", "number of
// employees (EMPL)", "disclose inventions (DSCL)") or by writing a plain word in capitals ("AGE",
// "DEMAND", "EXPORT"); an abbreviation takes the initials of several words instead. Only Latin
// capitals are judged: Russian clipped abbreviations are real ones («ГОЭЛРО», «Минфин»), and an
// all-caps Russian word is already a heading word (context.ts).

/** Fewer letters are too often the initials of a short name ("HQ", "PV"). */
const MIN_LETTERS = 3;

function latinCapitals(short: string): boolean {
  return /^[A-Z][A-Za-z]+$/u.test(short) && short.length >= MIN_LETTERS && short.replace(/[a-z]/gu, '').length >= 2;
}

/**
 * Whether the short form clips one word of its long form: it begins with that word's first two
 * letters and takes the rest of its letters from it in order (PATT of "patent", OPTN of "option",
 * EXPORT of "export active"), and cannot be read as the initials of several of its words (SCIE of
 * "Science Citation Index Expanded").
 *
 * Names of chemicals and drugs are clipped the same way (DEX for dexamethasone, though most, like
 * MTX for methotrexate or LPS for lipopolysaccharide, skip the second letter), so a clipping alone
 * does not make a variable: see variableNames (index.ts), which asks for a list of them.
 */
export function isClipping(short: string, long: string): boolean {
  if (!latinCapitals(short)) return false;
  const letters = short.toLowerCase();
  const words = long.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  return words.some((word) => word.startsWith(letters.slice(0, 2)) && anchored(letters, word)) && !spansWords(letters, words, 0);
}

/** The letters are a subsequence of the word that begins with its first letter. */
function anchored(letters: string, word: string): boolean {
  if (word[0] !== letters[0]) return false;
  let i = 0;
  for (const ch of word) if (ch === letters[i]) i++;
  return i === letters.length;
}

/** Whether the letters split into two or more runs, each anchored in a later word than the one before. */
function spansWords(letters: string, words: string[], from: number): boolean {
  for (let k = 1; k < letters.length; k++) {
    for (let j = from; j < words.length; j++) {
      if (!anchored(letters.slice(0, k), words[j]!)) continue;
      const rest = letters.slice(k);
      if (words.slice(j + 1).some((w) => anchored(rest, w)) || spansWords(rest, words, j + 1)) return true;
    }
  }
  return false;
}

/** Whether a Latin word in capitals is an ordinary word the text also writes in lower case ("AGE" beside "age"). */
export function isWordInCapitals(short: string, text: string): boolean {
  if (!/^[A-Z]+$/u.test(short) || short.length < MIN_LETTERS) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])${short.toLowerCase()}(?![\\p{L}\\p{N}])`, 'u').test(text);
}
