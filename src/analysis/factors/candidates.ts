// STUB (replaced by issue 6).
import type { Candidate, FactorMention, TextContext } from '../types.js';

export function findCandidates(_context: TextContext, _mentions: FactorMention[]): Candidate[] {
  return [];
}
