// Prometheus metrics of this process at GET /metrics.
import { Router } from 'express';
import type { MetricsService } from '../../services/metrics-service.js';

export function metricsRouter(metrics: MetricsService): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    const { contentType, text } = await metrics.exposition();
    res.type(contentType).send(text);
  });
  return router;
}
