// Checks a corpus filter before any query runs, so that a typo is an error naming the bad value
// and the valid ones, never an empty result that looks like "no data": factor ids against the
// codebook and the user lexicon (`user:…`), languages against the analyzed ones and those stored, collections against those that
// exist, and document id prefixes resolved to the one document each names.
import { factorDefinitions } from '../analysis/factors/index.js';
import { LANGUAGES } from '../analysis/languages/index.js';
import { STANCES } from '../analysis/types.js';
import type { CorpusFilter } from '../store/corpus-filter.js';
import { collectionList } from '../store/corpus-filter.js';
import type { CorpusRepository } from '../store/corpus-repository.js';
import type { DocumentService } from './document-service.js';
import { RequestError } from './errors.js';

export class CorpusSelection {
  private readonly factorIds = new Set(factorDefinitions().map((f) => f.id));

  constructor(
    private readonly corpus: CorpusRepository,
    private readonly documents: DocumentService,
    /** The ids of the user lexicon's factors now (read only when a filter names a factor the codebook lacks). */
    private readonly userFactorIds: () => Promise<string[]>,
  ) {}

  /** The filter with document prefixes replaced by full ids; throws RequestError for any unknown value. */
  async resolve(filter: CorpusFilter): Promise<CorpusFilter> {
    let unknownFactors = (filter.factors ?? []).filter((f) => !this.factorIds.has(f));
    if (unknownFactors.length) {
      const userFactors = await this.userFactorIds();
      unknownFactors = unknownFactors.filter((f) => !userFactors.includes(f));
      if (unknownFactors.length) {
        const details = { values: unknownFactors, valid: [...this.factorIds], user: userFactors };
        throw new RequestError('invalid_query', userFactors.length ? 'filter.unknownFactorWithUser' : 'filter.unknownFactor', details);
      }
    }
    if (filter.stance && !(STANCES as readonly string[]).includes(filter.stance)) {
      throw new RequestError('invalid_query', 'filter.unknownStance', { value: filter.stance, valid: STANCES });
    }
    const collections = collectionList(filter.collection);
    if (filter.language || collections.length) {
      const known = await this.corpus.filterValues();
      if (filter.language) {
        const languages = [...new Set([...LANGUAGES.map((l) => l.code), ...known.languages])];
        if (!languages.includes(filter.language)) throw new RequestError('invalid_query', 'filter.unknownLanguage', { value: filter.language, valid: languages });
      }
      const missing = collections.filter((c) => !known.collections.includes(c));
      if (missing.length) {
        throw new RequestError('not_found', known.collections.length ? 'filter.unknownCollection' : 'filter.noCollections', { values: missing, valid: known.collections });
      }
    }
    if (!filter.documents?.length) return filter;
    const documents = await this.documents.findMany(filter.documents);
    return { ...filter, documents: documents.map((d) => d.id) };
  }
}
