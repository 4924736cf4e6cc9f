// What the corpus holds (documents by collection, language and year) and where words occur in it.
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

  /** Sentences with every word of the query (by stem), a page at a time; `more` says whether another page exists. */
  async search(query: string, filter: CorpusFilter, page: Page, order?: SearchOrder): Promise<{ hits: SearchHit[]; more: boolean }> {
    return this.sentences.search(query, await this.selection.resolve(filter), page, order);
  }
}
