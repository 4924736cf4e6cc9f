// Comparing 2–20 documents, or collections, by their factor profiles.
import { Router } from 'express';
import { z } from 'zod';
import { factorDefinitions } from '../../analysis/factors/index.js';
import type { Runtime } from '../../runtime.js';
import { compareProfiles, MAX_SIDES, MIN_SIDES } from '../../services/compare-service.js';
import { CompareRepository } from '../../store/compare-repository.js';
import { HttpError } from '../errors.js';
import { list, parseQuery } from '../params.js';
import { findDocument } from './documents.js';

const compareQuery = z.object({ documents: list, collections: list });

export function compareRouter(runtime: Runtime): Router {
  const router = Router();
  const profiles = new CompareRepository(runtime.store.db);
  const codebook = factorDefinitions();

  router.get('/compare', async (req, res) => {
    const q = parseQuery(compareQuery, req);
    const documents = [...new Set(q.documents ?? [])];
    const collections = [...new Set(q.collections ?? [])];
    if (documents.length && collections.length) throw new HttpError(400, 'invalid_query', 'Compare documents or collections, not both.');
    const count = documents.length + collections.length;
    if (count < MIN_SIDES || count > MAX_SIDES) {
      throw new HttpError(400, 'invalid_query', `Give ${MIN_SIDES} to ${MAX_SIDES} documents (documents=a,b) or collections (collections=x,y).`);
    }
    let sides;
    if (documents.length) {
      // Full ids are read in one query; prefixes (and unknown ids, for their error) one by one.
      const known = new Map((await runtime.documents.getMany(documents.filter((id) => id.length === 64))).map((r) => [r.id, r]));
      const rows = await Promise.all(documents.map((id) => known.get(id) ?? findDocument(runtime, id)));
      const notDone = rows.filter((r) => r.status !== 'done');
      if (notDone.length) throw new HttpError(409, 'not_analyzed', `Not analyzed yet: ${notDone.map((r) => `${r.filename} (${r.status})`).join(', ')}.`);
      sides = await profiles.documentProfiles(rows);
    } else {
      sides = await Promise.all(collections.map((c) => profiles.collectionProfile(c)));
      const empty = sides.filter((s) => s.documents === 0);
      if (empty.length) throw new HttpError(404, 'not_found', `No analyzed documents in collection ${empty.map((s) => `"${s.id}"`).join(', ')}.`);
    }
    res.json(compareProfiles(sides, codebook));
  });

  return router;
}
