// npm run eval:factors [-- --input GOLD.json … --json --check-reference --show]
//
// Two kinds of gold, printed apart.
// 1. ../shared/data/factor-gold-dev (18 real papers nobody here wrote, verbatim-quote gold; see
//    factor-gold-dev.ts): per language and together, through the texts and, for the papers with a
//    PDF in its MANIFEST, through the PDF; with the definitions of ../shared/tools/score_factors.py.
//    --check-reference runs that reference scorer on the same Summaries and fails when any figure
//    differs; --show lists each document's missed and extra factors and its evidence misses.
// 2. Our own sets, which score the real pipeline (analyze(bytes, {filename}) from src/analysis/index.ts)
//    against the gold in test/fixtures/factor-gold/*.json:
// - factor presence per document: a factor is predicted present when the Summary lists it;
//   precision / recall / F1 per document and micro-averaged overall;
// - stance accuracy on the gold evidence sentences: the stance of the Summary evidence whose
//   sentence contains the gold evidence (a sentence where the factor was not found counts as wrong);
// - dominant stance per factor (agreement on the factors found): the sign of the Summary's net score.
//
// Locating gold evidence in the analyzed text. The gold points into the document file as written
// (by character offsets [start, end) for the seed paper under ../shared, whose text must stay there;
// by a quote for the corpus papers in the repository), while the Summary's offsets refer to the
// normalized text, which differs (joined line-end hyphenation, collapsed whitespace). Both texts are
// therefore compared by their letters and digits only, lower-cased: the gold span is found in that
// projection of the normalized text, and its first character decides the sentence.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyze } from '../../src/analysis/index.js';
import { projectRoot, sharedDir } from '../../src/paths.js';
import type { Stance, SummaryFactor } from '../../src/analysis/types.js';
import { parseEvalArgs, prf, report, round4, sharedData, type EvalArgs, type Prf } from './common.js';
import { analyzeQuoteSet, compareWithReference, loadQuoteSet, quoteRows, referenceAvailable, referenceKeysOf, showOutcomes, textTally } from './quote-gold.js';
import { calibrationRows } from './quote-gold-score.js';

interface GoldEvidence {
  quote?: string;
  offsets?: [number, number];
  stance: Stance;
}

interface GoldDocument {
  /** Path relative to the project root, or `shared:<path under ../shared>`. */
  document: string;
  factors: Record<string, { stance: Stance; evidence: GoldEvidence[] }>;
}

const GOLD_DIR = join(projectRoot, 'test', 'fixtures', 'factor-gold');
const DOMINANT_NET = 0.2;

/** The letters and digits of a text, lower-cased, with the text offset of each. */
interface Projection {
  key: string;
  offsets: number[];
}

function project(text: string): Projection {
  let key = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/[\p{L}\p{N}]/u.test(ch)) {
      key += ch.toLowerCase();
      offsets.push(i);
    }
  }
  return { key, offsets };
}

function documentPath(gold: GoldDocument): string | null {
  if (!gold.document.startsWith('shared:')) return join(projectRoot, gold.document);
  return join(sharedDir, gold.document.slice('shared:'.length));
}

function evidenceText(raw: string, e: GoldEvidence): string {
  if (e.quote) return e.quote;
  if (e.offsets) return raw.slice(e.offsets[0], e.offsets[1]);
  throw new Error('gold evidence needs a quote or offsets');
}

function dominant(f: SummaryFactor): Stance {
  return f.stance.net >= DOMINANT_NET ? 'positive' : f.stance.net <= -DOMINANT_NET ? 'negative' : 'neutral';
}

interface DocumentScore {
  presence: Prf;
  stanceRight: number;
  stanceTotal: number;
  unlocated: number;
  dominantRight: number;
  dominantTotal: number;
  confusion: Record<string, number>;
}

