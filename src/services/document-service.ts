// Taking papers in (check what was sent, store it once by its id, hand it to the queue) and
// reading them back: finding a document by its id or a prefix of it, its results, its status.
import { documentId } from '../analysis/document-id.js';
import { sniffMediaType } from '../analysis/extract/media-type.js';
import { lexiconVersion } from '../analysis/lexicon-files.js';
import type { Summary } from '../analysis/types.js';
import type { Logger } from '../logger.js';
import type { PasswordBox } from './password-box.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { Correction, CorrectionPatch, DocumentListQuery, DocumentRow, DocumentsRepository } from '../store/documents-repository.js';
import type { ResultsRepository } from '../store/results-repository.js';
import { withCorrections } from './corrections.js';
import { RequestError } from './errors.js';

/** The publication years an uploader may give: wide enough for any paper, narrow enough to catch a typo. */
export const GIVEN_YEARS = { from: 1800, to: 2100 } as const;

export function isGivenYear(year: number): boolean {
  return Number.isInteger(year) && year >= GIVEN_YEARS.from && year <= GIVEN_YEARS.to;
}

export interface Upload {
  bytes: Uint8Array;
  filename: string;
  collections?: string[];
  password?: string;
  /** Publication year, when the uploader knows it. */
  year?: number;
  /** A journal issue: store each of its articles as a document of its own, linked to it. */
  splitIssue?: boolean;
}

export interface Submitted {
  document: DocumentRow;
  /** False when the same bytes were stored before. */
  created: boolean;
}

