// Reads lexicons/factors.txt (its header documents the format) into the factor definitions and
// the pattern indexes used for matching. Every mistake is a LexiconError with file and line, thrown
// the first time the lexicon is needed, i.e. at start of the first analysis.
import { LexiconError, readLexiconFile, type LexiconFile } from '../lexicon-files.js';
import { LANGUAGES } from '../languages/index.js';
import type { FactorDefinition, FactorLabels, UserLexicon } from '../types.js';
import { compilePattern, compileWordSet, PatternIndex, PatternSyntaxError, type Pattern, type TokenTest } from './patterns.js';
import { forEachLexiconLine } from '../lexicon-lines.js';
import { INHERENT_VALUES, type Inherent } from '../stance/stance.js';

const FACTOR_LEXICON = 'factors.txt';

export interface FactorEntry extends FactorDefinition {
  inherent: Inherent;
  /**
   * Whether a proper name counts as a mention (`names count`): for factors that are kinds of
   * organisation (universities, research institutes, corporations) a named one is an instance of
   * the factor; for the others a name («Институт экономики», "Research Policy") is not the factor.
   */
  namesCount: boolean;
  /**
   * The factor's wordings (exclusions left out), each with the language key it was given under (ru,
   * en, abbr) and whether a condition on the words around it (near, unless) applies.
   */
  wordings: { key: string; pattern: Pattern; conditional: boolean }[];
}

/**
 * A condition on the words around a match (`; near w1|w2*` or `; unless w1|w2*`, optionally
 * `near:N`): one of the words must (near) or must not (unless) stand within N tokens (default 8)
 * before or after the match in the same sentence. It states a word sense: «партнер» is international
 * cooperation near «зарубежн*|иностранн*», «институт» is an organisation near «научн*|академи*».
 */
export interface ContextRule {
  kind: 'near' | 'unless';
  words: TokenTest[];
  window: number;
}

export interface FactorPatternEntry {
  factor: string;
  /** Exclusions remove a factor's matches that overlap them (false friends). */
  exclude: boolean;
  pattern: Pattern;
  context: ContextRule[];
  /** A proper name matched by this pattern counts (`; names`): «Министерство промышленности» is the state. */
  namesCount: boolean;
  /**
   * The wording names what a threat factor is about, not the threat (`; plain`): natural resources,
   * raw materials, imported components. It reads by the sentence, as a neutral factor does, while
   * the factor's other wordings (resource dependence, the resource curse) keep its inherent reading.
   */
  plain: boolean;
}

/** Options of a pattern line that are no condition on the words around it. */
const FLAGS: ReadonlySet<string> = new Set(['names', 'plain']);
const DEFAULT_CONTEXT_WINDOW = 8;
const MAX_CONTEXT_WINDOW = 30;

export interface FactorLexicon {
  factors: FactorEntry[];
  byId: Map<string, FactorEntry>;
  /** By language code: the patterns of every analyzed language. */
  index: Record<string, PatternIndex<FactorPatternEntry>>;
  /** Every stem and prefix of every pattern → the factors using it (for candidate suggestions). */
  stemFactors: Map<string, Set<string>>;
}

/** Codebook ids; a user lexicon's factors are namespaced `user:` (factors/user-lexicon.ts). */
const ID = /^(?:[a-z][a-z_]*[a-z]|user:[\p{Ll}\p{Lo}\p{N}_]+)$/u;
type PatternKeys = Record<string, { languages: readonly string[]; exclude: boolean }>;

/** `<code>` and `not.<code>` for each analyzed language; `abbr` patterns serve them all. */
function patternKeys(): PatternKeys {
  const codes = LANGUAGES.map((p) => p.code);
  const keys: PatternKeys = { abbr: { languages: codes, exclude: false } };
  for (const code of codes) {
    keys[code] = { languages: [code], exclude: false };
    keys[`not.${code}`] = { languages: [code], exclude: true };
  }
  return keys;
}

/** Every factor has a label in each analyzed language. */
function labelKeys(): string[] {
  return LANGUAGES.map((p) => `label.${p.code}`);
}

let cached: FactorLexicon | undefined;

export function factorLexicon(): FactorLexicon {
  cached ??= parseFactorLexicon(readLexiconFile(FACTOR_LEXICON));
  return cached;
}

let withUser: { version: string; lexicon: FactorLexicon } | undefined;

/** The codebook with a user lexicon's factors after its own (the last one built is kept). */
export function factorLexiconWith(user: UserLexicon | undefined): FactorLexicon {
  if (!user) return factorLexicon();
  if (withUser?.version !== user.version) {
    const codebook = readLexiconFile(FACTOR_LEXICON);
    withUser = { version: user.version, lexicon: parseFactorLexicon({ path: `${codebook.path} + user lexicon`, text: `${codebook.text}\n${user.lexicon}` }) };
  }
  return withUser.lexicon;
}

interface Draft {
  id: string;
  line: number;
  fields: Map<string, string>;
  wordings: FactorEntry['wordings'];
}

