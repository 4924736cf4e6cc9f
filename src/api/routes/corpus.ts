// What the corpus holds, for the pages' filters and charts: collections, languages and years.
import { Router } from 'express';
import type { CorpusService } from '../../services/corpus-service.js';

export function corpusRouter(corpus: CorpusService): Router {
  const router = Router();
  router.get('/corpus', async (_req, res) => {
    res.json(await corpus.overview());
  });
  return router;
}
