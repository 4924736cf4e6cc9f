// Every read and write of documents, their original bytes and their collections.
import { sql, type Kysely, type Selectable } from 'kysely';
import { UNFINISHED_STATUSES, type DocumentStatus } from '../analysis/errors.js';
import { inCollection } from './corpus-filter.js';
import { dialectOf } from './dialect.js';
import type { Database, DocumentCorrectionsTable, DocumentsTable } from './schema.js';

export type DocumentRow = Selectable<DocumentsTable>;

export interface NewDocument {
  id: string;
  filename: string;
  mediaType: string;
  bytes: Uint8Array;
  collections: string[];
  password?: string;
  /** Publication year given by the uploader; otherwise estimated when the analysis is saved. */
  year?: number;
  /** A journal issue: its articles become documents of their own once it is analyzed. */
  splitIssue?: boolean;
}

/** An article found in a stored issue, to be stored as a document of its own. */
export interface NewArticle {
  id: string;
  position: number;
  /** src/analysis/articles/positions.ts formatRange. */
  range: string;
  filename: string;
  title: string;
  authors: string[];
}

/** What a worker needs to analyze a document: the bytes (an article's are its issue's) and how to read them. */
export interface StoredFile {
  bytes: Uint8Array;
  password: string | null;
  filename: string;
  attempts: number;
  splitIssue: boolean;
  /** An article's range in its issue's file; null for a file analyzed whole. */
  issueRange: string | null;
  /** An article's title and authors as read in its issue. */
  articleHead: { title: string; authors: string[] } | null;
}

/** A stored document's analysis columns before its first analysis. */
const NOT_ANALYZED = { pages: null, words: null, sentences: null, language: null, error_code: null, error_message: null, lexicon_version: null } as const;

/** The columns a document list can be ordered by. */
export const DOCUMENT_SORTS = ['added', 'title', 'year', 'language', 'status', 'words'] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];

export interface DocumentListQuery {
  limit: number;
  offset: number;
  status?: DocumentStatus;
  collection?: string;
  language?: string;
  yearFrom?: number;
  yearTo?: number;
  /** Words the title or the filename contains (case is ignored for Latin letters everywhere, for all letters on PostgreSQL). */
  text?: string;
  sort?: DocumentSort;
  order?: 'asc' | 'desc';
}

/** The column behind each sort; a title-less document sorts by its filename. */
const SORT_COLUMNS = {
  added: sql<string>`created_at`,
  title: sql<string>`coalesce(title, filename)`,
  year: sql<number>`year`,
  language: sql<string>`language`,
  status: sql<string>`status`,
  words: sql<number>`words`,
} satisfies Record<DocumentSort, unknown>;

/** An attempt at analyzing a document, as beginAttempt started it. */
export interface StartedAttempt extends StoredFile {
  /** Attempts made before this one. */
  attempts: number;
  /** The document's updated_at as this attempt set it: any later change means someone else took over. */
  startedAt: string;
}

/** The user's corrections of a document's bibliographic record; null (or absent): the analysis' value stands. */
export interface Correction {
  title: string | null;
  authors: string[] | null;
  year: number | null;
  venue: string | null;
}

const NO_CORRECTION: Correction = { title: null, authors: null, year: null, venue: null };

/** A change to the corrections: absent fields stay as they are, null drops a correction. */
export type CorrectionPatch = Partial<Correction> & { collections?: string[] };

const now = () => new Date().toISOString();

