import { Router } from 'express';
import { sql } from 'kysely';
import type { Runtime } from '../../runtime.js';

/** Reachability of the database and the queue; 503 when either is down. */
export function healthRouter(runtime: Runtime): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const database = await sql`select 1`.execute(runtime.store.db).then(() => true, () => false);
    const queue = await runtime.queue.healthy();
    res.status(database && queue ? 200 : 503).json({
      status: database && queue ? 'ok' : 'degraded',
      database: { dialect: runtime.store.dialect, ok: database },
      queue: { kind: runtime.queue.kind, ok: queue },
    });
  });
  return router;
}
