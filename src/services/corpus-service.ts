// What the corpus holds (documents by collection, language and year) and where words occur in it.
import { queryTranslations } from '../analysis/query-translations.js';
import { factorDefinitions } from '../analysis/factors/index.js';
import { TermCounter, type TermCount } from '../analysis/term-counts.js';
import type { FactorLabels } from '../analysis/types.js';
import type { CorpusFilter, Page } from '../store/corpus-filter.js';
import type { CorpusOverview, CorpusRepository } from '../store/corpus-repository.js';
import type { FactorTableRepository } from '../store/factor-table-repository.js';
import type { SearchHit, SearchOptions, SearchRepository, SentenceScope } from '../store/search-repository.js';
import type { CorpusSelection } from './corpus-selection.js';

/** Sentences counted at most per request (~20 papers of 10,000 words make 10,000 sentences), and per query. */
const TERM_SENTENCES = 200_000;
const TERM_PAGE = 5000;

/** Matching sentences facets are counted over. */
const FACET_SENTENCES = 5000;

/** What word counts can be split by: a document's collections (each of them) and its year. */
export const TERM_GROUPINGS = ['collection', 'year'] as const;
export type TermGrouping = (typeof TERM_GROUPINGS)[number];

/** The word counts of one group: a collection, a year, or a collection in a year. */
export interface TermGroup {
  collection?: string | null;
  year?: number | null;
  sentences: number;
  terms: TermCount[];
}

export interface SearchFacets {
  sentences: number;
  truncated: boolean;
  documents: { document_id: string; title: string | null; filename: string; year: number | null; hits: number }[];
  years: { year: number | null; hits: number }[];
  factors: { factor: string; label: FactorLabels | null; hits: number }[];
}

export class CorpusService {
  private readonly labels = new Map(factorDefinitions().map((f) => [f.id, f.label]));

  constructor(
    private readonly corpus: CorpusRepository,
    private readonly sentences: SearchRepository,
    private readonly selection: CorpusSelection,
    private readonly mentions: Pick<FactorTableRepository, 'mentionStarts'>,
  ) {}

  /**
   * How the matches of a query spread over documents, years and factors (a factor counts a matching
   * sentence in which one of its mentions starts), over the first FACET_SENTENCES matching sentences
   * (`truncated` beyond).
   */
  async facets(query: string, filter: CorpusFilter, options: SentenceScope & { bothLanguages?: boolean } = {}): Promise<SearchFacets> {
    const { hits, more } = await this.search(query, filter, { offset: 0, limit: FACET_SENTENCES }, { ...options, order: 'document' });
    const documents = new Map<string, { document_id: string; title: string | null; filename: string; year: number | null; hits: number }>();
    const years = new Map<number | null, number>();
    for (const hit of hits) {
      const d = documents.get(hit.document_id) ?? { document_id: hit.document_id, title: hit.title, filename: hit.filename, year: hit.year, hits: 0 };
      d.hits++;
      documents.set(hit.document_id, d);
      years.set(hit.year, (years.get(hit.year) ?? 0) + 1);
    }
    const sentenceKeys = new Set(hits.map((h) => `${h.document_id}\u0000${h.start}`));
    const factors = new Map<string, Set<string>>();
    for (const m of await this.mentions.mentionStarts([...documents.keys()])) {
      const key = `${m.document_id}\u0000${m.start}`;
      if (sentenceKeys.has(key)) factors.set(m.factor, (factors.get(m.factor) ?? new Set()).add(key));
    }
    const byCount = <T extends { hits: number }>(a: T, b: T) => b.hits - a.hits;
    return {
      sentences: hits.length,
      truncated: more,
      documents: [...documents.values()].sort(byCount),
      years: [...years].map(([year, n]) => ({ year, hits: n })).sort((a, b) => (a.year ?? 0) - (b.year ?? 0)),
      factors: [...factors].map(([factor, keys]) => ({ factor, label: this.labels.get(factor) ?? null, hits: keys.size })).sort(byCount),
    };
  }

  /**
   * The most frequent words (n = 1) or n-grams of the selection, counted by stem. Reads at most
   * TERM_SENTENCES sentences (`truncated` says when there were more): a narrower filter counts the rest.
   */
  async terms(
    given: CorpusFilter,
    options: SentenceScope & { n: number; limit: number; by?: readonly TermGrouping[] },
  ): Promise<{ terms: TermCount[]; groups?: TermGroup[]; sentences: number; truncated: boolean }> {
    const filter = await this.selection.resolve(given);
    const by = new Set(options.by ?? []);
    const counter = new TermCounter(options.n);
    // Per group (a collection, a year, or both): its key's fields, a counter and its sentences.
    const groups = new Map<string, { key: Omit<TermGroup, 'sentences' | 'terms'>; counter: TermCounter; sentences: number }>();
    const groupsOf = (document: { year: number | null; collections: string[] } | undefined) => {
      const collections = by.has('collection') ? (document?.collections.length ? document.collections : [null]) : [undefined];
      return collections.map((collection) => ({ ...(collection !== undefined ? { collection } : {}), ...(by.has('year') ? { year: document?.year ?? null } : {}) }));
    };
    let sentences = 0;
    let truncated = true;
    for (let after: { document_id: string; ordinal: number } | null = null; sentences < TERM_SENTENCES; ) {
      const rows = await this.sentences.sentencesAfter(filter, options, after, TERM_PAGE);
      if (rows.length === 0) {
        truncated = false;
        break;
      }
      const documents = by.size ? await this.sentences.documentGroups([...new Set(rows.map((r) => r.document_id))]) : undefined;
      for (const row of rows) {
        counter.add(row.document_id, row.sentence, row.language);
        if (!documents) continue;
        for (const key of groupsOf(documents.get(row.document_id))) {
          const id = JSON.stringify(key);
          let group = groups.get(id);
          if (!group) groups.set(id, (group = { key, counter: new TermCounter(options.n), sentences: 0 }));
          group.counter.add(row.document_id, row.sentence, row.language);
          group.sentences++;
        }
      }
      sentences += rows.length;
      after = rows[rows.length - 1]!;
    }
    const result = { terms: counter.top(options.limit), sentences, truncated };
    if (!by.size) return result;
    const order = (a: TermGroup, b: TermGroup) => String(a.collection ?? '').localeCompare(String(b.collection ?? '')) || (a.year ?? 0) - (b.year ?? 0);
    return { ...result, groups: [...groups.values()].map((g) => ({ ...g.key, sentences: g.sentences, terms: g.counter.top(options.limit) })).sort(order) };
  }

  overview(): Promise<CorpusOverview> {
    return this.corpus.overview();
  }

  /**
   * Sentences with every word of the query (by stem), a page at a time; `more` says whether another
   * page exists, `rankedWithin` that a common query was ranked among its first matches only. With bothLanguages, also those with every word of one of its translations.
   */
  async search(
    query: string,
    filter: CorpusFilter,
    page: Page,
    { bothLanguages, ...options }: SearchOptions & { bothLanguages?: boolean } = {},
  ): Promise<{ hits: SearchHit[]; more: boolean; rankedWithin: number | null; translations: string[] }> {
    const translations = bothLanguages ? queryTranslations(query) : [];
    const result = await this.sentences.search([query, ...translations], await this.selection.resolve(filter), page, options);
    return { ...result, translations };
  }
}
