// What the corpus holds (documents by collection, language and year) and where words occur in it.
import { queryTranslations } from '../analysis/query-translations.js';
import { TermCounter, type TermCount } from '../analysis/term-counts.js';
import type { CorpusFilter, Page } from '../store/corpus-filter.js';
import type { CorpusOverview, CorpusRepository } from '../store/corpus-repository.js';
import type { SearchHit, SearchOrder, SearchRepository } from '../store/search-repository.js';
import type { CorpusSelection } from './corpus-selection.js';

/** Sentences counted at most per request (~20 papers of 10,000 words make 10,000 sentences), and per query. */
const TERM_SENTENCES = 200_000;
const TERM_PAGE = 5000;

export class CorpusService {
  constructor(
    private readonly corpus: CorpusRepository,
    private readonly sentences: SearchRepository,
    private readonly selection: CorpusSelection,
  ) {}

  /**
   * The most frequent words (n = 1) or n-grams of the selection, counted by stem. Reads at most
   * TERM_SENTENCES sentences (`truncated` says when there were more): a narrower filter counts the rest.
   */
  async terms(given: CorpusFilter, options: { n: number; limit: number }): Promise<{ terms: TermCount[]; sentences: number; truncated: boolean }> {
    const filter = await this.selection.resolve(given);
    const counter = new TermCounter(options.n);
    let sentences = 0;
    for (let after: { document_id: string; ordinal: number } | null = null; sentences < TERM_SENTENCES; ) {
      const rows = await this.sentences.sentencesAfter(filter, after, TERM_PAGE);
      if (rows.length === 0) return { terms: counter.top(options.limit), sentences, truncated: false };
      for (const row of rows) counter.add(row.document_id, row.sentence, row.language);
      sentences += rows.length;
      after = rows[rows.length - 1]!;
    }
    return { terms: counter.top(options.limit), sentences, truncated: true };
  }

  overview(): Promise<CorpusOverview> {
    return this.corpus.overview();
  }

  /**
   * Sentences with every word of the query (by stem), a page at a time; `more` says whether another
   * page exists. With bothLanguages, also those with every word of one of its translations.
   */
  async search(
    query: string,
    filter: CorpusFilter,
    page: Page,
    options: { order?: SearchOrder; bothLanguages?: boolean } = {},
  ): Promise<{ hits: SearchHit[]; more: boolean; translations: string[] }> {
    const translations = options.bothLanguages ? queryTranslations(query) : [];
    const result = await this.sentences.search([query, ...translations], await this.selection.resolve(filter), page, options.order);
    return { ...result, translations };
  }
}
