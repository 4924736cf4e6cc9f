// Comparing papers (or collections) by the factors they discuss: the factors × sides matrix,
// factors only one side mentions, factors on which their stances disagree, and how similar their
// factor profiles are. compareProfiles is pure: the profiles come from the store, or (in the CLI)
// from files analyzed on the fly.
import { documentId } from '../analysis/document-id.js';
import { factorDefinitions } from '../analysis/factors/index.js';
import type { Summary } from '../analysis/types.js';
import type { CompareRepository, FactorCounts, FactorProfile } from '../store/compare-repository.js';
import type { DocumentService } from './document-service.js';
import { RequestError } from './errors.js';

export interface ComparisonRow {
  factor: string;
  label: string;
  /** One cell per side, in the order of `sides`; null where the side does not mention the factor. */
  cells: (FactorCounts | null)[];
}

export interface Comparison {
  sides: { id: string; label: string; kind: FactorProfile['kind']; words: number; documents: number }[];
  factors: ComparisonRow[];
  /** Factors that exactly one side mentions. */
  onlyOneSide: { factor: string; side: string }[];
  /** Factors that one side treats as a driver (net > 0) and another as a barrier (net < 0). */
  disagreements: { factor: string; positive: string[]; negative: string[] }[];
  /** Cosine similarity of the per-1000-words factor vectors, side × side; null for a side without factors. */
  similarity: (number | null)[][];
}

export const MIN_SIDES = 2;
export const MAX_SIDES = 20;

/** Comparisons of stored documents and collections, over the codebook's factors. */
export class CompareService {
  private readonly codebook = factorDefinitions();

  constructor(
    private readonly profiles: CompareRepository,
    private readonly documents: DocumentService,
  ) {}

  /** Documents by id or id prefix; each must be analyzed. */
  async compareDocuments(idsOrPrefixes: string[]): Promise<Comparison> {
    checkSides(idsOrPrefixes.length);
    const rows = await this.documents.findMany(idsOrPrefixes);
    const notDone = rows.filter((r) => r.status !== 'done');
    if (notDone.length) throw new RequestError('not_analyzed', 'compare.notAnalyzed', { documents: notDone.map((r) => `${r.filename} (${r.status})`) });
    return this.compare(await this.profiles.documentProfiles(rows));
  }

  /** Collections, each as the sum of its analyzed documents; each must hold one. */
  async compareCollections(names: string[]): Promise<Comparison> {
    checkSides(names.length);
    const sides = await Promise.all(names.map((c) => this.profiles.collectionProfile(c)));
    const empty = sides.filter((s) => s.documents === 0);
    if (empty.length) throw new RequestError('not_found', 'compare.emptyCollection', { values: empty.map((s) => s.id) });
    return this.compare(sides);
  }

  /** The profile of a stored, analyzed document given by id or id prefix. */
  async storedProfile(idOrPrefix: string): Promise<FactorProfile> {
    const document = await this.documents.find(idOrPrefix);
    const [profile] = await this.profiles.documentProfiles([document]);
    if (!profile) throw new RequestError('not_analyzed', 'compare.notAnalyzed', { documents: [`${document.filename} (${document.status})`] });
    return profile;
  }

  /** The profile of the analyzed document with these bytes, if one is stored. */
  async profileByContent(bytes: Uint8Array): Promise<FactorProfile | undefined> {
    const [profile] = await this.profiles.documentProfiles([documentId(bytes)]);
    return profile;
  }

  compare(profiles: FactorProfile[]): Comparison {
    return compareProfiles(profiles, this.codebook);
  }
}

function checkSides(count: number): void {
  if (count < MIN_SIDES || count > MAX_SIDES) {
    throw new RequestError('invalid_query', 'compare.sides', { min: MIN_SIDES, max: MAX_SIDES });
  }
}

/** Compares the profiles over the codebook's factors (given in codebook order, with labels). */
export function compareProfiles(profiles: FactorProfile[], codebook: { id: string; label: { en: string } }[]): Comparison {
  const mentioned = codebook.filter((f) => profiles.some((p) => p.factors.has(f.id)));
  const factors = mentioned.map((f) => ({ factor: f.id, label: f.label.en, cells: profiles.map((p) => rounded(p.factors.get(f.id))) }));
  // Most discussed first: total rate over the sides.
  factors.sort((a, b) => sumRate(b.cells) - sumRate(a.cells));

  const onlyOneSide = factors.flatMap((row) => {
    const present = row.cells.flatMap((c, i) => (c ? [i] : []));
    return present.length === 1 ? [{ factor: row.factor, side: profiles[present[0]!]!.id }] : [];
  });
  const disagreements = factors.flatMap((row) => {
    const positive = row.cells.flatMap((c, i) => (c && c.net > 0 ? [profiles[i]!.id] : []));
    const negative = row.cells.flatMap((c, i) => (c && c.net < 0 ? [profiles[i]!.id] : []));
    return positive.length && negative.length ? [{ factor: row.factor, positive, negative }] : [];
  });
  const vectors = profiles.map((p) => codebook.map((f) => p.factors.get(f.id)?.per_1000_words ?? 0));
  const similarity = vectors.map((a) => vectors.map((b) => cosine(a, b)));

  return {
    sides: profiles.map(({ id, label, kind, words, documents }) => ({ id, label, kind, words, documents })),
    factors,
    onlyOneSide,
    disagreements,
    similarity,
  };
}

/** A Summary as a profile (a file analyzed without storing it). */
export function profileOfSummary(summary: Summary, id: string): FactorProfile {
  return {
    id,
    label: summary.document.title || summary.document.filename,
    kind: 'file',
    words: summary.document.words,
    documents: 1,
    factors: new Map(summary.factors.map((f) => [f.id, {
      mentions: f.mentions,
      positive: f.stance.positive,
      negative: f.stance.negative,
      neutral: f.stance.neutral,
      per_1000_words: f.per1000Words,
      net: f.stance.net,
    }])),
  };
}

export function cosine(a: number[], b: number[]): number | null {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  a.forEach((x, i) => {
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  });
  if (normA === 0 || normB === 0) return null;
  return Math.round((dot / Math.sqrt(normA * normB)) * 1000) / 1000;
}

function rounded(c: FactorCounts | undefined): FactorCounts | null {
  if (!c) return null;
  return { ...c, per_1000_words: Math.round(c.per_1000_words * 1000) / 1000, net: Math.round(c.net * 1000) / 1000 };
}

const sumRate = (cells: (FactorCounts | null)[]) => cells.reduce((s, c) => s + (c?.per_1000_words ?? 0), 0);