async function scoreDocument(gold: GoldDocument, raw: Buffer, filename: string): Promise<DocumentScore> {
  const { summary, text } = await analyze(raw, { filename });
  const rawText = raw.toString('utf8');
  const predicted = new Map(summary.factors.map((f) => [f.id, f]));
  const goldIds = new Set(Object.keys(gold.factors));
  const tp = [...goldIds].filter((id) => predicted.has(id));
  const fp = [...predicted.keys()].filter((id) => !goldIds.has(id));
  const fn = [...goldIds].filter((id) => !predicted.has(id));
  console.log(`\n${filename}`);
  if (fp.length) console.log(`  false positives: ${fp.map((id) => `${id}(${predicted.get(id)!.mentions})`).join(' ')}`);
  if (fn.length) console.log(`  missed factors:  ${fn.join(' ')}`);

  const projection = project(text);
  const score: DocumentScore = {
    presence: prf(tp.length, fp.length, fn.length),
    stanceRight: 0,
    stanceTotal: 0,
    unlocated: 0,
    dominantRight: 0,
    dominantTotal: 0,
    confusion: {},
  };
  for (const [id, factor] of Object.entries(gold.factors)) {
    const found = predicted.get(id);
    if (found) {
      score.dominantTotal++;
      if (dominant(found) === factor.stance) score.dominantRight++;
    }
    for (const e of factor.evidence) {
      score.stanceTotal++;
      const anchor = project(evidenceText(rawText, e)).key;
      const at = anchor ? projection.key.indexOf(anchor) : -1;
      if (at < 0) {
        score.unlocated++;
        console.log(`  unlocated evidence for ${id}: "${evidenceText(rawText, e).slice(0, 60)}"`);
        continue;
      }
      const position = projection.offsets[at]!;
      const hit = found?.evidence.find((ev) => ev.start <= position && position < ev.end);
      const got = hit?.stance ?? 'missed';
      score.confusion[`${e.stance}→${got}`] = (score.confusion[`${e.stance}→${got}`] ?? 0) + 1;
      if (got === e.stance) score.stanceRight++;
      else console.log(`  ${id}: gold ${e.stance}, got ${got}${hit ? ` [${hit.cues.join(' / ')}]` : ''}: ${text.slice(position, position + 90)}`);
    }
  }
  return score;
}

function goldFiles(inputs: string[]): string[] {
  if (inputs.length) return inputs;
  return readdirSync(GOLD_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(GOLD_DIR, name));
}

async function scoreOwnSets(args: EvalArgs): Promise<void> {
  const rows: Record<string, Record<string, unknown>> = {};
  const total = { tp: 0, fp: 0, fn: 0, right: 0, evidence: 0, unlocated: 0, dominantRight: 0, dominantTotal: 0 };
  const confusion: Record<string, number> = {};
  for (const file of goldFiles(args.inputs)) {
    const gold = JSON.parse(readFileSync(file, 'utf8')) as GoldDocument;
    const path = documentPath(gold);
    let raw: Buffer;
    try {
      raw = readFileSync(path!);
    } catch {
      console.error(`skipping ${basename(file)}: ${path} not found (../shared is only on development machines and in CI)`);
      continue;
    }
    const s = await scoreDocument(gold, raw, basename(path!));
    rows[basename(file, '.json')] = {
      precision: s.presence.precision,
      recall: s.presence.recall,
      f1: s.presence.f1,
      stanceAccuracy: round4(s.stanceRight / s.stanceTotal),
      evidence: s.stanceTotal,
      dominantAgreement: s.dominantTotal ? round4(s.dominantRight / s.dominantTotal) : null,
    };
    total.tp += s.presence.tp;
    total.fp += s.presence.fp;
    total.fn += s.presence.fn;
    total.right += s.stanceRight;
    total.evidence += s.stanceTotal;
    total.unlocated += s.unlocated;
    total.dominantRight += s.dominantRight;
    total.dominantTotal += s.dominantTotal;
    for (const [k, n] of Object.entries(s.confusion)) confusion[k] = (confusion[k] ?? 0) + n;
  }
  const overall = prf(total.tp, total.fp, total.fn);
  rows.overall = {
    precision: overall.precision,
    recall: overall.recall,
    f1: overall.f1,
    stanceAccuracy: total.evidence ? round4(total.right / total.evidence) : null,
    evidence: total.evidence,
    dominantAgreement: total.dominantTotal ? round4(total.dominantRight / total.dominantTotal) : null,
  };
  console.log(`\nstance confusion (gold→predicted): ${JSON.stringify(confusion)}; unlocated evidence: ${total.unlocated}`);
  report('Own sets (test/fixtures/factor-gold) — factor presence (P/R/F1) and stance accuracy on gold evidence', rows, args);
}

const DEV_SET = 'factor-gold-dev';

