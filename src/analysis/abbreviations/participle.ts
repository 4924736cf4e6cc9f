// Russian long forms whose noun is followed by a participial phrase: «клеток, образующих
// иммуноглобулины (ИГОК)». The abbreviation is made from the equivalent compound with the
// participle before the noun («иммуноглобулинобразующие клетки»), so its letters run through the
// participle's complement, then the participle, and end with the noun.
import { bestLongForm, shortFormLetters, splitWords } from './letter-match.js';
import { convincing } from './long-form-before.js';
import { morphologyLoaded } from './morphology.js';
import { agreeingParticiple } from './noun-phrase.js';
import { maxLongFormWords, trimmedEnd, wordWindow } from './text-window.js';

/** Long form «noun, participle complement» ending at `end`, whose letters match in that reordering, or null. */
export function participialLongFormBefore(text: string, short: string, end: number): [number, number] | null {
  if (!/\p{Script=Cyrillic}/u.test(short) || !morphologyLoaded()) return null;
  const letters = shortFormLetters(short);
  const e = trimmedEnd(text, end);
  const [from] = wordWindow(text, e, maxLongFormWords(short));
  const words = splitWords(text.slice(from, e));
  // The nearest comma between a noun and a participle that agrees with it.
  for (let k = words.length - 3; k >= 0; k--) {
    const noun = /^(\p{L}+),$/u.exec(words[k]!.text)?.[1];
    if (!noun || !agreeingParticiple(words[k + 1]!.text, noun)) continue;
    // The noun gives the last letter; the complement and the participle, read first, give the rest.
    if (noun[0]!.toLowerCase() !== letters[letters.length - 1]) return null;
    const complement = text.slice(from + words[k + 2]!.start, e);
    const found = bestLongForm(letters.slice(0, -1).join(''), `${complement} ${words[k + 1]!.text}`);
    return found && convincing(short, found) ? [from + words[k]!.start, e] : null;
  }
  return null;
}
