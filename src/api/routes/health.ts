import { Router } from 'express';
import type { HealthService } from '../../services/health-service.js';

/**
 * Reachability of the database and the queue, Redis memory pressure and free disk under DATA_DIR;
 * 503 when any is wrong, so that a load balancer or an operator notices before uploads fail.
 */
export function healthRouter(health: HealthService): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const { ok, database, queue, disk } = await health.check();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', database, queue, disk });
  });
  return router;
}
