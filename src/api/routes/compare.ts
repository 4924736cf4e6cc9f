// Comparing 2–20 documents, or collections, by their factor profiles.
import { Router } from 'express';
import { z } from 'zod';
import type { CompareService } from '../../services/compare-service.js';
import { HttpError, says } from '../errors.js';
import { list, parseQuery } from '../params.js';

export const compareQuery = z.object({ documents: list, collections: list });

export function compareRouter(compare: CompareService): Router {
  const router = Router();

  router.get('/compare', async (req, res) => {
    const q = parseQuery(compareQuery, req);
    const documents = [...new Set(q.documents ?? [])];
    const collections = [...new Set(q.collections ?? [])];
    if (documents.length && collections.length) throw new HttpError(400, 'invalid_query', says('compare.notBoth'));
    res.json(documents.length ? await compare.compareDocuments(documents) : await compare.compareCollections(collections));
  });

  return router;
}
