// What the corpus holds, for the pages' filters and charts: collections, languages and years.
import { Router } from 'express';
import type { Runtime } from '../../runtime.js';
import { CorpusRepository } from '../../store/corpus-repository.js';

export function corpusRouter(runtime: Runtime): Router {
  const router = Router();
  const corpus = new CorpusRepository(runtime.store.db);
  router.get('/corpus', async (_req, res) => {
    res.json(await corpus.overview());
  });
  return router;
}
