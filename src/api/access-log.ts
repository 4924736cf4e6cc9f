// The HTTP access log (pino-http): one line per request with method, URL, status and duration,
// under a request id that the client may send (X-Request-Id) or that is made here, and that is
// returned in the response so a user's report can be matched with the log. Also counts requests
// for /metrics.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger.js';
import type { MetricsService } from '../services/metrics-service.js';

const REQUEST_ID = /^[\w.:-]{1,100}$/;

export function accessLog(log: Logger, metrics: Pick<MetricsService, 'recordRequest'>): RequestHandler {
  const http = pinoHttp({
    logger: log,
    genReqId(req, res) {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    // Static files and scrapes are not worth a line each.
    autoLogging: { ignore: (req) => req.method === 'GET' && !/^\/(api|admin)\//.test(req.url ?? '') },
    // The URL, method and status say what happened; headers (API keys among them) stay out.
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
  });
  return (req, res, next) => {
    res.on('finish', () => metrics.recordRequest(req.method, res.statusCode));
    http(req, res, next);
  };
}
