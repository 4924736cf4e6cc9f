// The concordance (keyword in context) of a query, as JSON or CSV.
import { Router } from 'express';
import { z } from 'zod';
import { BOM, csvLine } from '../../export/csv.js';
import { CONCORDANCE_COLUMNS, type ConcordanceService } from '../../services/concordance-service.js';
import { flag, parseQuery } from '../params.js';
import { pagedCorpusQuery, toFilter } from './corpus-query.js';

export const kwicQuery = pagedCorpusQuery.extend({
  q: z.string().trim().min(1, 'query.searchWhat').max(500),
  /** Words of context on each side. */
  window: z.coerce.number().int().min(1).max(30).default(8),
  sort: z.enum(['document', 'left', 'right']).default('document'),
  both: flag,
  /** Also the lines of the references, left out by default. */
  references: flag,
  format: z.enum(['json', 'csv']).default('json'),
  bom: flag,
});

export function kwicRouter(concordance: ConcordanceService): Router {
  const router = Router();

  router.get('/kwic', async (req, res) => {
    const q = parseQuery(kwicQuery, req);
    const result = await concordance.lines({ q: q.q, window: q.window, sort: q.sort, bothLanguages: q.both, references: q.references }, toFilter(q), q);
    if (q.format === 'csv') {
      const rows = result.lines.map((line) => csvLine(CONCORDANCE_COLUMNS.map((c) => line[c]))).join('');
      res.type('text/csv; charset=utf-8').set('Content-Disposition', 'attachment; filename="policylens-kwic.csv"');
      res.send((q.bom ? BOM : '') + csvLine([...CONCORDANCE_COLUMNS]) + rows);
      return;
    }
    res.json({ q: q.q, window: q.window, sort: q.sort, limit: q.limit, offset: q.offset, ...result });
  });

  return router;
}
