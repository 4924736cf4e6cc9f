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

/** How many valid values an error lists before it says "…". */
const LISTED = 60;

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
        const user = userFactors.length ? `; the user lexicon has ${listed(userFactors)} (see /api/lexicon)` : '';
        throw new RequestError('invalid_query', `Unknown factor ${quoted(unknownFactors)}; the codebook has ${listed([...this.factorIds])} (see /api/codebook)${user}.`);
      }
    }
    if (filter.stance && !(STANCES as readonly string[]).includes(filter.stance)) {
      throw new RequestError('invalid_query', `Unknown stance "${filter.stance}"; use ${listed(STANCES)}.`);
    }
    const collections = collectionList(filter.collection);
    if (filter.language || collections.length) {
      const known = await this.corpus.filterValues();
      if (filter.language) {
        const languages = [...new Set([...LANGUAGES.map((l) => l.code), ...known.languages])];
        if (!languages.includes(filter.language)) throw new RequestError('invalid_query', `Unknown language "${filter.language}"; use ${listed(languages)}.`);
      }
      const missing = collections.filter((c) => !known.collections.includes(c));
      if (missing.length) {
        const valid = known.collections.length ? `there are ${listed(known.collections)}` : 'there are no collections yet';
        throw new RequestError('not_found', `No collection ${quoted(missing)}; ${valid}.`);
      }
    }
    if (!filter.documents?.length) return filter;
    const documents = await this.documents.findMany(filter.documents);
    return { ...filter, documents: documents.map((d) => d.id) };
  }
}

const quoted = (values: string[]) => values.map((v) => `"${v}"`).join(', ');

function listed(values: readonly string[]): string {
  return values.length > LISTED ? `${values.slice(0, LISTED).join(', ')}, …` : values.join(', ');
}
