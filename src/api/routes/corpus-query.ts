// The query parameters every research route shares: which documents, factors and stance.
import { z } from 'zod';
import { STANCES } from '../../analysis/types.js';
import { parseYearRange, type CorpusFilter } from '../../store/corpus-filter.js';
import { list, paging } from '../params.js';

/** year=2019, year=2015-2020, year=2015- or year=-2020; an empty year= is no filter, as a form sends it. */
const yearRange = z
  .string()
  .transform((v, ctx) => {
    const range = v === '' ? {} : parseYearRange(v);
    if (!range) ctx.addIssue({ code: 'custom', message: 'query.yearRange' });
    return range ?? {};
  })
  .optional();

export const corpusFilterQuery = z.object({
  document: list,
  factor: list,
  stance: z.enum(STANCES).optional(),
  language: z.string().regex(/^[a-z]{2,3}$/, 'query.languageCode').optional(),
  collection: list,
  year: yearRange,
});

export const pagedCorpusQuery = corpusFilterQuery.extend(paging.shape);

export function toFilter(q: z.infer<typeof corpusFilterQuery>): CorpusFilter {
  return {
    documents: q.document,
    factors: q.factor,
    stance: q.stance,
    language: q.language,
    collection: q.collection?.length ? q.collection : undefined,
    yearFrom: q.year?.yearFrom,
    yearTo: q.year?.yearTo,
  };
}
