// `npm run eval:extract`: extraction quality against known text.
// - PDFs typeset from the corpus (npm run corpus:pdf; regenerated here when missing), with their
//   .json ground truth: word F1 (order-aware, per page), line-end hyphenations rejoined, compounds
//   kept, and the share of words whose block kind (title, abstract, heading, references…) is right;
// - ../shared/pdfs/generated/b-two-column-hyphen.pdf against b-two-column-groundtruth.json;
// - the seed paper text (../shared/seeds, hard-wrapped with its hyphens): how its line-end hyphens
//   were resolved, and which were kept as compounds.
// `--input X.pdf` (repeatable) scores PDFs that have a ground-truth .json next to them; `--json` as usual.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extract } from '../../src/analysis/extract/index.js';
import { sharedDir } from '../../src/paths.js';
import type { ExtractedDocument } from '../../src/analysis/types.js';
import type { GroundTruth } from '../corpus-pdfs/typeset.js';
import { CORPUS_PDF_DIR, makeCorpusPdfs } from '../make-corpus-pdfs.js';
import { parseEvalArgs, report, round4 } from './common.js';
import { addHyphens, addScores, f1, kindAgreement, pageTexts, scoreHyphens, scoreWords, words, type HyphenScore, type WordScore } from './extract-metrics.js';

const TARGET_F1 = 0.99;
const TARGET_REJOINED = 0.99;
const TARGET_COMPOUNDS_BROKEN = 0.005;

interface FileResult {
  words: WordScore;
  hyphens: HyphenScore;
  /** Words whose block kind matches the ground truth (typeset PDFs only). */
  kinds?: { agreed: number; total: number };
  ms: number;
}

async function extractFile(path: string): Promise<{ doc: ExtractedDocument; ms: number }> {
  const start = performance.now();
  const doc = await extract(new Uint8Array(readFileSync(path)), { filename: basename(path) });
  return { doc, ms: performance.now() - start };
}

function pageWords(doc: ExtractedDocument, page: number, kinds?: ReadonlySet<string>): string[] {
  return pageTexts(doc.blocks.filter((b) => !kinds || kinds.has(b.kind)), page).flatMap(words);
}

async function scoreCorpusPdf(pdfPath: string): Promise<FileResult> {
  const truth = JSON.parse(readFileSync(pdfPath.replace(/\.pdf$/, '.json'), 'utf8')) as GroundTruth;
  const { doc, ms } = await extractFile(pdfPath);
  let wordScore: WordScore = { matched: 0, extracted: 0, expected: 0 };
  let hyphens: HyphenScore = { splits: 0, rejoined: 0, compounds: 0, kept: 0 };
  const kinds = { agreed: 0, total: 0 };
  const pages = new Set([...truth.pages.map((p) => p.page), ...doc.blocks.map((b) => b.page ?? 0)]);
  for (const page of pages) {
    const truthBlocks = truth.pages.find((p) => p.page === page)?.paragraphs ?? [];
    const expected = truthBlocks.flatMap((p) => words(p.text));
    const extracted = pageWords(doc, page);
    wordScore = addScores(wordScore, scoreWords(expected, extracted));
    hyphens = addHyphens(hyphens, scoreHyphens(truth.breaks.filter((b) => b.page === page), expected, extracted));
    const agreement = kindAgreement(truthBlocks, doc.blocks.filter((b) => b.page === page));
    kinds.agreed += agreement.agreed;
    kinds.total += agreement.total;
  }
  return { words: wordScore, hyphens, kinds, ms };
}

/** b-two-column-hyphen.pdf: the same left and right column text on its first two pages. */
async function scoreSharedTwoColumn(): Promise<FileResult | null> {
  const dir = join(sharedDir, 'pdfs', 'generated');
  const truthPath = join(dir, 'b-two-column-groundtruth.json');
  if (!existsSync(truthPath)) {
    console.error(`skipping b-two-column-hyphen.pdf: ${truthPath} not found (../shared is only on development machines and in CI)`);
    return null;
  }
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as { left: string; right: string; leftLines: string[]; rightLines: string[] };
  const breaks = [truth.leftLines, truth.rightLines].flatMap((lines) =>
    lines.flatMap((line, i) => {
      const fragment = /(\p{L}+)-$/u.exec(line);
      const rest = /^\p{L}+/u.exec(lines[i + 1] ?? '');
      return fragment && rest ? [{ word: fragment[1]! + rest[0], compound: false }] : [];
    }),
  );
  const { doc, ms } = await extractFile(join(dir, 'b-two-column-hyphen.pdf'));
  const expected = words(`${truth.left} ${truth.right}`);
  let wordScore: WordScore = { matched: 0, extracted: 0, expected: 0 };
  let hyphens: HyphenScore = { splits: 0, rejoined: 0, compounds: 0, kept: 0 };
  // The ground truth describes pages 1 (drawn column by column) and 2 (row by row); page 3 is
  // pdfkit's own column flow of a longer text. Page titles and the footnote are not in it.
  for (const page of [1, 2]) {
    const extracted = pageWords(doc, page, new Set(['body', 'abstract']));
    wordScore = addScores(wordScore, scoreWords(expected, extracted));
    hyphens = addHyphens(hyphens, scoreHyphens(breaks, expected, extracted));
  }
  return { words: wordScore, hyphens, ms };
}

