// `policylens ingest <files|folders…>`: bulk corpus jobs. Skips files already analyzed, shows its
// progress (logs above the bar, never in it), and ends with one line per file: its outcome and why
// (or, with --json, the same as JSON for scripts). With --split-issues a journal issue's articles
// are stored as documents of their own and get a line each.
import { readFileSync, statSync } from 'node:fs';
import { documentId } from '../../analysis/document-id.js';
import { AnalysisError, FINISHED_STATUSES } from '../../analysis/errors.js';
import type { Config } from '../../config.js';
import { createLogger } from '../../logger.js';
import { createRuntime, type Runtime } from '../../runtime.js';
import type { DocumentService } from '../../services/document-service.js';
import { collectPaperFiles } from '../files.js';
import { startProgress } from '../progress.js';

export interface IngestOptions {
  collection?: string[];
  wait: boolean;
  password?: string;
  year?: number;
  /** Journal issues: each article becomes a document of its own, linked to the issue (its file stored once). */
  splitIssues?: boolean;
}

/** What became of one file: its status (a document status, or skipped / rejected), why, and its document id. */
export interface Outcome {
  file: string;
  status: string;
  reason?: string;
  id?: string;
  /** An article of a journal issue (--split-issues): the issue's document id. */
  issue?: string;
}

const FINAL = new Set<string>(FINISHED_STATUSES);
const POLL_MS = 500;
const POLL_BATCH = 200;
/** Stored documents are handed to the queue in bulk (one BullMQ addBulk per batch). */
const ENQUEUE_BATCH = 200;

export async function ingest(config: Config, paths: string[], options: IngestOptions): Promise<Outcome[]> {
  const files = collectPaperFiles(paths);
  if (files.length === 0) throw new Error(`no .pdf, .txt or .md files found in ${paths.join(', ')}`);
  // The progress counts files that reached their outcome (or, without --wait, that were stored).
  const bar = startProgress('ingest', files.length);
  bar.stage('storing');
  // With Redis the workers analyze; without it this process uses every core.
  const runtime = await createRuntime(config, { analyze: !config.REDIS_URL, log: createLogger(config.LOG_LEVEL, 'policylens', bar.log) }).catch((error: unknown) => {
    bar.stop();
    throw error;
  });
  const outcomes: Outcome[] = [];
  try {
    const waiting = new Map<string, Outcome>();
    for (const [i, file] of files.entries()) {
      const outcome = await submitFile(runtime.services.documents, file, options, waiting, config.MAX_UPLOAD_MB);
      outcomes.push(outcome);
      if (!options.wait || !waiting.has(outcome.id ?? '')) bar.increment();
      if ((i + 1) % ENQUEUE_BATCH === 0) await runtime.services.documents.sweepOutbox();
    }
    await runtime.services.documents.sweepOutbox();
    bar.stage(options.wait ? 'analyzing' : 'queued');
    // An issue's articles are stored by the worker that split it: they are waited for as they appear.
    const onArticles = (article: Outcome) => outcomes.push(article);
    if (options.wait) await waitForOutcomes(runtime, waiting, () => bar.increment(), options.splitIssues ? onArticles : undefined);
  } finally {
    bar.stop();
    await runtime.close();
  }
  return outcomes;
}

async function submitFile(documents: DocumentService, file: string, options: IngestOptions, waiting: Map<string, Outcome>, maxUploadMb: number): Promise<Outcome> {
  // Checked before reading, so that a huge (or sparse) file never lands in memory.
  const size = statSync(file).size;
  if (size > maxUploadMb * 1024 * 1024) {
    return { file, status: 'rejected', reason: `too_large: ${Math.round(size / 1024 / 1024)} MB is over the ${maxUploadMb} MB limit (MAX_UPLOAD_MB)` };
  }
  const bytes = new Uint8Array(readFileSync(file));
  const id = documentId(bytes);
  const known = await documents.get(id);
  if (known && FINAL.has(known.status) && !(known.status === 'needs_password' && options.password)) {
    // Known bytes: add the collections, analyze nothing again.
    if (options.collection?.length) await documents.submit({ bytes, filename: file, collections: options.collection });
    return { file, id, status: 'skipped', reason: `already ${known.status}` };
  }
  try {
    const { document } = await documents.submit(
      { bytes, filename: file.split('/').pop()!, collections: options.collection, password: options.password, year: options.year, splitIssue: options.splitIssues },
      { deferEnqueue: true },
    );
    const outcome: Outcome = { file, id: document.id, status: document.status };
    waiting.set(document.id, outcome);
    return outcome;
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error;
    return { file, status: 'rejected', reason: `${error.code}: ${error.message}` };
  }
}

async function waitForOutcomes(runtime: Runtime, waiting: Map<string, Outcome>, onFinished: () => void, onArticle?: (article: Outcome) => void): Promise<void> {
  while (waiting.size) {
    // In-process, idle() says when all is analyzed; with BullMQ the workers are elsewhere: poll.
    const pause = new Promise((resolve) => setTimeout(resolve, POLL_MS));
    await (runtime.queue.kind === 'in-process' ? Promise.race([runtime.idle(), pause]) : pause);
    // Documents finish roughly in the order they were queued: polling the oldest few keeps each
    // poll cheap however large the ingest is.
    for (const row of await runtime.services.documents.statuses([...waiting.keys()].slice(0, POLL_BATCH))) {
      if (!FINAL.has(row.status)) continue;
      const outcome = waiting.get(row.id)!;
      outcome.status = row.status;
      if (row.error_code) outcome.reason = `${row.error_code}: ${row.error_message ?? ''}`;
      waiting.delete(row.id);
      // The progress counts the files given; an issue's articles come on top of them.
      if (!outcome.issue) onFinished();
      if (onArticle) await waitForArticles(runtime, row.id, outcome, waiting, onArticle);
    }
  }
}

/** The articles stored from a finished issue join the outcomes, and are waited for in turn. */
async function waitForArticles(runtime: Runtime, issueId: string, issue: Outcome, waiting: Map<string, Outcome>, onArticle: (article: Outcome) => void): Promise<void> {
  const articles = await runtime.services.documents.issueLinks(await runtime.services.documents.find(issueId)).then((links) => links.articles);
  if (!articles.length) return;
  await runtime.services.documents.sweepOutbox();
  for (const article of articles) {
    const outcome: Outcome = { file: `${issue.file} #${article.issue_position} (${article.issue_range})`, id: article.id, status: article.status, issue: issueId };
    onArticle(outcome);
    if (!FINAL.has(article.status)) waiting.set(article.id, outcome);
  }
}

/** Outcomes counted by status, in the order statuses first occur. */
function countOutcomes(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o.status] = (counts[o.status] ?? 0) + 1;
  return counts;
}

/** The outcome table (file, status, reason, id) and the counts; or both as one JSON object. */
export function formatOutcomes(outcomes: Outcome[], options: { json?: boolean } = {}): string {
  const counts = countOutcomes(outcomes);
  if (options.json) return JSON.stringify({ counts, files: outcomes.map(({ file, status, reason, id, issue }) => ({ file, status, reason: reason ?? null, id: id ?? null, ...(issue ? { issue } : {}) })) }, null, 2);
  const rows = [['file', 'status', 'reason', 'id'], ...outcomes.map((o) => [o.file, o.status, o.reason ?? '', o.id?.slice(0, 12) ?? ''])];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  const lines = rows.map((r) => r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell)).join('  ').trimEnd());
  const summary = Object.entries(counts).map(([status, n]) => `${n} ${status}`).join(', ');
  return [`Outcome: ${summary}`, '', ...lines].join('\n');
}
