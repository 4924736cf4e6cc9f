// The factor table: documents × factors (or totals per factor) with stance counts, and the evidence
// behind each factor across the corpus.
import { Router } from 'express';
import { z } from 'zod';
import type { FactorTableService } from '../../services/factor-table-service.js';
import { HttpError, says } from '../errors.js';
import { flag, parseQuery } from '../params.js';
import { pagedCorpusQuery, toFilter } from './corpus-query.js';

export const tableQuery = pagedCorpusQuery.extend({
  group: z.enum(['document', 'factor']).default('document'),
  sort: z.enum(['mentions', 'rate', 'net']).default('mentions'),
  order: z.enum(['asc', 'desc']).default('desc'),
  complete: flag,
});

export function factorsRouter(table: FactorTableService): Router {
  const router = Router();

  router.get('/codebook', (_req, res) => {
    res.json({ factors: table.codebook });
  });

  router.get('/factors', async (req, res) => {
    const q = parseQuery(tableQuery, req);
    if (q.complete && q.group !== 'document') throw new HttpError(400, 'invalid_query', says('filter.completeNeedsDocuments'));
    const { rows, total } = q.complete ? await table.completePage(toFilter(q), q) : await table.page(q.group, toFilter(q), q, { sort: q.sort, order: q.order });
    res.json({
      group: q.group,
      sort: q.sort,
      order: q.order,
      complete: q.complete,
      total,
      limit: q.limit,
      offset: q.offset,
      rows,
    });
  });

  // Every mention of the factor across the (filtered) corpus, with its document.
  router.get('/factors/:id', async (req, res) => {
    const q = parseQuery(pagedCorpusQuery, req);
    const { factor, total, mentions } = await table.evidence(String(req.params.id), toFilter(q), q);
    res.json({ factor, total, limit: q.limit, offset: q.offset, mentions });
  });

  return router;
}