/** The seed text has no ground truth: report how its line-end hyphens were resolved. */
async function seedHyphenation(): Promise<Record<string, unknown> | null> {
  const path = join(sharedDir, 'seeds', 'high-tech-exports-russia.ru-en.txt');
  if (!existsSync(path)) {
    console.error(`skipping the seed text: ${path} not found`);
    return null;
  }
  const lines = readFileSync(path, 'utf8').split('\n').map((l) => l.trimEnd());
  const fragments: { left: string; right: string }[] = [];
  lines.forEach((line, i) => {
    const left = /(\p{L}+)-$/u.exec(line);
    const next = lines.slice(i + 1).find((l) => l.trim());
    const right = next ? /^\s*(\p{L}+)/u.exec(next) : null;
    if (left && right) fragments.push({ left: left[1]!, right: right[1]! });
  });
  const { doc } = await extractFile(path);
  // Fragments may be parts of longer compounds («научно-техническо-» + «го»): look inside words.
  const output = [...new Set(doc.blocks.flatMap((b) => words(b.text)))];
  const contains = (part: string) => output.some((w) => w.includes(part));
  let joined = 0;
  const kept: string[] = [];
  const unresolved: string[] = [];
  for (const { left, right } of fragments) {
    if (contains(left + right)) joined++;
    else if (contains(`${left}-${right}`)) kept.push(`${left}-${right}`);
    else unresolved.push(`${left}-${right}`);
  }
  return { lineEndHyphens: fragments.length, joined, kept: kept.length, keptForms: kept.join(' '), unresolved: unresolved.join(' ') };
}

function row(result: FileResult): Record<string, unknown> {
  const { hyphens } = result;
  return {
    words: result.words.expected,
    f1: round4(f1(result.words)),
    splits: hyphens.splits,
    rejoined: hyphens.splits ? round4(hyphens.rejoined / hyphens.splits) : null,
    compounds: hyphens.compounds,
    compoundsKept: hyphens.compounds ? round4(hyphens.kept / hyphens.compounds) : null,
    kinds: result.kinds?.total ? round4(result.kinds.agreed / result.kinds.total) : null,
    ms: Math.round(result.ms),
  };
}

async function main(): Promise<void> {
  const args = parseEvalArgs();
  let pdfs = args.inputs;
  if (!pdfs.length) {
    if (!existsSync(CORPUS_PDF_DIR) || !readdirSync(CORPUS_PDF_DIR).some((f) => f.endsWith('.pdf'))) await makeCorpusPdfs();
    pdfs = readdirSync(CORPUS_PDF_DIR).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(CORPUS_PDF_DIR, f));
  }
  const rows: Record<string, Record<string, unknown>> = {};
  let total: FileResult = {
    words: { matched: 0, extracted: 0, expected: 0 },
    hyphens: { splits: 0, rejoined: 0, compounds: 0, kept: 0 },
    kinds: { agreed: 0, total: 0 },
    ms: 0,
  };
  const all: FileResult[] = [];
  const add = (name: string, result: FileResult) => {
    rows[name] = row(result);
    all.push(result);
    const kinds = result.kinds && total.kinds ? { agreed: total.kinds.agreed + result.kinds.agreed, total: total.kinds.total + result.kinds.total } : total.kinds;
    total = { words: addScores(total.words, result.words), hyphens: addHyphens(total.hyphens, result.hyphens), kinds, ms: total.ms + result.ms };
  };
  for (const pdf of pdfs) add(basename(pdf), await scoreCorpusPdf(pdf));
  if (!args.inputs.length) {
    const shared = await scoreSharedTwoColumn();
    if (shared) add('shared/b-two-column-hyphen.pdf', shared);
  }
  rows['ALL'] = row(total);
  const worstF1 = Math.min(...all.map((r) => f1(r.words)));
  const { splits, rejoined, compounds, kept } = total.hyphens;
  rows['TARGETS'] = {
    f1: `min ${round4(worstF1)} ${worstF1 >= TARGET_F1 ? '≥' : '<'} ${TARGET_F1}`,
    rejoined: `${splits ? round4(rejoined / splits) : '-'} (target ≥ ${TARGET_REJOINED})`,
    compoundsKept: `broken ${compounds ? round4(1 - kept / compounds) : '-'} (target ≤ ${TARGET_COMPOUNDS_BROKEN})`,
  };
  if (!args.inputs.length) {
    const seed = await seedHyphenation();
    if (seed) {
      console.log('seed text (../shared/seeds/high-tech-exports-russia.ru-en.txt), line-end hyphens:');
      console.log(JSON.stringify(seed, null, 1));
      rows['seed-text'] = { splits: seed.lineEndHyphens, rejoined: seed.joined, compounds: seed.kept };
    }
  }
  report('Extraction: word F1 (order-aware, per page), line-end hyphenation', rows, args);
}

await main();
