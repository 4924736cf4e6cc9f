// The HTTP application: JSON API under /api, the web pages from src/api/public.
import express from 'express';
import { publicDir } from '../paths.js';
import type { Runtime } from '../runtime.js';
import { HttpError, errorHandler } from './errors.js';
import { compareRouter } from './routes/compare.js';
import { corpusRouter } from './routes/corpus.js';
import { documentsRouter } from './routes/documents.js';
import { exportRouter } from './routes/export.js';
import { factorsRouter } from './routes/factors.js';
import { healthRouter } from './routes/health.js';
import { searchRouter } from './routes/search.js';
import { addressRateLimit, apiKeyAuth, securityHeaders, writeRateLimit } from './security.js';

export function createApp(runtime: Runtime): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  app.use(securityHeaders());
  const api = express.Router();
  api.use(addressRateLimit(runtime.config));
  api.use(apiKeyAuth(runtime.config, runtime.apiKeys));
  api.use(writeRateLimit(runtime.config));
  api.use(documentsRouter(runtime));
  api.use(factorsRouter(runtime));
  api.use(healthRouter(runtime));
  api.use(compareRouter(runtime));
  api.use(corpusRouter(runtime));
  api.use(searchRouter(runtime));
  api.use(exportRouter(runtime));
  api.use((req) => {
    throw new HttpError(404, 'not_found', `No API route ${req.method} ${req.path}.`);
  });
  app.use('/api', api);
  app.use(express.static(publicDir, { extensions: ['html'], index: 'index.html' }));
  app.use(errorHandler(runtime.log));
  return app;
}
