// The HTTP application: JSON API under /api, the web pages from src/api/public.
import express from 'express';
import type { Logger } from '../logger.js';
import { publicDir } from '../paths.js';
import type { Services } from '../services/index.js';
import { HttpError, errorHandler } from './errors.js';
import { compareRouter } from './routes/compare.js';
import { corpusRouter } from './routes/corpus.js';
import { documentsRouter, type UploadLimits } from './routes/documents.js';
import { exportRouter } from './routes/export.js';
import { factorsRouter } from './routes/factors.js';
import { healthRouter } from './routes/health.js';
import { reviewsRouter } from './routes/reviews.js';
import { searchRouter } from './routes/search.js';
import { rejectNulBytes } from './params.js';
import { addressRateLimit, apiKeyAuth, securityHeaders, writeRateLimit, type AccessRules } from './security.js';

/** What the API is told by whoever starts it: who may write, how often, and how much. */
export type ApiSettings = AccessRules & UploadLimits;

export function createApp(services: Services, settings: ApiSettings, log: Logger): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  app.use(securityHeaders());
  const api = express.Router();
  api.use(rejectNulBytes());
  api.use(addressRateLimit(settings));
  api.use(apiKeyAuth(settings, services.apiKeys));
  api.use(writeRateLimit(settings));
  api.use(documentsRouter(services.documents, settings));
  api.use(factorsRouter(services.factorTable));
  api.use(reviewsRouter(services.reviews, services.quality));
  api.use(healthRouter(services.health));
  api.use(compareRouter(services.compare));
  api.use(corpusRouter(services.corpus));
  api.use(searchRouter(services.corpus));
  api.use(exportRouter(services.exports, log));
  api.use((req) => {
    throw new HttpError(404, 'not_found', `No API route ${req.method} ${req.path}.`);
  });
  app.use('/api', api);
  app.use(express.static(publicDir, { extensions: ['html'], index: 'index.html' }));
  app.use(errorHandler(log));
  return app;
}
