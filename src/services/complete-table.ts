// The factor table with every document × factor cell, zeros included: what R's complete() or a
// pandas reindex would otherwise have to rebuild, and the shape a dfm (documents × features) needs.
// Only cells with mentions are stored; the others are made here, in codebook order.
import type { DocumentFactorsTable } from '../store/schema.js';
import type { CorpusFilter } from '../store/corpus-filter.js';
import type { DocumentFacts, FactorTableRow } from '../store/factor-table-repository.js';
import { RequestError } from './errors.js';

export function completeRows(documents: DocumentFacts[], cells: DocumentFactorsTable[], factors: string[]): FactorTableRow[] {
  const stored = new Map(cells.map((c) => [`${c.document_id}\u0000${c.factor}`, c]));
  return documents.flatMap(({ id, ...facts }) =>
    factors.map((factor) => ({
      ...facts,
      ...(stored.get(`${id}\u0000${factor}`) ?? { document_id: id, factor, mentions: 0, per_1000_words: 0, positive: 0, negative: 0, neutral: 0, net: 0, review: 'automatic' as const }),
    })),
  );
}

/** A complete table has every cell, zeros included: "only rows with mentions of this stance" contradicts it. */
export function refuseStance(filter: CorpusFilter): void {
  if (filter.stance) throw new RequestError('invalid_query', 'filter.completeWithoutStance');
}
