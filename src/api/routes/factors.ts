// The factor table: documents × factors with stance counts, and the evidence behind each cell.
import { Router } from 'express';
import { z } from 'zod';
import { factorDefinitions } from '../../analysis/factors/index.js';
import type { Runtime } from '../../runtime.js';
import { list, paging, parseQuery } from '../params.js';

export const factorFilter = paging.extend({
  document: list,
  factor: list,
  stance: z.enum(['positive', 'negative', 'neutral']).optional(),
  language: z.string().regex(/^[a-z]{2,3}$/, 'a language code such as ru or en').optional(),
  collection: z.string().max(100).optional(),
});

export function toFilter(q: z.infer<typeof factorFilter>) {
  return { documents: q.document, factors: q.factor, stance: q.stance, language: q.language, collection: q.collection };
}

export function factorsRouter(runtime: Runtime): Router {
  const router = Router();

  router.get('/codebook', (_req, res) => {
    res.json({ factors: factorDefinitions() });
  });

  router.get('/factors', async (req, res) => {
    const q = parseQuery(factorFilter, req);
    const { rows, total } = await runtime.factorTable.rows(toFilter(q), q);
    res.json({ total, limit: q.limit, offset: q.offset, rows });
  });

  router.get('/factors/:id/evidence', async (req, res) => {
    const q = parseQuery(factorFilter, req);
    const mentions = await runtime.factorTable.mentions({ ...toFilter(q), factors: [req.params.id] }, q);
    res.json({ factor: req.params.id, limit: q.limit, offset: q.offset, mentions });
  });

  return router;
}
