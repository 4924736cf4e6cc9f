// The BullMQ dashboard (bull-board) at /admin/queues, when the queue is on Redis. A browser cannot
// send the API key as a header, so the dashboard asks for it by HTTP basic auth (any user name, the
// key as password). Its pages load inline styles and web fonts: the CSP is relaxed for it alone.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import { Router, type RequestHandler } from 'express';
import { securityHeaders } from './security.js';
import type { ApiKeyService } from '../services/api-key-service.js';
import { HttpError, says } from './errors.js';

export const ADMIN_QUEUES_PATH = '/admin/queues';

export function adminQueuesRouter(queues: Queue[], keys: Pick<ApiKeyService, 'verify'>): Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(ADMIN_QUEUES_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: adapter, options: { uiConfig: { boardTitle: 'PolicyLens queues' } } });
  const router = Router();
  router.use(ADMIN_QUEUES_PATH, dashboardHeaders(), basicAuth(keys), adapter.getRouter() as RequestHandler);
  return router;
}

/** bull-board's page uses inline styles, Google's fonts and a base URL of its own. */
function dashboardHeaders(): RequestHandler {
  return securityHeaders({
    styleSrc: ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
    fontSrc: ["'self'", 'https://fonts.gstatic.com'],
    baseUri: ["'self'"],
  });
}

function basicAuth(keys: Pick<ApiKeyService, 'verify'>): RequestHandler {
  return async (req, _res, next) => {
    const encoded = req.get('authorization')?.match(/^Basic\s+(\S+)$/i)?.[1];
    const key = encoded ? Buffer.from(encoded, 'base64').toString('utf8').split(':').slice(1).join(':') : '';
    if (!key || !(await keys.verify(key))) {
      throw new HttpError(401, 'api_key_required', says('access.dashboardKeyRequired'), {
        'WWW-Authenticate': 'Basic realm="PolicyLens queues", charset="UTF-8"',
      });
    }
    next();
  };
}
