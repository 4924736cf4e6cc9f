// A small syllable hyphenator for the generated test PDFs: it breaks Russian and English words
// where a typesetter plausibly would (between syllables, never before ь, ъ, й), which is all the
// extraction test needs. It is not a dictionary hyphenator and is not used by the product.

const VOWELS = /[аеёиоуыэюяaeiouy]/i;
const NEVER_BEFORE = /[ьъй]/i;
const MIN_LEFT = 2;
const MIN_RIGHT = 3;

/** Offsets inside a plain word (letters only) where a line may break with a hyphen. */
export function hyphenationPoints(word: string): number[] {
  const points: number[] = [];
  const letters = [...word];
  for (let i = MIN_LEFT; i <= letters.length - MIN_RIGHT; i++) {
    if (NEVER_BEFORE.test(letters[i]!)) continue;
    const before = letters.slice(0, i).join('');
    const after = letters.slice(i).join('');
    if (!VOWELS.test(before) || !VOWELS.test(after)) continue;
    const prev = letters[i - 1]!;
    const next = letters[i]!;
    const nextNext = letters[i + 1] ?? '';
    // V-CV: after a vowel, before a consonant that starts the next syllable.
    const vcv = VOWELS.test(prev) && !VOWELS.test(next) && VOWELS.test(nextNext);
    // VC-CV: between two consonants (the first closing a syllable).
    const vccv = !VOWELS.test(prev) && !VOWELS.test(next) && VOWELS.test(letters[i - 2] ?? '') && VOWELS.test(nextNext);
    if (vcv || vccv) points.push(before.length);
  }
  return points;
}
