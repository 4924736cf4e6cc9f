// The factor table: documents × factors (or totals per factor) with stance counts, and the evidence
// behind each factor across the corpus.
import { Router } from 'express';
import { z } from 'zod';
import { factorDefinitions } from '../../analysis/factors/index.js';
import type { Runtime } from '../../runtime.js';
import { HttpError } from '../errors.js';
import { parseQuery } from '../params.js';
import { pagedCorpusQuery, toFilter } from './corpus-query.js';

const tableQuery = pagedCorpusQuery.extend({
  group: z.enum(['document', 'factor']).default('document'),
  sort: z.enum(['mentions', 'rate', 'net']).default('mentions'),
  order: z.enum(['asc', 'desc']).default('desc'),
});

export function factorsRouter(runtime: Runtime): Router {
  const router = Router();
  const codebook = factorDefinitions();
  const labels = new Map(codebook.map((f) => [f.id, f.label]));

  router.get('/codebook', (_req, res) => {
    res.json({ factors: codebook });
  });

  router.get('/factors', async (req, res) => {
    const q = parseQuery(tableQuery, req);
    const sorting = { sort: q.sort, order: q.order };
    const { rows, total } = q.group === 'factor'
      ? await runtime.factorTable.totals(toFilter(q), q, sorting)
      : await runtime.factorTable.rows(toFilter(q), q, sorting);
    res.json({
      group: q.group,
      sort: q.sort,
      order: q.order,
      total,
      limit: q.limit,
      offset: q.offset,
      rows: rows.map((r) => ({ ...r, label: labels.get(r.factor) ?? null })),
    });
  });

  // Every mention of the factor across the (filtered) corpus, with its document.
  router.get('/factors/:id', async (req, res) => {
    const id = String(req.params.id);
    const label = labels.get(id);
    if (!label) throw new HttpError(404, 'not_found', `No factor "${id}" in the codebook (see /api/codebook).`);
    const q = parseQuery(pagedCorpusQuery, req);
    const filter = { ...toFilter(q), factors: [id] };
    const [mentions, total] = await Promise.all([runtime.factorTable.mentions(filter, q), runtime.factorTable.countMentions(filter)]);
    res.json({ factor: { id, label }, total, limit: q.limit, offset: q.offset, mentions });
  });

  return router;
}
