// STUB (replaced by issue 6).
import type { FactorDefinition, FactorMention, SummaryAbbreviation, TextContext } from '../types.js';

export function factorDefinitions(): FactorDefinition[] {
  return [];
}

export function findFactorMentions(_context: TextContext, _abbreviations: SummaryAbbreviation[]): FactorMention[] {
  return [];
}
