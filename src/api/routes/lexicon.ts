// The user lexicon: import a quanteda YAML dictionary as extra factors, list them, remove one.
import express, { Router } from 'express';
import type { UserLexiconService } from '../../services/user-lexicon-service.js';
import { HttpError, says } from '../errors.js';

/** A dictionary of thousands of globs is well under this. */
const MAX_DICTIONARY_BYTES = 2 * 1024 * 1024;

export function lexiconRouter(lexicon: UserLexiconService): Router {
  const router = Router();

  router.get('/lexicon', async (_req, res) => {
    res.json(await lexicon.list());
  });

  // The dictionary is the body, as its file holds it (text/yaml, application/yaml, text/plain…).
  router.post('/lexicon', express.text({ type: () => true, limit: MAX_DICTIONARY_BYTES }), async (req, res) => {
    if (typeof req.body !== 'string' || !req.body.trim()) throw new HttpError(400, 'invalid_query', says('lexicon.noBody'));
    res.status(201).json(await lexicon.import(req.body));
  });

  router.delete('/lexicon/:id', async (req, res) => {
    res.json(await lexicon.remove(req.params.id));
  });

  return router;
}
