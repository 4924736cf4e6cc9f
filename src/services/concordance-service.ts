// The concordance (keyword in context) of a query over the corpus: the matching sentences from the
// search index, cut into lines around each match. In document order lines are paged with the
// sentences; sorted by left or right context, the lines of the first SORTED_SENTENCES matching
// sentences are sorted (a concordancer's sort needs every line; past that bound the response says
// it is truncated, and a narrower filter or query gives the rest).
import { kwicLines, kwicSortKey, type KwicLine, type KwicSort } from '../analysis/concordance.js';
import type { CorpusFilter, Page } from '../store/corpus-filter.js';
import type { SearchHit } from '../store/search-repository.js';
import type { CorpusService } from './corpus-service.js';

const SORTED_SENTENCES = 5000;

export type ConcordanceLine = KwicLine & Pick<SearchHit, 'document_id' | 'filename' | 'title' | 'year' | 'page' | 'language' | 'zone' | 'ordinal'>;

export interface ConcordanceQuery {
  q: string;
  window: number;
  sort: 'document' | KwicSort;
  bothLanguages?: boolean;
  /** Also the lines of the references, left out by default. */
  references?: boolean;
}

export const CONCORDANCE_COLUMNS = ['document_id', 'filename', 'title', 'year', 'page', 'language', 'left', 'keyword', 'right'] as const;

export class ConcordanceService {
  constructor(private readonly corpus: CorpusService) {}

  async lines(query: ConcordanceQuery, filter: CorpusFilter, page: Page): Promise<{ lines: ConcordanceLine[]; more: boolean; truncated: boolean; translations: string[] }> {
    const options = { order: 'document' as const, bothLanguages: query.bothLanguages, references: query.references };
    if (query.sort === 'document') {
      const { hits, more, translations } = await this.corpus.search(query.q, filter, page, options);
      return { lines: hits.flatMap((hit) => linesOf(hit, query.window)), more, truncated: false, translations };
    }
    const { hits, more, translations } = await this.corpus.search(query.q, filter, { offset: 0, limit: SORTED_SENTENCES }, options);
    const sort = query.sort;
    const lines = hits
      .flatMap((hit) => linesOf(hit, query.window))
      .map((line) => ({ line, key: kwicSortKey(line, sort) }))
      .sort((a, b) => a.key.localeCompare(b.key) || a.line.keyword.localeCompare(b.line.keyword))
      .map((x) => x.line);
    return { lines: lines.slice(page.offset, page.offset + page.limit), more: lines.length > page.offset + page.limit, truncated: more, translations };
  }
}

function linesOf(hit: SearchHit, window: number): ConcordanceLine[] {
  const { document_id, filename, title, year, page, language, zone, ordinal } = hit;
  return kwicLines(hit.sentence, hit.highlights, window).map((line) => ({ document_id, filename, title, year, page, language, zone, ordinal, ...line }));
}
