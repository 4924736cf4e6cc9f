// The net stance of a factor, as Summary v1 defines it: (positive − negative) / mentions, from −1
// (every mention treats the factor as a barrier) to +1 (every one as a driver); 0 without mentions.
// A document's factor, a factor's total over a selection and a collection's profile all use it.

export function netStance(positive: number, negative: number, mentions: number): number {
  return mentions ? (positive - negative) / mentions : 0;
}
