// The user lexicon: a quanteda dictionary imported as extra factors (`user:…`), stored in the
// database, handed to every analysis as input, and versioned with the lexicon files, so that
// `reanalyze --stale` re-runs the results an import or a removal made outdated.
import { analysisLexiconVersion, parseQuantedaDictionary, USER_FACTOR_PREFIX, userLexicon, UserLexiconError, type UserFactor } from '../analysis/factors/user-lexicon.js';
import type { UserLexicon } from '../analysis/types.js';
import type { UserLexiconRepository } from '../store/user-lexicon-repository.js';
import { RequestError } from './errors.js';

export interface UserLexiconListing {
  /** The version of every lexicon together (lexicons/ and this one), as results record it. */
  lexiconVersion: string;
  factors: UserFactor[];
}

export class UserLexiconService {
  constructor(private readonly repository: UserLexiconRepository) {}

  async list(): Promise<UserLexiconListing> {
    const factors = await this.repository.list();
    return { lexiconVersion: analysisLexiconVersion(factors.length ? userLexicon(factors) : undefined), factors };
  }

  /** Imports a quanteda YAML dictionary; a key imported before is replaced. Returns the imported factors. */
  async import(yaml: string): Promise<UserLexiconListing & { imported: string[] }> {
    let factors: UserFactor[];
    try {
      factors = parseQuantedaDictionary(yaml);
    } catch (error) {
      if (error instanceof UserLexiconError) throw new RequestError('invalid_query', 'lexicon.cannotImport', { reason: error.message });
      throw error;
    }
    await this.repository.save(factors);
    return { ...(await this.list()), imported: factors.map((f) => f.id) };
  }

  async remove(id: string): Promise<UserLexiconListing> {
    if (!(await this.repository.remove(id))) {
      const known = (await this.repository.list()).map((f) => f.id);
      const valid = known.length ? known : { key: 'lexicon.empty' as const };
      throw new RequestError('not_found', id.startsWith(USER_FACTOR_PREFIX) ? 'lexicon.unknownFactor' : 'lexicon.unknownFactorPrefix', { id, prefix: USER_FACTOR_PREFIX, valid });
    }
    return this.list();
  }

  /** What an analysis is handed: undefined while the user lexicon is empty. */
  async current(): Promise<UserLexicon | undefined> {
    const factors = await this.repository.list();
    return factors.length ? userLexicon(factors) : undefined;
  }

  /** The version results analyzed now record: older ones are stale. */
  async lexiconVersion(): Promise<string> {
    return analysisLexiconVersion(await this.current());
  }
}
