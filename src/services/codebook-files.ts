// The codebook as files for other tools: a quanteda dictionary (YAML: one key per factor, its
// wordings as glob phrases; labels and left-out wordings as comments, since every value of a
// quanteda dictionary must be a pattern list) and a CSV with one row per factor.
import { stringify } from 'yaml';
import { LANGUAGES } from '../analysis/languages/index.js';
import type { FactorEntry } from '../analysis/factors/lexicon.js';
import { factorGlobs } from '../analysis/factors/quanteda-dictionary.js';

export function quantedaDictionary(factors: FactorEntry[], version: string): string {
  const header = [
    '# PolicyLens codebook as a quanteda dictionary: quanteda::dictionary(file = "policylens-codebook.yml")',
    `# lexicon version ${version}; globs are case-insensitive, multi-word values are phrases`,
    '',
  ];
  const entries = factors.map((f) => {
    const { globs, leftOut } = factorGlobs(f);
    const labels = LANGUAGES.map((l) => f.label[l.code]).join(' / ');
    const notes = leftOut.map((w) => `#   not expressible as a glob: ${w}`);
    return [`# ${labels} (${f.group})`, ...notes, stringify({ [f.id]: globs }, { lineWidth: 0 }).trimEnd()].join('\n');
  });
  return header.join('\n') + entries.join('\n') + '\n';
}

export const CODEBOOK_COLUMNS = ['factor', 'group', ...LANGUAGES.map((l) => `label_${l.code}`), 'inherent', 'globs', 'wordings'] as const;

export function codebookRecords(factors: FactorEntry[]): Record<string, unknown>[] {
  return factors.map((f) => ({
    factor: f.id,
    group: f.group,
    ...Object.fromEntries(LANGUAGES.map((l) => [`label_${l.code}`, f.label[l.code]])),
    inherent: f.inherent,
    globs: factorGlobs(f).globs,
    wordings: f.wordings.map((w) => `${w.key} ${w.pattern.source}`),
  }));
}
