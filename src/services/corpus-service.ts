// What the corpus holds (documents by collection, language and year) and where words occur in it.
import { queryTranslations } from '../analysis/query-translations.js';
import type { CorpusFilter, Page } from '../store/corpus-filter.js';
import type { CorpusOverview, CorpusRepository } from '../store/corpus-repository.js';
import type { SearchHit, SearchOrder, SearchRepository } from '../store/search-repository.js';
import type { CorpusSelection } from './corpus-selection.js';

export class CorpusService {
  constructor(
    private readonly corpus: CorpusRepository,
    private readonly sentences: SearchRepository,
    private readonly selection: CorpusSelection,
  ) {}

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
