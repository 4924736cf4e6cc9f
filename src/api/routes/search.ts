// Full-text search over every sentence of the corpus, filtered like the factor table.
import { Router } from 'express';
import { z } from 'zod';
import { TERM_GROUPINGS, type CorpusService } from '../../services/corpus-service.js';
import { flag, list, parseQuery } from '../params.js';
import { corpusFilterQuery, pagedCorpusQuery, toFilter } from './corpus-query.js';

export const searchQuery = pagedCorpusQuery.extend({
  q: z.string().trim().min(1, 'query.searchWhat').max(500),
  order: z.enum(['relevance', 'document']).default('relevance'),
  /** Also search the query's translations (glossary and factor labels): санкции ⇄ sanctions, НИС ⇄ NIS. */
  both: flag,
  /** Also the sentences of the references, left out by default. */
  references: flag,
  /** Also count the matches by document, year and factor. */
  facets: flag,
});

/** Words are counted in documents: a factor or stance filter (which selects sentences) does not apply, and is refused. */
export const termsQuery = corpusFilterQuery
  .omit({ factor: true, stance: true })
  .extend({
    /** 1: words; 2, 3: n-grams. */
    n: z.coerce.number().int().min(1).max(3).default(1),
    limit: z.coerce.number().int().min(1).max(5000).default(100),
    /** Also the words of the references, left out by default. */
    references: flag,
    /** Also count per collection, per year, or per collection and year (by=collection,year). */
    by: list.pipe(z.array(z.enum(TERM_GROUPINGS)).optional()),
  })
  .strict();

export function searchRouter(corpus: CorpusService): Router {
  const router = Router();

  router.get('/search', async (req, res) => {
    const q = parseQuery(searchQuery, req);
    const filter = toFilter(q);
    const [{ hits, more, rankedWithin, translations }, facets] = await Promise.all([
      corpus.search(q.q, filter, q, { order: q.order, bothLanguages: q.both, references: q.references }),
      q.facets ? corpus.facets(q.q, filter, { bothLanguages: q.both, references: q.references }) : undefined,
    ]);
    res.json({ q: q.q, translations, order: q.order, limit: q.limit, offset: q.offset, more, rankedWithin, hits, ...(facets ? { facets } : {}) });
  });

  router.get('/terms', async (req, res) => {
    const q = parseQuery(termsQuery, req);
    res.json({ n: q.n, limit: q.limit, ...(q.by?.length ? { by: q.by } : {}), ...(await corpus.terms(toFilter(q), q)) });
  });

  return router;
}
