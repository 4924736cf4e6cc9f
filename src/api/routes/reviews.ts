// Reviews of a document's evidence: POST adds reviews of mentions (or missed mentions), PATCH changes
// the answers of a stored review (as a new review: history is kept), GET lists them; GET /quality
// reports what the reviews say about the automatic coding.
import { json, Router } from 'express';
import { z } from 'zod';
import { VERDICTS } from '../../analysis/review-coding.js';
import type { QualityService } from '../../services/quality-service.js';
import type { ReviewService } from '../../services/review-service.js';
import { HttpError, says } from '../errors.js';
import { parseBody } from '../params.js';

const stance = z.enum(['positive', 'negative', 'neutral']);
const reviewer = z.string().min(1).max(100);
const note = z.string().max(2000);

const reviewInput = z.object({
  verdict: z.enum(VERDICTS),
  factor: z.string().max(100).optional(),
  start: z.number().int().min(0),
  end: z.number().int().min(0).optional(),
  toFactor: z.string().max(100).optional(),
  stance: stance.optional(),
  note: note.optional(),
});

const postBody = z.object({ reviewer, reviews: z.array(reviewInput).min(1).max(1000) });
const patchBody = z.object({
  id: z.string().min(1).max(100),
  reviewer,
  verdict: z.enum(VERDICTS).optional(),
  toFactor: z.string().max(100).nullable().optional(),
  stance: stance.nullable().optional(),
  note: note.nullable().optional(),
});

/** A body that `schema` refuses: the shape `expected` and what is wrong where. */
const expecting = (expected: string) => (issue: { field: string; reason: string }) => new HttpError(400, 'invalid_body', says('review.invalidBody', { expected, ...issue }));

export function reviewsRouter(reviews: ReviewService, quality: QualityService): Router {
  const router = Router();
  const body = json({ limit: '2mb' });

  router.get('/documents/:id/reviews', async (req, res) => {
    res.json(await reviews.list(req.params.id));
  });

  router.post('/documents/:id/reviews', body, async (req, res) => {
    const b = parseBody(postBody, req, expecting('{ reviewer, reviews: [{ verdict, factor, start, end?, toFactor?, stance?, note? }] }'));
    res.status(201).json(await reviews.submit(req.params.id, b.reviewer, b.reviews));
  });

  router.patch('/documents/:id/reviews', body, async (req, res) => {
    const { id, reviewer: name, ...change } = parseBody(patchBody, req, expecting('{ id, reviewer, verdict?, toFactor?, stance?, note? }'));
    res.status(201).json(await reviews.revise(req.params.id, id, name, change));
  });

  // The coding's quality as the reviews measure it: per factor and overall, reviewers' agreement, lexicon feedback.
  router.get('/quality', async (_req, res) => {
    res.json(await quality.report());
  });

  // A stratified random sample of mentions for review (per factor and language), and the latest one.
  router.post('/quality/sample', body, async (req, res) => {
    const { perStratum } = parseBody(z.object({ perStratum: z.number().int().min(1).max(1000).default(5) }), req, expecting('{ perStratum?: 1–1000 }'));
    res.status(201).json(await quality.drawSample(perStratum));
  });

  router.get('/quality/sample', async (_req, res) => {
    res.json(await quality.sample());
  });

  return router;
}
