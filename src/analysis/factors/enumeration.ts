// A factor word that is only one item of a long enumeration («связано с мобильностью труда,
// инвестиционной привлекательностью, международной конкуренцией, глобализацией, экономическим
// ростом…», "geological, soil, forest, climatic and energy resources") is named, not discussed: the
// annotation guide counts a factor when a sentence talks about it as a matter of substance, and a
// list of topics, research fields or determinants talks about none of its items. Such mentions
// stay evidence only when the paper also discusses the factor elsewhere (see index.ts).
import type { Token } from '../types.js';

/** Items separated by these punctuation tokens form an enumeration. */
const ITEM_SEPARATORS: ReadonlySet<string> = new Set([',', ';']);
/** An item of an enumeration is a short noun phrase: at most this many words. */
const MAX_ITEM_WORDS = 5;
/** At least this many short items in a row make an enumeration, not a clause with a comma. */
const MIN_ITEMS = 4;

/**
 * Whether the match [from, to) stands in a run of at least MIN_ITEMS short comma-separated items
 * (its own item included). Items are counted in words, punctuation aside, so a bracketed citation
 * inside an item does not lengthen it.
 */
export function isEnumerationItem(tokens: Token[], from: number, to: number): boolean {
  const items = itemLengths(tokens);
  const own = itemIndex(tokens, from);
  if (items[own]! > MAX_ITEM_WORDS || itemIndex(tokens, to - 1) !== own) return false;
  let first = own;
  while (first > 0 && items[first - 1]! <= MAX_ITEM_WORDS) first--;
  let last = own;
  while (last < items.length - 1 && items[last + 1]! <= MAX_ITEM_WORDS) last++;
  // The first item of a list often carries its lead-in («связано с мобильностью…»), which makes it
  // long; the run of short items counts the list either way.
  return last - first + 1 >= MIN_ITEMS;
}

function isSeparator(t: Token): boolean {
  return ITEM_SEPARATORS.has(t.text);
}

/** Word counts of the comma-separated stretches of a sentence, in order. */
function itemLengths(tokens: Token[]): number[] {
  const lengths = [0];
  for (const t of tokens) {
    if (isSeparator(t)) lengths.push(0);
    else if (/\p{L}/u.test(t.text)) lengths[lengths.length - 1]!++;
  }
  return lengths;
}

function itemIndex(tokens: Token[], at: number): number {
  let index = 0;
  for (let i = 0; i < at; i++) if (isSeparator(tokens[i]!)) index++;
  return index;
}
