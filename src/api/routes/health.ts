import { Router } from 'express';
import type { HealthService } from '../../services/health-service.js';

/** Reachability of the database and the queue; 503 when either is down. */
export function healthRouter(health: HealthService): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const { ok, database, queue } = await health.check();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', database, queue });
  });
  return router;
}
