// npm run eval:polarity [-- --input FILE.jsonl … --json]
//
// Scores the stance classifier on records {text, label, target?, target_span?}: the stance it gives
// the target span (or the target string's first occurrence, or the whole sentence when there is no
// target), against the label. Prints, per input, the macro-F1 over positive and negative (the
// RuSentNE-2023 measure), the macro-F1 over all three classes, accuracy over all three classes and the confusion matrix. Without --input
// it reads ../shared/data/ru_pol_rusentne2023_val.jsonl (Russian news, stance toward a named entity).
import { classifyStance } from '../../src/analysis/stance/stance.js';
import type { Stance } from '../../src/analysis/types.js';
import { parseEvalArgs, prf, readJsonl, report, round4, setName, sharedData } from './common.js';

interface PolarityRecord {
  text: string;
  label: Stance;
  target?: string;
  target_span?: [number, number];
  language?: string;
}

const STANCES: Stance[] = ['positive', 'negative', 'neutral'];

function languageOf(record: PolarityRecord): string {
  if (record.language) return record.language;
  const cyrillic = (record.text.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (record.text.match(/\p{Script=Latin}/gu) ?? []).length;
  return cyrillic >= latin ? 'ru' : 'en';
}

function targetSpan(record: PolarityRecord): [number, number] | undefined {
  if (record.target_span) return record.target_span;
  if (!record.target) return undefined;
  const at = record.text.indexOf(record.target);
  return at < 0 ? undefined : [at, at + record.target.length];
}

function score(records: PolarityRecord[]): Record<string, unknown> {
  const confusion: Record<string, Record<string, number>> = {};
  for (const gold of STANCES) confusion[gold] = { positive: 0, negative: 0, neutral: 0 };
  for (const record of records) {
    const predicted = classifyStance(record.text, languageOf(record), targetSpan(record)).stance;
    confusion[record.label]![predicted]!++;
  }
  const f1Of = (stance: Stance): number => {
    const tp = confusion[stance]![stance]!;
    const fp = STANCES.filter((s) => s !== stance).reduce((n, s) => n + confusion[s]![stance]!, 0);
    const fn = STANCES.filter((s) => s !== stance).reduce((n, s) => n + confusion[stance]![s]!, 0);
    return prf(tp, fp, fn).f1;
  };
  const right = STANCES.reduce((n, s) => n + confusion[s]![s]!, 0);
  return {
    records: records.length,
    macroF1PosNeg: round4((f1Of('positive') + f1Of('negative')) / 2),
    macroF1ThreeClass: round4((f1Of('positive') + f1Of('negative') + f1Of('neutral')) / 3),
    f1Positive: f1Of('positive'),
    f1Negative: f1Of('negative'),
    accuracy: round4(right / records.length),
    confusion: STANCES.map((g) => `${g}→${STANCES.map((p) => confusion[g]![p]).join('/')}`).join(' '),
  };
}

const args = parseEvalArgs();
const inputs = args.inputs.length ? args.inputs : [sharedData('ru_pol_rusentne2023_val.jsonl')].filter((p): p is string => p !== null);
const rows: Record<string, Record<string, unknown>> = {};
for (const input of inputs) rows[setName(input)] = score(readJsonl<PolarityRecord>(input));
report('Stance toward a target: macro-F1 over positive and negative (RuSentNE-2023 measure; aim ≥ 0.50) and over the three classes; confusion rows gold→predicted positive/negative/neutral', rows, args);
