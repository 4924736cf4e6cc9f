// Downloads of a selection (the factor-table filters) or the whole corpus, streamed page by page.
import { once } from 'node:events';
import { Router } from 'express';
import type { Logger } from '../../logger.js';
import { EXPORTS, type ExportName, type ExportService } from '../../services/export-service.js';
import { HttpError, says } from '../errors.js';
import { flag, parseQuery } from '../params.js';
import { corpusFilterQuery, toFilter } from './corpus-query.js';

/** BOM, header line, first page of rows. */
const HEAD_CHUNKS = 3;

export const exportQuery = corpusFilterQuery.extend({ bom: flag, complete: flag });

export function exportRouter(exports: ExportService, log: Logger): Router {
  const router = Router();

  router.get('/export/:name', async (req, res) => {
    const name = req.params.name;
    // Own keys only: `name in EXPORTS` would take "toString" or "__proto__" for an export.
    if (!Object.hasOwn(EXPORTS, name)) throw new HttpError(404, 'not_found', says('export.unknown', { name, valid: Object.keys(EXPORTS) }));
    const q = parseQuery(exportQuery, req);
    const chunks = exports.chunks(name as ExportName, toFilter(q), { bom: q.bom, complete: q.complete });
    // The first page of rows is read before the headers go out, so that a failing query is still a
    // JSON error: it comes after the BOM and the header line at most.
    const head: IteratorResult<string>[] = [];
    for (let i = 0; i < HEAD_CHUNKS && !head[i - 1]?.done; i++) head.push(await chunks.next());
    res.status(200).type(EXPORTS[name as ExportName]).set('Content-Disposition', `attachment; filename="policylens-${name}"`);
    try {
      for (let chunk = head.shift()!; !chunk.done; chunk = head.shift() ?? (await chunks.next())) {
        if (res.destroyed) return;
        // Wait for the client to take the page; stop if it goes away meanwhile.
        if (!res.write(chunk.value)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
      }
      res.end();
    } catch (error) {
      // Too late for a JSON error: cut the response so the client sees an incomplete download.
      log.error({ err: error, url: req.originalUrl }, 'export failed midway');
      res.destroy(error as Error);
    } finally {
      await chunks.return(undefined);
    }
  });

  return router;
}