export function parseFactorLexicon(file: LexiconFile): FactorLexicon {
  const lexicon: FactorLexicon = {
    factors: [],
    byId: new Map(),
    index: Object.fromEntries(LANGUAGES.map((p) => [p.code, new PatternIndex<FactorPatternEntry>()])),
    stemFactors: new Map(),
  };
  const patternKinds = patternKeys();
  const fieldKeys = new Set(['group', ...labelKeys(), 'inherent', 'names']);
  let draft: Draft | undefined;
  const finish = (): void => {
    if (!draft) return;
    const entry = finishFactor(file, draft);
    lexicon.factors.push(entry);
    lexicon.byId.set(entry.id, entry);
  };
  forEachLexiconLine(file, (line, n) => {
    const header = /^\[(.*)\]$/.exec(line);
    if (header) {
      finish();
      const id = header[1]!.trim();
      if (!ID.test(id)) throw new LexiconError(file.path, n, `factor id "${id}" must be lower-case letters and underscores`);
      if (lexicon.byId.has(id) || draft?.id === id) throw new LexiconError(file.path, n, `factor "${id}" is defined twice`);
      draft = { id, line: n, fields: new Map(), wordings: [] };
      return;
    }
    const kv = /^(\S+)\s+(.+)$/.exec(line);
    if (!kv) throw new LexiconError(file.path, n, `expected "key value", got "${line}"`);
    if (!draft) throw new LexiconError(file.path, n, 'a line before the first [factor_id] header');
    const [, key, value] = kv as unknown as [string, string, string];
    if (fieldKeys.has(key)) {
      if (draft.fields.has(key)) throw new LexiconError(file.path, n, `"${key}" given twice for ${draft.id}`);
      draft.fields.set(key, value.trim());
      return;
    }
    const kind = patternKinds[key];
    if (!kind) throw new LexiconError(file.path, n, `unknown key "${key}" (expected ${[...fieldKeys, ...Object.keys(patternKinds)].join(', ')})`);
    const [patternSource, ...parts] = value.split(/\s+;\s+/);
    const flags = new Set(parts.map((c) => c.trim()).filter((c) => FLAGS.has(c)));
    const conditions = parts.filter((c) => !FLAGS.has(c.trim()));
    const namesCount = flags.has('names');
    const plain = flags.has('plain');
    for (const language of kind.languages) {
      let pattern: Pattern;
      let context: ContextRule[];
      try {
        pattern = compilePattern(patternSource!, language);
        context = conditions.map((c) => parseContextRule(c, language));
      } catch (error) {
        if (error instanceof PatternSyntaxError) throw new LexiconError(file.path, n, error.message);
        throw error;
      }
      lexicon.index[language]!.add(pattern, { factor: draft.id, exclude: kind.exclude, pattern, context, namesCount, plain });
      if (!kind.exclude) recordStems(lexicon.stemFactors, pattern, draft.id);
      if (!kind.exclude && language === kind.languages[0]) draft.wordings.push({ key, pattern, conditional: context.length > 0 });
    }
  });
  finish();
  if (lexicon.factors.length === 0) throw new LexiconError(file.path, 1, 'no factors defined');
  return lexicon;
}

function finishFactor(file: LexiconFile, draft: Draft): FactorEntry {
  const need = (key: string): string => {
    const value = draft.fields.get(key);
    if (!value) throw new LexiconError(file.path, draft.line, `factor "${draft.id}" has no ${key}`);
    return value;
  };
  if (draft.wordings.length === 0) throw new LexiconError(file.path, draft.line, `factor "${draft.id}" has no patterns`);
  const inherent = draft.fields.get('inherent') ?? 'neutral';
  if (!(INHERENT_VALUES as readonly string[]).includes(inherent)) {
    throw new LexiconError(file.path, draft.line, `factor "${draft.id}": inherent must be one of ${INHERENT_VALUES.join(', ')}, not "${inherent}"`);
  }
  const label = Object.fromEntries(labelKeys().map((key) => [key.slice('label.'.length), need(key)])) as FactorLabels;
  const names = draft.fields.get('names');
  if (names !== undefined && names !== 'count') throw new LexiconError(file.path, draft.line, `factor "${draft.id}": names must be "count", not "${names}"`);
  return { id: draft.id, group: need('group'), label, inherent: inherent as Inherent, namesCount: names === 'count', wordings: draft.wordings };
}

function parseContextRule(source: string, language: string): ContextRule {
  const m = /^(near|unless)(?::(\d+))?\s+(\S+)$/.exec(source.trim());
  if (!m) throw new PatternSyntaxError(`a condition is "near WORDS", "unless WORDS" (WORDS = w1|w2*, optionally "near:N"), "names" or "plain", not "${source}"`);
  const window = m[2] ? Number(m[2]) : DEFAULT_CONTEXT_WINDOW;
  if (window < 1 || window > MAX_CONTEXT_WINDOW) throw new PatternSyntaxError(`window ${window} is outside 1..${MAX_CONTEXT_WINDOW}: "${source}"`);
  return { kind: m[1] as ContextRule['kind'], words: compileWordSet(m[3]!, language), window };
}

function recordStems(stemFactors: Map<string, Set<string>>, pattern: Pattern, factor: string): void {
  for (const step of pattern.steps) {
    for (const test of step.tests) {
      const set = stemFactors.get(test.value) ?? new Set();
      set.add(factor);
      stemFactors.set(test.value, set);
    }
  }
}