export class DocumentService {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly results: ResultsRepository,
    private readonly queue: JobQueue,
    private readonly log: Logger,
    /** Seals PDF passwords before they are stored. */
    private readonly passwords: PasswordBox,
    /** The lexicon version results analyzed now record (lexicons/ and the user lexicon): older results are stale. */
    private readonly currentLexiconVersion: () => Promise<string> = async () => lexiconVersion(),
  ) {}

  /**
   * Stores the upload and enqueues it. Throws AnalysisError (unsupported_media_type, empty_file)
   * for input that can never be analyzed. A document stored while the queue is down stays in the
   * outbox (enqueued_at null) and is enqueued by the next sweep; it is never lost. `uploader` (an
   * API key id or a client address) is who waits for it: the in-process queue takes turns by it.
   */
  async submit(upload: Upload, options: { deferEnqueue?: boolean; uploader?: string } = {}): Promise<Submitted> {
    const mediaType = sniffMediaType(upload.bytes, upload.filename);
    const id = documentId(upload.bytes);
    const { document, created } = await this.documents.insertIfAbsent({
      id,
      filename: sanitizeFilename(upload.filename),
      mediaType,
      bytes: upload.bytes,
      collections: normalizeCollections(upload.collections ?? []),
      password: upload.password === undefined ? undefined : this.passwords.seal(upload.password),
      year: upload.year,
      splitIssue: upload.splitIssue,
    });
    if (!created && upload.password && document.status === 'needs_password') {
      // The same encrypted file sent again with a password: try again with it.
      await this.documents.requeue([id], this.passwords.seal(upload.password));
      if (!options.deferEnqueue) await this.enqueue([id], options.uploader);
      return { document: await this.documents.getOrThrow(id), created };
    }
    // Deferred documents stay in the outbox until sweepOutbox() hands them over in bulk.
    if (created && !options.deferEnqueue) await this.enqueue([id], options.uploader);
    return { document, created };
  }

  /** Enqueues what the outbox holds, in bulk; returns how many documents were handed over. */
  async sweepOutbox(batch = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const ids = await this.documents.listOutbox(batch);
      if (!ids.length) return total;
      // A queue that refuses the batch leaves it in the outbox for the next sweep.
      if (!(await this.enqueue(ids))) return total;
      total += ids.length;
    }
  }

  /**
   * Hands over again documents whose jobs the queue lost (a Redis restart without persistence wipes
   * them): unfinished, untouched for `quietMs`, and without a job waiting or running.
   */
  async requeueLostJobs(quietMs: number, batch = 500): Promise<number> {
    const candidates = await this.documents.listUnfinishedEnqueuedBefore(new Date(Date.now() - quietMs).toISOString(), batch);
    if (!candidates.length) return 0;
    const lost = await this.queue.withoutJob(candidates);
    if (lost.length) {
      this.log.warn({ documents: lost.length }, 'queue lost jobs; enqueuing again');
      await this.enqueue(lost);
    }
    return lost.length;
  }

  /** Queues stored documents again (new lexicons, or a retry after failure, with a PDF's password, sealed). */
  async reanalyze(ids: string[], password?: string): Promise<void> {
    await this.documents.requeue(ids, password === undefined ? undefined : this.passwords.seal(password));
    await this.enqueue(ids);
  }

  /** Queues every finished document again, or only those analyzed with other lexicons; returns how many. */
  async reanalyzeFinished(options: { staleOnly: boolean }): Promise<number> {
    const ids = await this.documents.listForReanalysis({ staleAgainst: options.staleOnly ? await this.currentLexiconVersion() : undefined });
    await this.reanalyze(ids);
    return ids.length;
  }

  /**
   * Hands over again the documents a previous run left queued or processing. Only for a queue that
   * lives in this process: its jobs died with the run, while BullMQ's wait in Redis.
   */
  async enqueueUnfinished(): Promise<void> {
    await this.queue.enqueue(await this.documents.listUnfinished());
  }

  /** The document with this id, or with this unique id prefix (at least 8 hex digits). */
  async find(idOrPrefix: string): Promise<DocumentRow> {
    if (!DOCUMENT_ID_OR_PREFIX.test(idOrPrefix)) throw new RequestError('not_found', 'document.badId', { id: idOrPrefix });
    if (idOrPrefix.length === FULL_ID_LENGTH) {
      const row = await this.documents.get(idOrPrefix);
      if (!row) throw new RequestError('not_found', 'document.notFound', { id: idOrPrefix });
      return row;
    }
    const rows = await this.documents.findByIdPrefix(idOrPrefix);
    if (rows.length > 1) throw new RequestError('ambiguous_id', 'document.ambiguous', { id: idOrPrefix });
    if (!rows[0]) throw new RequestError('not_found', 'document.notFound', { id: idOrPrefix });
    return rows[0];
  }

  /** Several documents by id or prefix, in the given order: full ids are read in one query, prefixes one by one. */
  async findMany(idsOrPrefixes: string[]): Promise<DocumentRow[]> {
    const known = new Map((await this.documents.getMany(idsOrPrefixes.filter((id) => id.length === FULL_ID_LENGTH))).map((r) => [r.id, r]));
    return Promise.all(idsOrPrefixes.map((id) => known.get(id) ?? this.find(id)));
  }

  /**
   * Deletes the document (by id or unique prefix) with its file and results. A document being
   * analyzed goes at once: its job finds it gone, stores nothing (the save fails on the missing row)
   * and is dropped on retry; a queued job is dropped when it starts.
   */
  async delete(idOrPrefix: string): Promise<DocumentRow> {
    const document = await this.find(idOrPrefix);
    if (!(await this.documents.delete(document.id))) throw new RequestError('not_found', 'document.notFound', { id: idOrPrefix });
    this.log.info({ documentId: document.id, filename: document.filename, status: document.status }, 'document deleted');
    return document;
  }

  /** The document with exactly this id, if stored. */
  get(id: string): Promise<DocumentRow | undefined> {
    return this.documents.get(id);
  }

  /** A page of documents (newest first unless sorted otherwise), with the collections and authors of each. */
  async list(query: DocumentListQuery): Promise<{ rows: DocumentRow[]; total: number; collections: Map<string, string[]>; authors: Map<string, string[]> }> {
    const { rows, total } = await this.documents.list(query);
    const ids = rows.map((r) => r.id);
    const [collections, authors] = await Promise.all([this.documents.collectionsOf(ids), this.documents.authorsOf(ids)]);
    return { rows, total, collections, authors };
  }

  /** The journal issue an article belongs to (null for any other document), and the articles of an issue. */
  async issueLinks(row: DocumentRow): Promise<{ issue: DocumentRow | null; articles: DocumentRow[] }> {
    const [issue, articles] = await Promise.all([row.issue_document_id ? this.documents.get(row.issue_document_id) : undefined, this.documents.articlesOf(row.id)]);
    return { issue: issue ?? null, articles };
  }

  async collectionsOf(id: string): Promise<string[]> {
    return (await this.documents.collectionsOf([id])).get(id) ?? [];
  }

  /** Status and error of each document (what progress displays poll). */
  statuses(ids: string[]) {
    return this.documents.statuses(ids);
  }

  count(): Promise<number> {
    return this.documents.countAll();
  }

  /** The Summary with the user's corrections applied to its bibliographic record. */
  async summary(id: string): Promise<Summary | undefined> {
    return (await this.corrected(id)).summary ?? undefined;
  }

  /** What the user corrected in the document's record (null: nothing), and the Summary showing it. */
  async corrected(id: string): Promise<{ corrections: (Correction & { correctedAt: string }) | null; summary: Summary | null }> {
    const [summary, corrections] = await Promise.all([this.results.getSummary(id), this.documents.corrections(id)]);
    return { corrections: corrections ?? null, summary: summary ? withCorrections(summary, corrections) : null };
  }

  /** Corrects the bibliographic record and collections; a later analysis keeps the corrections. */
  async correct(id: string, patch: CorrectionPatch): Promise<DocumentRow> {
    const analysed = (await this.results.getSummary(id))?.document;
    await this.documents.correct(id, { ...patch, collections: patch.collections && normalizeCollections(patch.collections) }, {
      title: analysed?.title ?? null,
      year: analysed?.year ?? null,
    });
    return this.documents.getOrThrow(id);
  }

  /** The normalized text the Summary's offsets refer to. */
  async text(document: DocumentRow): Promise<string> {
    const text = await this.results.getText(document.id);
    if (text === undefined) throw new RequestError('not_analyzed', 'document.noText', { id: document.id, status: document.status });
    return text;
  }

  /** Hands documents to the queue; false when the queue is unavailable (they stay in the outbox). */
  private async enqueue(ids: string[], uploader?: string): Promise<boolean> {
    try {
      await this.queue.enqueue(ids, uploader);
      await this.documents.markEnqueued(ids);
      return true;
    } catch (error) {
      this.log.warn({ ids: ids.length, err: (error as Error).message }, 'queue unavailable; documents stay in the outbox');
      return false;
    }
  }
}

const FULL_ID_LENGTH = 64;
/** A document id (sha256 hex) or the first 8 or more of its digits, as people type them. */
const DOCUMENT_ID_OR_PREFIX = /^[0-9a-f]{8,64}$/;

/**
 * Filenames are shown to people and exported, never used as paths: keep the last path segment and
 * drop control and bidirectional-override characters that could disguise it.
 */
export function sanitizeFilename(name: string): string {
  const clean = plainText(name.split(/[\\/]/).pop() ?? '').slice(0, 255);
  return clean && clean !== '.' && clean !== '..' ? clean : 'unnamed';
}

/** Text as a person typed it, without the control and format characters (bidirectional overrides) that could disguise it. */
export function plainText(text: string): string {
  return text.normalize('NFC').replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
}

function normalizeCollections(collections: string[]): string[] {
  const names = collections.map((c) => plainText(c).slice(0, 100)).filter(Boolean);
  return [...new Set(names)];
}
