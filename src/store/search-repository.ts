// Full-text search over every sentence of the corpus. SQLite: FTS5 over the stems of our own
// tokenizer (analysis/search-index.ts), ranked by bm25. PostgreSQL: tsvector with each sentence's own
// text-search configuration (its language profile's), each query word parsed by every analyzed
// language's and either accepted, ranked by ts_rank_cd. Filtered like the factor table; the factor
// and stance filters keep sentences in which a mention of that factor (with that stance) starts.
import { sql, type ExpressionBuilder, type Kysely, type RawBuilder, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { Database, DocumentsTable, SentencesTable } from './schema.js';
import { insertRows, SQLITE_CHUNK } from './bulk-insert.js';
import { documentConditions, type CorpusFilter, type Page } from './corpus-filter.js';
import { dialectOf } from './dialect.js';
import { LANGUAGES } from '../analysis/languages/index.js';
import { queryTerms, termRanges, type IndexedSentence, type QueryTerm } from '../analysis/search-index.js';
import type { Zone } from '../analysis/types.js';

/** A sentence that matches the query, with its document's facts. */
export type SearchHit = Omit<SentencesTable, 'id' | 'text_search'> & Pick<DocumentsTable, 'filename' | 'title' | 'year'> & {
  /** [start, end) of the words that match the query, within the sentence. */
  highlights: [number, number][];
};

/**
 * A query matching more sentences than this is ranked among its first this many (in corpus order):
 * see rankingBound. 2,000 keeps a common word's ranking within ~10 ms on 4 M sentences.
 */
export const RANKED_SENTENCES = 2000;

/** Below this many matches, PostgreSQL takes a query's matches from the GIN index (see matches()). */
const RARE_WORD_MATCHES = 1000;

/** Replaces a document's sentences in the index; called inside ResultsRepository.save's transaction. */
export async function replaceSentences(trx: Transaction<Database>, documentId: string, sentences: IndexedSentence[]): Promise<void> {
  const rows = sentences.map(({ stems: _stems, textSearch, ...s }) => ({ document_id: documentId, ...s, text_search: textSearch }));
  if (dialectOf(trx) === 'postgres') {
    // The tsv column is generated from the sentence and its configuration.
    await trx.deleteFrom('sentences').where('document_id', '=', documentId).execute();
    await insertRows(trx, 'sentences', rows);
    return;
  }
  await trx.deleteFrom('sentence_fts').where('rowid', 'in', (eb) => eb.selectFrom('sentences').select('id').where('document_id', '=', documentId)).execute();
  await trx.deleteFrom('sentences').where('document_id', '=', documentId).execute();
  // FTS5 rows take the sentence's id as rowid, so SQLite's sentences are inserted here, ids returned.
  for (let i = 0; i < rows.length; i += SQLITE_CHUNK) {
    const ids = await trx.insertInto('sentences').values(rows.slice(i, i + SQLITE_CHUNK)).returning(['id', 'ordinal']).execute();
    const stems = new Map(sentences.slice(i, i + SQLITE_CHUNK).map((s) => [s.ordinal, s.stems]));
    await trx.insertInto('sentence_fts').values(ids.map((r) => ({ rowid: r.id, stems: stems.get(r.ordinal) ?? '' }))).execute();
  }
}

/** relevance: best first (FTS5 bm25, PostgreSQL ts_rank_cd); document: document by document, in text order. */
export type SearchOrder = 'relevance' | 'document';

/**
 * Zones searched only when asked: a bibliography repeats the words of other papers' titles, so its
 * lines would come up as hits for every topic the paper cites.
 */
export const ZONES_SEARCHED_ON_REQUEST: readonly Zone[] = ['references'];

export interface SentenceScope {
  /** Also the sentences of the references (ZONES_SEARCHED_ON_REQUEST), left out by default. */
  references?: boolean;
}

export interface SearchOptions extends SentenceScope {
  order?: SearchOrder;
}

/** Sentences outside the zones searched on request; a row indexed before zones were stored (null) is body text. */
function inDefaultZones(eb: ExpressionBuilder<Database, 'sentences'>) {
  return eb.or([eb('sentences.zone', 'is', null), eb('sentences.zone', 'not in', ZONES_SEARCHED_ON_REQUEST)]);
}

export class SearchRepository {
  /** `rankedSentences`: how many matches a ranked query scores at most (RANKED_SENTENCES). */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: { rankedSentences?: number } = {},
  ) {}

  /**
   * Sentences that contain every word of the query (by stem; a Russian stem also finds its
   * derivational family, see QueryTerm), best first or in document order. `more` tells whether
   * another page exists, instead of a total that would cost a count of every match of a common word.
   */
  async search(
    query: string | string[],
    filter: CorpusFilter,
    page: Page,
    { order = 'relevance', ...scope }: SearchOptions = {},
  ): Promise<{ hits: SearchHit[]; more: boolean; rankedWithin: number | null }> {
    // Several queries (a query and its translations) are alternatives: a sentence matching any is a hit.
    const alternatives = ([] as string[]).concat(query).map(queryTerms).filter((terms) => terms.length);
    if (alternatives.length === 0) return { hits: [], more: false, rankedWithin: null };
    let rankedWithin: number | null = null;
    let q;
    if (order === 'relevance') {
      const { sentences, rank } = this.ranked(alternatives);
      const { restrict, capped } = await this.rankedCandidates(sentences, filter, scope);
      if (capped) rankedWithin = this.rankedSentences;
      q = restrict(this.selected(sentences, filter, scope)).orderBy(rank).orderBy('sentences.id');
    } else {
      const { sentences, inTextOrder } = await this.matching(alternatives);
      q = this.selected(sentences, filter, scope).orderBy(inTextOrder);
    }
    const rows = await q
      .innerJoin('documents', 'documents.id', 'sentences.document_id')
      .select([
        'sentences.document_id', 'documents.filename', 'documents.title', 'documents.year', 'sentences.ordinal',
        'sentences.start', 'sentences.end', 'sentences.page', 'sentences.language', 'sentences.zone', 'sentences.sentence',
      ])
      .limit(page.limit + 1)
      .offset(page.offset)
      .execute();
    const terms = alternatives.flat();
    const hits = rows.slice(0, page.limit).map((r) => ({ ...r, highlights: termRanges(r.sentence, terms) }));
    return { hits, more: rows.length > page.limit, rankedWithin };
  }

  private get rankedSentences(): number {
    return this.options.rankedSentences ?? RANKED_SENTENCES;
  }

  /** The sentences of `base` that the filter selects, in the zones searched (see SentenceScope). */
  private selected<QB extends SelectQueryBuilder<Database, 'sentences', object>>(base: QB, filter: CorpusFilter, scope: SentenceScope): QB {
    let q = base.where(documentConditions(filter, 'sentences.document_id', { language: false })) as QB;
    if (!scope.references) q = q.where(inDefaultZones) as QB;
    if (filter.language) q = q.where('sentences.language', '=', filter.language) as QB;
    if (filter.factors?.length || filter.stance) {
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('factor_mentions')
            .select(sql.lit(1).as('one'))
            .whereRef('factor_mentions.document_id', '=', 'sentences.document_id')
            .whereRef('factor_mentions.start', '=', 'sentences.start')
            .$if(!!filter.factors?.length, (m) => m.where('factor_mentions.factor', 'in', filter.factors!))
            .$if(!!filter.stance, (m) => m.where('factor_mentions.stance', '=', filter.stance!)),
        ),
      ) as QB;
    }
    return q;
  }

  /**
   * Ranking scores every match before it can sort (bm25 / ts_rank_cd), which for a common word over
   * a large corpus takes seconds; so a query is ranked among its first RANKED_SENTENCES selected
   * matches, and `capped` says when there were more. `restrict` narrows the ranked query to them.
   */
  private async rankedCandidates<QB extends SelectQueryBuilder<Database, 'sentences', object>>(
    matches: QB,
    filter: CorpusFilter,
    scope: SentenceScope,
  ): Promise<{ restrict: (q: QB) => QB; capped: boolean }> {
    const cap = this.rankedSentences;
    if (dialectOf(this.db) === 'postgres') {
      // In the order the table is read (a sequential scan that stops early for a common word, the
      // GIN index's bitmap for a rare one): asking for id order would walk the primary key past
      // every non-matching row to reach the matches of a middling word.
      const rows = await this.selected(matches, filter, scope).select('sentences.id').limit(cap + 1).execute();
      const ids = rows.slice(0, cap).map((r) => Number((r as { id: number }).id));
      return { restrict: (q) => q.where(sql<boolean>`sentences.id = any(${ids})`) as QB, capped: rows.length > cap };
    }
    // SQLite walks the FTS5 matches in rowid (= sentence id) order when the order is named by the
    // rowid (by sentences.id it would sort every match), and a bound on the rowid narrows FTS5's own
    // walk in the ranked query. The bound is cast: better-sqlite3 binds a JavaScript number as a
    // REAL, which FTS5 does not take as a rowid bound (every match was then scored: ~4× the CPU).
    const row = await this.selected(matches, filter, scope).select('sentences.id').orderBy(sql`sentence_fts.rowid`).limit(1).offset(cap).executeTakeFirst();
    const bound = row ? Number((row as { id: number }).id) - 1 : undefined;
    return { restrict: (q) => (bound === undefined ? q : (q.where(sql<boolean>`sentence_fts.rowid <= cast(${bound} as integer)`) as QB)), capped: bound !== undefined };
  }

  /** Sentences of the selected documents after the given (document, ordinal) key, for counting their words. */
  async sentencesAfter(filter: CorpusFilter, scope: SentenceScope, after: { document_id: string; ordinal: number } | null, limit: number) {
    let q = this.db
      .selectFrom('sentences')
      .select(['sentences.document_id', 'sentences.ordinal', 'sentences.language', 'sentences.sentence'])
      .where(documentConditions(filter, 'sentences.document_id', { language: false }));
    if (!scope.references) q = q.where(inDefaultZones);
    if (filter.language) q = q.where('sentences.language', '=', filter.language);
    if (after) q = q.where((eb) => eb(eb.refTuple('sentences.document_id', 'sentences.ordinal'), '>', eb.tuple(after.document_id, after.ordinal)));
    return q.orderBy('sentences.document_id').orderBy('sentences.ordinal').limit(limit).execute();
  }

  /** For each of the documents, its year and its collections (for word counts by collection and year). */
  async documentGroups(ids: readonly string[]): Promise<Map<string, { year: number | null; collections: string[] }>> {
    const groups = new Map<string, { year: number | null; collections: string[] }>();
    if (ids.length === 0) return groups;
    for (const d of await this.db.selectFrom('documents').select(['id', 'year']).where('id', 'in', ids).execute()) groups.set(d.id, { year: d.year, collections: [] });
    const memberships = await this.db.selectFrom('document_collections').select(['document_id', 'collection']).where('document_id', 'in', ids).orderBy('collection').execute();
    for (const m of memberships) groups.get(m.document_id)?.collections.push(m.collection);
    return groups;
  }

  /** The matching sentences with the expression that orders them best first (ascending). */
  private ranked(terms: QueryTerm[][]) {
    if (dialectOf(this.db) === 'postgres') {
      const tsquery = postgresQuery(terms);
      return { sentences: this.db.selectFrom('sentences').where(sql<boolean>`sentences.tsv @@ ${tsquery}`), rank: sql`ts_rank_cd(sentences.tsv, ${tsquery}) desc` };
    }
    // bm25() is smaller for better matches.
    return { sentences: this.ftsMatches(terms), rank: sql`bm25(sentence_fts)` };
  }

  /** SQLite: the sentences whose FTS5 entry matches; the join only restricts the rows to the matches. */
  private ftsMatches(terms: QueryTerm[][]) {
    return this.db
      .selectFrom('sentences')
      .innerJoin('sentence_fts', 'sentence_fts.rowid', 'sentences.id')
      .where(sql<boolean>`sentence_fts match ${ftsQuery(terms)}`) as unknown as SelectQueryBuilder<Database, 'sentences', object>;
  }

  /**
   * The sentences that contain every word of the query, in a shape each database's planner reads
   * in id (= text) order without sorting every match, and the expression that names that order.
   */
  private async matching(terms: QueryTerm[][]): Promise<{ sentences: SelectQueryBuilder<Database, 'sentences', object>; inTextOrder: RawBuilder<unknown> }> {
    const sentences = this.db.selectFrom('sentences');
    const inTextOrder = sql`sentences.id`;
    if (dialectOf(this.db) === 'postgres') {
      const tsquery = postgresQuery(terms);
      const ids = this.db.selectFrom('sentences').select('sentences.id').where(sql<boolean>`sentences.tsv @@ ${tsquery}`);
      // PostgreSQL misjudges how rare a word is when two configurations' queries are combined.
      // Thinking it common, it walks the sentences in id order testing each — right for a common
      // word, seconds for one that occurs nowhere. So count the matches up to a bound first (the
      // GIN index answers that at once): a rare word's few matches are taken from the index as a
      // subquery the planner may not merge back (OFFSET 0) and sorted; a common word is left to
      // the id-order walk, which meets enough matches early.
      const { n } = await this.db
        .selectFrom(ids.limit(RARE_WORD_MATCHES).offset(0).as('m'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      if (Number(n) >= RARE_WORD_MATCHES) return { sentences: sentences.where(sql<boolean>`sentences.tsv @@ ${tsquery}`), inTextOrder };
      // The join only restricts the rows: the result has the columns of `sentences` alone.
      return { sentences: sentences.innerJoin(ids.offset(0).as('hits'), 'hits.id', 'sentences.id') as unknown as typeof sentences, inTextOrder };
    }
    // SQLite walks the FTS5 matches in rowid (= sentence id) order and stops at the page's end,
    // when the order is named by the rowid: by sentences.id, or with the matches as an IN-list, it
    // would first collect every match of a common word (~10 ms for 80,000).
    return { sentences: this.ftsMatches(terms), inTextOrder: sql`sentence_fts.rowid` };
  }
}

/**
 * The FTS5 query: any alternative, each with every term, a family as a prefix query. Each stem is
 * quoted, so the user's text never becomes FTS5 syntax; a hyphenated stem (научно-техническ) is a
 * phrase of its parts, as the index tokenized it.
 */
function ftsQuery(alternatives: QueryTerm[][]): string {
  const all = (terms: QueryTerm[]) => terms.map((t) => `"${t.stem.replace(/"/g, '""')}"${t.family ? '*' : ''}`).join(' AND ');
  return alternatives.length === 1 ? all(alternatives[0]!) : alternatives.map((terms) => `(${all(terms)})`).join(' OR ');
}

/**
 * The tsquery: any alternative, each with every term; a word as each analyzed language's
 * configuration reads it (either may match, since a sentence is indexed with its own), a family as
 * a prefix of its stem.
 */
function postgresQuery(alternatives: QueryTerm[][]) {
  const configurations = [...new Set(LANGUAGES.map((p) => p.textSearch))];
  const all = (terms: QueryTerm[]) =>
    sql`(${sql.join(
      terms.map((t) =>
        t.family
          ? sql`to_tsquery('simple', ${`'${t.stem.replace(/'/g, "''")}':*`})`
          : sql`(${sql.join(configurations.map((c) => sql`plainto_tsquery(${c}::regconfig, ${t.word})`), sql` || `)})`,
      ),
      sql` && `,
    )})`;
  return sql`(${sql.join(alternatives.map(all), sql` || `)})`;
}
