// The HTTP application: JSON API under /api, the web pages from src/api/public.
import type { Queue } from 'bullmq';
import express from 'express';
import type { Logger } from '../logger.js';
import { publicDir } from '../paths.js';
import type { Services } from '../services/index.js';
import { accessLog } from './access-log.js';
import { adminQueuesRouter } from './admin-queues.js';
import { HttpError, errorHandler, says } from './errors.js';
import { openApiDocument } from './openapi.js';
import { compareRouter } from './routes/compare.js';
import { corpusRouter } from './routes/corpus.js';
import { documentsRouter, type UploadLimits } from './routes/documents.js';
import { exportRouter } from './routes/export.js';
import { factorsRouter } from './routes/factors.js';
import { healthRouter } from './routes/health.js';
import { reviewsRouter } from './routes/reviews.js';
import { kwicRouter } from './routes/kwic.js';
import { lexiconRouter } from './routes/lexicon.js';
import { metricsRouter } from './routes/metrics.js';
import { searchRouter } from './routes/search.js';
import { rejectNulBytes } from './params.js';
import { addressRateLimit, apiKeyAuth, securityHeaders, writeRateLimit, type AccessRules } from './security.js';

/** What the API is told by whoever starts it: who may write, how often, and how much. */
export type ApiSettings = AccessRules & UploadLimits;

/** What the process adds beyond the services: the BullMQ queues its dashboard shows (scaled mode). */
export interface AppExtras {
  dashboardQueues?: Queue[];
}

export function createApp(services: Services, settings: ApiSettings, log: Logger, extras: AppExtras = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  app.use(accessLog(log, services.metrics));
  // Before the strict headers: the dashboard sets its own, relaxed for its inline styles and fonts.
  if (extras.dashboardQueues?.length) app.use(adminQueuesRouter(extras.dashboardQueues, services.apiKeys));
  app.use(securityHeaders());
  app.use(metricsRouter(services.metrics));
  const openApi = openApiDocument();
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
  api.use(kwicRouter(services.concordance));
  api.use(lexiconRouter(services.userLexicon));
  api.use(exportRouter(services.exports, log));
  api.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  api.use((req) => {
    throw new HttpError(404, 'not_found', says('route.notFound', { method: req.method, path: req.path }));
  });
  app.use('/api', api);
  app.use(express.static(publicDir, { extensions: ['html'], index: 'index.html' }));
  app.use(errorHandler(log));
  return app;
}
