// Full-text search over every sentence of the corpus, filtered like the factor table.
import { Router } from 'express';
import { z } from 'zod';
import type { CorpusService } from '../../services/corpus-service.js';
import { flag, parseQuery } from '../params.js';
import { pagedCorpusQuery, toFilter } from './corpus-query.js';

export const searchQuery = pagedCorpusQuery.extend({
  q: z.string().trim().min(1, 'say what to search for').max(500),
  order: z.enum(['relevance', 'document']).default('relevance'),
  /** Also search the query's translations (glossary and factor labels): санкции ⇄ sanctions, НИС ⇄ NIS. */
  both: flag,
});

export function searchRouter(corpus: CorpusService): Router {
  const router = Router();

  router.get('/search', async (req, res) => {
    const q = parseQuery(searchQuery, req);
    const { hits, more, translations } = await corpus.search(q.q, toFilter(q), q, { order: q.order, bothLanguages: q.both });
    res.json({ q: q.q, translations, order: q.order, limit: q.limit, offset: q.offset, more, hits });
  });

  return router;
}