export class DocumentsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Stores a new document with its bytes, or returns the one with the same sha256.
   * A password given for an already stored document that needs one is kept, so it can be retried.
   */
  async insertIfAbsent(doc: NewDocument): Promise<{ document: DocumentRow; created: boolean }> {
    const created = await this.db.transaction().execute(async (trx) => {
      const timestamp = now();
      const inserted = await trx
        .insertInto('documents')
        .values({
          id: doc.id,
          filename: doc.filename,
          media_type: doc.mediaType,
          size_bytes: doc.bytes.length,
          status: 'queued',
          title: null,
          ...NOT_ANALYZED,
          pdf_password: doc.password ?? null,
          year: doc.year ?? null,
          split_issue: doc.splitIssue ? 1 : 0,
          attempts: 0,
          created_at: timestamp,
          updated_at: timestamp,
          enqueued_at: null,
          analyzed_at: null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) {
        await trx.insertInto('document_files').values({ document_id: doc.id, bytes: doc.bytes }).execute();
      }
      if (doc.collections.length) {
        await trx
          .insertInto('document_collections')
          .values(doc.collections.map((collection) => ({ document_id: doc.id, collection })))
          .onConflict((oc) => oc.columns(['document_id', 'collection']).doNothing())
          .execute();
      }
      return inserted !== undefined;
    });
    return { document: await this.getOrThrow(doc.id), created };
  }

  async get(id: string): Promise<DocumentRow | undefined> {
    return this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async getOrThrow(id: string): Promise<DocumentRow> {
    const row = await this.get(id);
    if (!row) throw new Error(`document ${id} does not exist`);
    return row;
  }

  async getMany(ids: string[]): Promise<DocumentRow[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('documents').selectAll().where('id', 'in', ids).execute();
  }

  /** Status and error of each document (what progress displays poll). */
  async statuses(ids: string[]): Promise<Pick<DocumentRow, 'id' | 'status' | 'error_code' | 'error_message'>[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('documents').select(['id', 'status', 'error_code', 'error_message']).where('id', 'in', ids).execute();
  }

  /** Documents whose id starts with the given prefix (users type short ids). */
  async findByIdPrefix(prefix: string, limit = 2): Promise<DocumentRow[]> {
    return this.db.selectFrom('documents').selectAll().where('id', 'like', `${prefix.replace(/[^0-9a-f]/g, '')}%`).limit(limit).execute();
  }

  async list(query: DocumentListQuery): Promise<{ rows: DocumentRow[]; total: number }> {
    let base = this.db.selectFrom('documents');
    if (query.status) base = base.where('status', '=', query.status);
    if (query.collection) base = base.where(inCollection(query.collection));
    if (query.language) base = base.where('language', '=', query.language);
    if (query.yearFrom !== undefined) base = base.where('year', '>=', query.yearFrom);
    if (query.yearTo !== undefined) base = base.where('year', '<=', query.yearTo);
    if (query.text) {
      const pattern = `%${query.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      base = base.where(sql<boolean>`(lower(coalesce(title, '')) like ${pattern} escape '\\' or lower(filename) like ${pattern} escape '\\')`);
    }
    const order = query.order ?? (query.sort && query.sort !== 'added' ? 'asc' : 'desc');
    // Unknown values (no year, no language yet) go last whichever the direction.
    const column = SORT_COLUMNS[query.sort ?? 'added'];
    const rows = await base
      .selectAll()
      .orderBy(sql`${column} is null`)
      .orderBy(sql`${column} ${sql.raw(order)}`)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    return { rows, total: Number(total) };
  }

  /** The authors of each document: the user's correction, else what the analysis read (documents without either are absent). */
  async authorsOf(ids: string[]): Promise<Map<string, string[]>> {
    if (ids.length === 0) return new Map();
    const analysed = dialectOf(this.db) === 'postgres' ? sql<string | null>`(summaries.summary_json::json -> 'document' ->> 'authors')` : sql<string | null>`json_extract(summaries.summary_json, '$.document.authors')`;
    const rows = await this.db
      .selectFrom('documents')
      .leftJoin('document_corrections', 'document_corrections.document_id', 'documents.id')
      .leftJoin('summaries', 'summaries.document_id', 'documents.id')
      .select(['documents.id', 'document_corrections.authors_json as corrected', analysed.as('analysed')])
      .where('documents.id', 'in', ids)
      .execute();
    const result = new Map<string, string[]>();
    for (const row of rows) {
      const json = row.corrected ?? row.analysed;
      const authors = json ? (JSON.parse(json) as unknown) : null;
      if (Array.isArray(authors) && authors.length) result.set(row.id, authors.map(String));
    }
    return result;
  }

  async collectionsOf(ids: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (ids.length === 0) return result;
    const rows = await this.db.selectFrom('document_collections').selectAll().where('document_id', 'in', ids).orderBy('collection').execute();
    for (const row of rows) result.set(row.document_id, [...(result.get(row.document_id) ?? []), row.collection]);
    return result;
  }

  /** How many documents have each status. */
  async countByStatus(): Promise<{ status: DocumentStatus; documents: number }[]> {
    const rows = await this.db.selectFrom('documents').select((eb) => ['status', eb.fn.countAll<number>().as('documents')]).groupBy('status').execute();
    return rows.map((r) => ({ status: r.status, documents: Number(r.documents) }));
  }

  /**
   * Removes a document with its original, collections and results (their rows cascade; SQLite's
   * full-text rows are removed here, since a virtual table has no foreign key). False if absent.
   */
  async delete(id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      if (dialectOf(trx) === 'sqlite') {
        await trx.deleteFrom('sentence_fts').where('rowid', 'in', (eb) => eb.selectFrom('sentences').select('id').where('document_id', '=', id)).execute();
      }
      const result = await trx.deleteFrom('documents').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }

  async countAll(): Promise<number> {
    const { n } = await this.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  }

  /**
   * Stores the articles found in an issue as documents (queued, in the outbox) that point to it,
   * with the issue's collections and password; articles of an earlier split that are not found
   * again go. Returns the ids of the articles created.
   */
  async replaceIssueArticles(issueId: string, articles: NewArticle[]): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const issue = await trx.selectFrom('documents').select(['media_type', 'size_bytes', 'pdf_password', 'year']).where('id', '=', issueId).executeTakeFirstOrThrow();
      const keep = articles.map((a) => a.id);
      let stale = trx.deleteFrom('documents').where('issue_document_id', '=', issueId);
      if (keep.length) stale = stale.where('id', 'not in', keep);
      await stale.execute();
      if (!articles.length) return [];
      const timestamp = now();
      const inserted = await trx
        .insertInto('documents')
        .values(
          articles.map((a) => ({
            id: a.id,
            filename: a.filename,
            media_type: issue.media_type,
            size_bytes: issue.size_bytes,
            status: 'queued' as const,
            title: a.title,
            ...NOT_ANALYZED,
            pdf_password: issue.pdf_password,
            year: issue.year,
            attempts: 0,
            created_at: timestamp,
            updated_at: timestamp,
            enqueued_at: null,
            analyzed_at: null,
            issue_document_id: issueId,
            issue_position: a.position,
            issue_range: a.range,
            article_title: a.title,
            article_authors_json: JSON.stringify(a.authors),
          })),
        )
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            issue_position: eb.ref('excluded.issue_position'),
            article_title: eb.ref('excluded.article_title'),
            article_authors_json: eb.ref('excluded.article_authors_json'),
          })),
        )
        .returning(['id', 'created_at'])
        .execute();
      const created = inserted.filter((r) => r.created_at === timestamp).map((r) => r.id);
      const collections = await trx.selectFrom('document_collections').select('collection').where('document_id', '=', issueId).execute();
      if (collections.length && created.length) {
        await trx
          .insertInto('document_collections')
          .values(created.flatMap((id) => collections.map((c) => ({ document_id: id, collection: c.collection }))))
          .onConflict((oc) => oc.columns(['document_id', 'collection']).doNothing())
          .execute();
      }
      return created;
    });
  }

  /** The articles stored from an issue, in their order. */
  async articlesOf(issueId: string): Promise<DocumentRow[]> {
    return this.db.selectFrom('documents').selectAll().where('issue_document_id', '=', issueId).orderBy('issue_position').execute();
  }

  async markEnqueued(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.updateTable('documents').set({ enqueued_at: now() }).where('id', 'in', ids).execute();
  }

  /** Documents stored but not yet handed to the queue (the queue was down, or the process died). */
  async listOutbox(limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('documents')
      .select('id')
      .where('status', '=', 'queued')
      .where('enqueued_at', 'is', null)
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Documents handed to the queue before `olderThan` that are still unfinished: if the queue lost
   * their jobs (Redis restarted without persistence), they must be handed over again.
   */
  async listUnfinishedEnqueuedBefore(olderThan: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('documents')
      .select('id')
      .where('status', 'in', UNFINISHED_STATUSES)
      .where('enqueued_at', '<', olderThan)
      .where('updated_at', '<', olderThan)
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Documents an in-process worker must (re)take after a restart. */
  async listUnfinished(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('documents')
      .select('id')
      .where('status', 'in', UNFINISHED_STATUSES)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Puts documents back in the queue's outbox, e.g. to analyze them again with new lexicons. */
  async requeue(ids: string[], password?: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable('documents')
      .set({
        status: 'queued',
        enqueued_at: null,
        error_code: null,
        error_message: null,
        attempts: 0,
        updated_at: now(),
        ...(password !== undefined ? { pdf_password: password } : {}),
      })
      .where('id', 'in', ids)
      .execute();
  }

  /**
   * Records that an analysis attempt starts, before it starts, so that attempts that kill their
   * process (or the whole server) are counted across restarts.
   */
  /**
   * Starts an attempt at analyzing a document in one round trip: marks it processing, counts the
   * attempt, and returns its original with what the analysis needs (attempts: those made before
   * this one), and `startedAt`, which ResultsRepository.save checks so that an attempt taken over
   * by another worker stores nothing. Undefined when the document no longer exists or is finished.
   */
  async beginAttempt(id: string): Promise<StartedAttempt | undefined> {
    const startedAt = now();
    const row = await this.db
      .updateTable('documents')
      .set((eb) => ({ status: 'processing', updated_at: startedAt, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      // A finished document has no job to run (reanalysis queues it first): a job that outlived its
      // lock, taken over and finished elsewhere, ends here.
      .where('status', 'in', UNFINISHED_STATUSES)
      // A subquery, not UPDATE … FROM: SQLite's RETURNING cannot name a FROM table. An article's
      // bytes are its issue's, stored once.
      .returning((eb) => [
        'filename',
        'pdf_password as password',
        'attempts',
        'split_issue',
        'issue_range',
        'article_title',
        'article_authors_json',
        eb
          .selectFrom('document_files')
          .select('document_files.bytes')
          .where((w) => w('document_files.document_id', '=', w.fn.coalesce('documents.issue_document_id', 'documents.id')))
          .as('bytes'),
      ])
      .executeTakeFirst();
    if (!row?.bytes) return undefined;
    return { ...storedFile({ ...row, bytes: row.bytes }), attempts: row.attempts - 1, startedAt };
  }


  async markProcessing(id: string): Promise<void> {
    await this.db
      .updateTable('documents')
      .set((eb) => ({ status: 'processing', updated_at: now(), attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }

  /**
   * The attempt came back (with a result or an error it reported): only attempts that never come
   * back — their process died — stay counted.
   */
  async endAttempt(id: string): Promise<void> {
    await this.db
      .updateTable('documents')
      .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
      .where('id', '=', id)
      .where('attempts', '>', 0)
      .execute();
  }

  /**
   * Back to the outbox after an infrastructure failure (database, Redis, disk): the next sweep hands
   * it to the queue again once the queue takes it, and it starts with fresh attempts.
   */
  async returnToOutbox(id: string): Promise<void> {
    await this.db
      .updateTable('documents')
      .set({ status: 'queued', enqueued_at: null, error_code: null, error_message: null, attempts: 0, updated_at: now() })
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'processing'])
      .execute();
  }

  async markFailed(id: string, status: DocumentStatus, code: string, message: string): Promise<void> {
    await this.db
      .updateTable('documents')
      .set({ status, error_code: code, error_message: message, updated_at: now() })
      .where('id', '=', id)
      .execute();
  }

  /** Ids of analyzed documents whose results came from other lexicons than `version`, or whose search index lacks zones (or all). */
  async listForReanalysis(options: { staleAgainst?: string }): Promise<string[]> {
    let query = this.db.selectFrom('documents').select('id').where('status', 'not in', UNFINISHED_STATUSES);
    if (options.staleAgainst) {
      const version = options.staleAgainst;
      query = query.where((eb) =>
        eb.or([
          eb('lexicon_version', 'is', null),
          eb('lexicon_version', '!=', version),
          // Indexed for search before sentences kept their zone (migration 009).
          eb.exists(eb.selectFrom('sentences').select('sentences.id').whereRef('sentences.document_id', '=', 'documents.id').where('sentences.zone', 'is', null)),
        ]),
      );
    }
    return (await query.orderBy('created_at').execute()).map((r) => r.id);
  }

  /** The document's corrections, or undefined when none was made. */
  async corrections(id: string): Promise<(Correction & { correctedAt: string }) | undefined> {
    const row = await this.db.selectFrom('document_corrections').selectAll().where('document_id', '=', id).executeTakeFirst();
    return row ? fromCorrectionRow(row) : undefined;
  }

  /**
   * Applies a correction in one transaction: the corrections row (kept apart, so that a new
   * analysis does not lose it), the collections, and the documents row's title and year, which
   * lists and factor tables read without a join. `analysed` is what stands when a correction is dropped.
   */
  async correct(id: string, patch: CorrectionPatch, analysed: { title: string | null; year: number | null }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const old = await trx.selectFrom('document_corrections').selectAll().where('document_id', '=', id).executeTakeFirst();
      const { collections, ...fields } = patch;
      const { title, authors, year, venue } = old ? fromCorrectionRow(old) : NO_CORRECTION;
      const merged: Correction = { title, authors, year, venue, ...fields };
      if (Object.values(merged).every((v) => v === null)) {
        await trx.deleteFrom('document_corrections').where('document_id', '=', id).execute();
      } else {
        const row = { title: merged.title, authors_json: merged.authors && JSON.stringify(merged.authors), year: merged.year, venue: merged.venue, corrected_at: now() };
        await trx
          .insertInto('document_corrections')
          .values({ document_id: id, ...row })
          .onConflict((oc) => oc.column('document_id').doUpdateSet(row))
          .execute();
      }
      if (collections) {
        await trx.deleteFrom('document_collections').where('document_id', '=', id).execute();
        if (collections.length) await trx.insertInto('document_collections').values(collections.map((collection) => ({ document_id: id, collection }))).execute();
      }
      // Only the columns the patch names: a title correction must not replace the year given at upload.
      await trx
        .updateTable('documents')
        .set({
          ...('title' in fields ? { title: merged.title ?? analysed.title } : {}),
          ...('year' in fields ? { year: merged.year ?? analysed.year } : {}),
          updated_at: now(),
        })
        .where('id', '=', id)
        .execute();
    });
  }
}

export function fromCorrectionRow(row: Selectable<DocumentCorrectionsTable>): Correction & { correctedAt: string } {
  return {
    title: row.title,
    authors: row.authors_json === null ? null : (JSON.parse(row.authors_json) as string[]),
    year: row.year,
    venue: row.venue,
    correctedAt: row.corrected_at,
  };
}

/** A stored file from its document row's columns (an article's head is kept as JSON). */
function storedFile(row: {
  bytes: Uint8Array;
  password: string | null;
  filename: string;
  attempts: number;
  split_issue: number;
  issue_range: string | null;
  article_title: string | null;
  article_authors_json: string | null;
}): StoredFile {
  const { split_issue, issue_range, article_title, article_authors_json, ...file } = row;
  const articleHead = article_title === null ? null : { title: article_title, authors: JSON.parse(article_authors_json ?? '[]') as string[] };
  return { ...file, splitIssue: split_issue === 1, issueRange: issue_range, articleHead };
}
