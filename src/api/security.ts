// Who may do what: security headers, API keys for writes, and rate limits.
import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { ApiKeyService } from '../services/api-key-service.js';
import { HttpError, says } from './errors.js';
import { RateLimiter } from './rate-limit.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Who may write, and how often anyone may ask. */
export interface AccessRules {
  /** The address the server listens on: beyond loopback, writes need a key. */
  host: string;
  /** Writes need a key even on loopback. */
  requireApiKey: boolean;
  /** Requests per minute from one client address. */
  requestsPerMinute: number;
  /** Writes per minute per key, or per address without a key. */
  writesPerMinute: number;
}

/** The pages load only their own scripts and styles, never inline code. */
const STRICT_DIRECTIVES: Record<string, string[]> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Strict headers; `relaxed` replaces directives for a route that needs more (the queue dashboard). */
export function securityHeaders(relaxed: Record<string, string[]> = {}): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...STRICT_DIRECTIVES, ...relaxed } },
    crossOriginEmbedderPolicy: false,
  });
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/**
 * Writes need an API key (`Authorization: Bearer <key>` or `X-API-Key`) when the server listens
 * beyond loopback or REQUIRE_API_KEY is set; a key that is sent is always checked.
 */
export function apiKeyAuth(rules: Pick<AccessRules, 'host' | 'requireApiKey'>, keys: Pick<ApiKeyService, 'verify'>): RequestHandler {
  const required = rules.requireApiKey || !isLoopback(rules.host);
  return async (req, res, next) => {
    const header = req.get('authorization');
    const key = header?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? req.get('x-api-key');
    if (key) {
      const id = await keys.verify(key);
      if (!id) throw new HttpError(401, 'invalid_api_key', says('access.invalidKey'));
      res.locals.apiKeyId = id;
    } else if (required && WRITE_METHODS.has(req.method)) {
      throw new HttpError(401, 'api_key_required', says('access.keyRequired'), { 'WWW-Authenticate': 'Bearer' });
    }
    next();
  };
}

/** Limits all requests per client address (before authentication, so key guessing is limited too). */
export function addressRateLimit(rules: Pick<AccessRules, 'requestsPerMinute'>): RequestHandler {
  const limiter = new RateLimiter(rules.requestsPerMinute);
  return (req, _res, next) => {
    tooMany(limiter.take(clientAddress(req)));
    next();
  };
}

/** Limits writes per API key, or per client address where no key is used. */
export function writeRateLimit(rules: Pick<AccessRules, 'writesPerMinute'>): RequestHandler {
  const limiter = new RateLimiter(rules.writesPerMinute);
  return (req, res, next) => {
    if (WRITE_METHODS.has(req.method)) tooMany(limiter.take(writerOf(req, res)));
    next();
  };
}

/** Who a write counts against, for its rate limit and its turn in the in-process queue: the API key, else the address. */
export function writerOf(req: Request, res: Response): string {
  return (res.locals.apiKeyId as string | undefined) ?? clientAddress(req);
}

function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

function tooMany(waitSeconds: number): void {
  if (waitSeconds) throw new HttpError(429, 'rate_limited', says('access.rateLimited', { seconds: waitSeconds }), { 'Retry-After': String(waitSeconds) });
}