/** Development set of real papers: the measures of issue 16, by the reference scorer's definitions. */
async function scoreDevSet(args: EvalArgs): Promise<void> {
  const dir = sharedData(DEV_SET);
  if (!dir) return;
  const results = await analyzeQuoteSet(loadQuoteSet(dir));
  if (args.flags.has('show')) showOutcomes(results);
  const rows = quoteRows(results);
  report(
    `${DEV_SET} (development scores, ${results.filter((r) => r.via === 'text').length} papers) — targets: F1 ≥ 0.85 with P ≥ 0.85, core recall ≥ 0.97, doc stance ≥ 0.75, evidence recall ≥ 0.70, evidence stance ≥ 0.75; abbreviations ≥ 0.90/0.85/0.85`,
    rows,
    args,
  );
  report(`${DEV_SET} through the texts: calibration of the evidence's confidence (share of mentions right per band; target ≥ 0.8 right at ≥ 0.8)`, calibrationRows(textTally(results)), args);
  if (!args.flags.has('check-reference')) return;
  if (!referenceAvailable()) {
    console.error('skipping the reference check: ../shared/tools/score_factors.py not found');
    return;
  }
  const differences = [
    ...compareWithReference(dir, results, 'text', referenceKeysOf(rows['text all']!)),
    ...compareWithReference(dir, results, 'pdf', referenceKeysOf(rows['pdf all'] ?? {})),
  ];
  if (differences.length) {
    console.error(`the reference scorer disagrees:\n  ${differences.join('\n  ')}`);
    process.exitCode = 1;
  } else console.log('reference scorer (score_factors.py) agrees on every figure, text and PDF');
}

interface CandidateLabels {
  /** Corpus papers, by path under the project root. */
  documents: Record<string, { useful: string[]; not: string[] }>;
  /** Real papers of the development set, by path under ../shared: scored apart. */
  development?: Record<string, { useful: string[]; not: string[] }>;
}

/** Share of the labelled candidates worth a researcher's time, over papers under one root. */
async function candidateShare(root: string, labels: Record<string, { useful: string[]; not: string[] }>, unlabelled: string[]): Promise<Record<string, unknown> | null> {
  let useful = 0;
  let labelled = 0;
  let papers = 0;
  for (const [document, label] of Object.entries(labels)) {
    const path = join(root, document);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      console.error(`skipping ${path}: not found (../shared is only on development machines and in CI)`);
      continue;
    }
    papers++;
    const { summary } = await analyze(new Uint8Array(bytes), { filename: basename(path) });
    for (const c of summary.candidates) {
      if (label.useful.includes(c.phrase)) useful++;
      else if (!label.not.includes(c.phrase)) {
        unlabelled.push(`${basename(document)}: ${c.phrase}`);
        continue;
      }
      labelled++;
    }
  }
  return papers ? { papers, labelled, useful, share: labelled ? round4(useful / labelled) : null } : null;
}

/**
 * Share of the candidates worth a researcher's time, on the papers labelled in
 * test/fixtures/candidate-labels.json: the corpus papers and, apart, real development papers.
 */
async function scoreCandidates(args: EvalArgs): Promise<void> {
  const labels = JSON.parse(readFileSync(join(projectRoot, 'test', 'fixtures', 'candidate-labels.json'), 'utf8')) as CandidateLabels;
  const unlabelled: string[] = [];
  const rows: Record<string, Record<string, unknown>> = {};
  const corpus = await candidateShare(projectRoot, labels.documents, unlabelled);
  if (corpus) rows['corpus papers'] = corpus;
  const development = await candidateShare(sharedDir, labels.development ?? {}, unlabelled);
  if (development) rows['factor-gold-dev papers'] = development;
  report('Candidates worth a researcher\'s time (labelled in test/fixtures/candidate-labels.json; labels unlabelled: ' + unlabelled.length + ')', rows, args);
  if (unlabelled.length) console.log(`unlabelled candidates (label them to keep the share honest):\n  ${unlabelled.join('\n  ')}`);
}

const args = parseEvalArgs(process.argv.slice(2), ['show', 'check-reference', 'dev-only']);
// --input names own-set files only: the development set is then left out.
if (args.inputs.length === 0) await scoreDevSet(args);
if (!args.flags.has('dev-only')) {
  console.log('');
  await scoreOwnSets(args);
  console.log('');
  await scoreCandidates(args);
}
