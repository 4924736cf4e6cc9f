// Taking papers in: check what was sent, store it once (by sha256), and hand it to the queue.
import { documentId } from '../analysis/document-id.js';
import { sniffMediaType } from '../analysis/extract/media-type.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { DocumentRow, DocumentsRepository } from '../store/documents-repository.js';

export interface Upload {
  bytes: Uint8Array;
  filename: string;
  collections?: string[];
  password?: string;
  /** Publication year, when the uploader knows it. */
  year?: number;
}

export interface Submitted {
  document: DocumentRow;
  /** False when the same bytes were stored before. */
  created: boolean;
}

export class DocumentService {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly queue: JobQueue,
    private readonly log: Logger,
  ) {}

  /**
   * Stores the upload and enqueues it. Throws AnalysisError (unsupported_media_type, empty_file)
   * for input that can never be analyzed. A document stored while the queue is down stays in the
   * outbox (enqueued_at null) and is enqueued by the next sweep; it is never lost.
   */
  async submit(upload: Upload, options: { deferEnqueue?: boolean } = {}): Promise<Submitted> {
    const mediaType = sniffMediaType(upload.bytes, upload.filename);
    const id = documentId(upload.bytes);
    const { document, created } = await this.documents.insertIfAbsent({
      id,
      filename: sanitizeFilename(upload.filename),
      mediaType,
      bytes: upload.bytes,
      collections: normalizeCollections(upload.collections ?? []),
      password: upload.password,
      year: upload.year,
    });
    if (!created && upload.password && document.status === 'needs_password') {
      // The same encrypted file sent again with a password: try again with it.
      await this.documents.requeue([id], upload.password);
      if (!options.deferEnqueue) await this.enqueue([id]);
      return { document: await this.documents.getOrThrow(id), created };
    }
    // Deferred documents stay in the outbox until sweepOutbox() hands them over in bulk.
    if (created && !options.deferEnqueue) await this.enqueue([id]);
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

  /** Queues stored documents again (new lexicons, or a retry after failure). */
  async reanalyze(ids: string[]): Promise<void> {
    await this.documents.requeue(ids);
    await this.enqueue(ids);
  }

  /** Hands documents to the queue; false when the queue is unavailable (they stay in the outbox). */
  private async enqueue(ids: string[]): Promise<boolean> {
    try {
      await this.queue.enqueue(ids);
      await this.documents.markEnqueued(ids);
      return true;
    } catch (error) {
      this.log.warn({ ids: ids.length, err: (error as Error).message }, 'queue unavailable; documents stay in the outbox');
      return false;
    }
  }
}

/**
 * Filenames are shown to people and exported, never used as paths: keep the last path segment and
 * drop control and bidirectional-override characters that could disguise it.
 */
export function sanitizeFilename(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\p{Cc}\p{Cf}]/gu, '').trim().slice(0, 255);
  return clean && clean !== '.' && clean !== '..' ? clean : 'unnamed';
}

function normalizeCollections(collections: string[]): string[] {
  const names = collections.map((c) => c.normalize('NFC').replace(/[\p{Cc}\p{Cf}]/gu, '').trim().slice(0, 100)).filter(Boolean);
  return [...new Set(names)];
}
