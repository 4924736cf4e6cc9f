// npm run eval:abbr [-- --input FILE.jsonl ...] [--json]
// Precision, recall and F1 of abbreviation definition pairs {short, long} found in text.
// Default sets: ../shared/data/en_abbr_ab3p_med1250.jsonl (Ab3P MED1250; Schwartz–Hearst scores
// P 0.944 / R 0.744 on it, Ab3P 0.969 / 0.832) and our own labels of Russian sentences
// (test/fixtures/ru-abbr-labels.jsonl, which holds only ids and pairs; the sentences are read
// from ../shared/data/ru_abbr_wild_unlabeled.jsonl).
//
// Matching rule (the standard one): a found pair is correct when its short form and its long form
// both equal a gold pair's after normalization — lower case, ё as е, control characters and soft
// hyphens removed, white space collapsed and removed around hyphens. Pairs are compared as sets
// per record. The definition finder runs on each record's text alone (a pure function of text),
// the same code the pipeline runs on each paragraph.
//
// How the Russian sentences were labelled (all 173, by reading each whole sentence): a pair is
// every place where the sentence says what an abbreviation (two capitals or more, possibly with
// digits, a hyphen or a Latin qualifier) stands for — «long form (SF)», «(далее – SF)» and Latin
// abbreviations after their Russian translation alike — with the long form as written, the
// shortest span that the abbreviation stands for. No pair for «(далее – Программа)» and other
// non-abbreviations, codes and symbols (BCDE, T4, ЛУ-6261), Roman numerals, countries in brackets
// «(США)», or long forms that are split around the bracket.
// The Russian rules were improved while reading this set's errors, so its figures are development
// figures: expect less on unseen text. ABBR_EVAL_ERRORS=1 prints the false positives and false negatives.
import { join } from 'node:path';
import { findDefinitions } from '../../src/analysis/abbreviations/definitions.js';
import { loadMorphology } from '../../src/analysis/abbreviations/index.js';
import { projectRoot } from '../../src/paths.js';
import { parseEvalArgs, prf, readJsonl, report, setName, sharedData, type Prf } from './common.js';

interface GoldPair {
  short: string;
  long: string;
}

interface Record {
  id: string;
  text: string;
  pairs: GoldPair[];
}

const RU_LABELS = join(projectRoot, 'test', 'fixtures', 'ru-abbr-labels.jsonl');

function normalizeForMatch(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u00ad]/gu, '')
    .replace(/\s*-\s*/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase()
    .replace(/ё/gu, 'е');
}

function pairKey(p: GoldPair): string {
  return `${normalizeForMatch(p.short)}\t${normalizeForMatch(p.long)}`;
}

function score(records: Record[], showErrors: boolean): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const record of records) {
    const found = new Set(findDefinitions(record.text).map(pairKey));
    const gold = new Set(record.pairs.map(pairKey));
    for (const key of found) {
      if (gold.has(key)) tp++;
      else {
        fp++;
        if (showErrors) console.log(`FP ${record.id}\t${key}`);
      }
    }
    for (const key of gold) {
      if (!found.has(key)) {
        fn++;
        if (showErrors) console.log(`FN ${record.id}\t${key}`);
      }
    }
  }
  return prf(tp, fp, fn);
}

/** Our Russian labels joined with the sentences they refer to by id. */
function russianLabels(): Record[] | null {
  const sentences = sharedData('ru_abbr_wild_unlabeled.jsonl');
  if (!sentences) return null;
  const text = new Map(readJsonl<{ id: string; text: string }>(sentences).map((r) => [r.id, r.text]));
  return readJsonl<{ id: string; pairs: GoldPair[] }>(RU_LABELS).map((label) => {
    const t = text.get(label.id);
    if (t === undefined) throw new Error(`${RU_LABELS}: id ${label.id} is not in ${sentences}`);
    return { id: label.id, text: t, pairs: label.pairs };
  });
}

async function main(): Promise<void> {
  // As in the pipeline: Russian morphology is loaded once before analysis.
  await loadMorphology();
  const args = parseEvalArgs();
  const showErrors = process.env.ABBR_EVAL_ERRORS === '1';
  const sets = new Map<string, Record[]>();
  if (args.inputs.length) {
    for (const input of args.inputs) sets.set(setName(input), readJsonl<Record>(input));
  } else {
    const med = sharedData('en_abbr_ab3p_med1250.jsonl');
    if (med) sets.set(setName(med), readJsonl<Record>(med));
    const ru = russianLabels();
    if (ru) sets.set('ru-abbr-labels (ours)', ru);
  }
  const rows: { [set: string]: { [k: string]: unknown } } = {};
  for (const [name, records] of sets) rows[name] = { records: records.length, ...score(records, showErrors) };
  report('Abbreviation definitions: pairs {short, long}', rows, args);
}

await main();
