// STUB (replaced by issue 5).
import type { SummaryAbbreviation, TextContext } from '../types.js';

export function findAbbreviations(_context: TextContext): SummaryAbbreviation[] {
  return [];
}
