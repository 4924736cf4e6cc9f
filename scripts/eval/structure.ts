// npm run eval:structure [-- --input GOLD.json … --json]
//
// Scores the structure step (src/analysis/structure/) on the hand-labelled set in
// test/fixtures/structure-gold/*.json — real papers of ../shared (journal PDFs, their text
// conversions, the Russian texts, the thesis, the other real PDFs, the seed). The labels are
// bibliographic facts and positions, not copied text:
// - title: exact match after case, spacing, quotes, dashes and ligatures are unified (null = the
//   file prints no title, and none must be given);
// - authors: surnames, scored as F1 against the surnames of the names found (null = not scored:
//   the PDF-to-Markdown conversions lose authors, so English papers are scored on their PDFs);
// - year: accuracy (null = the file prints no year, and none must be given);
// - references: for text files, the 1-based line ranges of the bibliography; each source line long
//   enough to be found is located in the normalized text and scored by the zone it got
//   (precision / recall by line, and the share of other lines lost to the references zone);
//   for PDFs, anchors where the bibliography starts and ends, scored by characters of paragraphs
//   (a PDF has no lines of its own to label); the two are reported apart;
// - headers: a running header's words (the journal and issue); caught = occurrences that left the
//   text (furniture) or sit in the front zone, over all occurrences.
// - mentions left out: the factor mentions each zone outside the argument would have given
//   (Summary.document.excludedMentions of the whole analysis), summed over the set.
// These are development scores: the rules were written looking at these papers.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extract } from '../../src/analysis/extract/index.js';
import { analyze } from '../../src/analysis/index.js';
import { assignLanguages } from '../../src/analysis/language.js';
import { normalize } from '../../src/analysis/normalize.js';
import { surnameKey } from '../../src/analysis/structure/names.js';
import type { ExtractedDocument, NormalizedDocument } from '../../src/analysis/types.js';
import { projectRoot, sharedDir } from '../../src/paths.js';
import { parseEvalArgs, prf, round4 } from './common.js';

interface GoldStructure {
  id: string;
  /** `shared:<path under ../shared>`. */
  file: string;
  title: string | null;
  authors: string[] | null;
  year: number | null;
  /** Why the year is what it is when the file does not print the publication year plainly. */
  yearNote?: string;
  references: { lines: [number, number][] } | { start: string; end?: string | null; endBefore?: string } | null;
  headers: string[];
}

const GOLD_DIR = join(projectRoot, 'test', 'fixtures', 'structure-gold');
/** Source lines with fewer letters than this cannot be located reliably (page numbers, "55"). */
const MIN_LINE_KEY = 12;

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  /** Non-reference units, and those lost to the references zone. */
  other: number;
  lost: number;
}

interface DocumentScore {
  id: string;
  kind: 'pdf' | 'text';
  title: boolean;
  predictedTitle: string | null;
  authors: { tp: number; fp: number; fn: number } | null;
  year: boolean;
  predictedYear: number | null;
  references: Counts;
  headers: { caught: number; total: number };
  ms: number;
  excludedMentions: Record<string, number>;
}

function projection(text: string): { key: string; offsets: number[] } {
  let key = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/[\p{L}\p{N}]/u.test(ch)) {
      key += ch.toLowerCase().replace('ё', 'е');
      offsets.push(i);
    }
  }
  return { key, offsets };
}

export function normalizeTitle(title: string | null): string | null {
  if (title === null) return null;
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[‘’'"“”«»„]/g, '')
    .replace(/[‐‑–—−-]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[\s.:;,]+$/, '')
    .trim();
}

function goldSurname(name: string): string {
  const words = name.normalize('NFD').replace(/\p{M}/gu, '').replace(/ё/g, 'е').toLowerCase().split(/\s+/);
  return words[words.length - 1]!;
}

function paragraphAt(doc: NormalizedDocument, offset: number): number {
  let lo = 0;
  let hi = doc.paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.paragraphs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function scoreLines(raw: string, doc: NormalizedDocument, ranges: [number, number][], counts: Counts): void {
  const text = projection(doc.text);
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  let cursor = 0;
  lines.forEach((line, i) => {
    const key = projection(line.replace(/^#+\s/, '')).key;
    if (key.length < MIN_LINE_KEY) return;
    let at = text.key.indexOf(key, cursor);
    if (at < 0) at = text.key.indexOf(key);
    if (at < 0) return; // taken out as furniture, or changed beyond recognition: not scored
    cursor = at + key.length;
    const predicted = doc.paragraphs[paragraphAt(doc, text.offsets[at]!)]!.kind === 'references';
    const gold = ranges.some(([from, to]) => i + 1 >= from && i + 1 <= to);
    tally(counts, gold, predicted, 1);
  });
}

function scoreAnchors(doc: NormalizedDocument, gold: { start: string; end?: string | null; endBefore?: string }, counts: Counts): void {
  const text = projection(doc.text);
  const find = (anchor: string, from = 0): number => {
    const at = text.key.indexOf(projection(anchor).key, from);
    return at < 0 ? -1 : paragraphAt(doc, text.offsets[at]!);
  };
  const first = find(gold.start);
  if (first < 0) throw new Error(`reference anchor not found: ${gold.start}`);
  let last = doc.paragraphs.length - 1;
  if (gold.end) last = find(gold.end, text.offsets.findIndex((o) => o >= doc.paragraphs[first]!.start));
  if (gold.endBefore) last = find(gold.endBefore, text.offsets.findIndex((o) => o >= doc.paragraphs[first]!.start)) - 1;
  if (last < first) throw new Error(`reference end anchor not found after the start: ${gold.end ?? gold.endBefore}`);
  doc.paragraphs.forEach((p, i) => tally(counts, i >= first && i <= last, p.kind === 'references', p.end - p.start));
}

function tally(counts: Counts, gold: boolean, predicted: boolean, weight: number): void {
  if (gold && predicted) counts.tp += weight;
  else if (predicted) counts.fp += weight;
  else if (gold) counts.fn += weight;
  if (!gold) {
    counts.other += weight;
    if (predicted) counts.lost += weight;
  }
}

function scoreHeaders(extracted: ExtractedDocument, doc: NormalizedDocument, headers: string[]): { caught: number; total: number } {
  let caught = 0;
  let total = 0;
  for (const header of headers) {
    const key = projection(header).key;
    for (const line of extracted.furniture) {
      if (projection(line.text).key.includes(key)) {
        caught++;
        total++;
      }
    }
    for (const p of doc.paragraphs) {
      const inParagraph = projection(doc.text.slice(p.start, p.end)).key.split(key).length - 1;
      total += inParagraph;
      // Printed on the first page as the journal's own line, or in the bibliography as a cited journal, it is no leak.
      if (p.kind !== 'body' && p.kind !== 'abstract') caught += inParagraph;
    }
  }
  return { caught, total };
}

async function scoreDocument(gold: GoldStructure): Promise<DocumentScore | null> {
  const path = join(sharedDir, gold.file.replace(/^shared:/, ''));
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    console.error(`skipping ${gold.id}: ${path} not found (../shared is only on development machines and in CI)`);
    return null;
  }
  const started = performance.now();
  const extracted = await extract(bytes, { filename: basename(path) });
  const doc = assignLanguages(normalize(extracted));
  const ms = performance.now() - started;
  const { bibliography } = extracted;
  const { summary } = await analyze(bytes, { filename: basename(path) });
  const counts: Counts = { tp: 0, fp: 0, fn: 0, other: 0, lost: 0 };
  if (gold.references && 'lines' in gold.references) scoreLines(readFileSync(path, 'utf8'), doc, gold.references.lines, counts);
  else if (gold.references) scoreAnchors(doc, gold.references, counts);
  else doc.paragraphs.forEach((p) => tally(counts, false, p.kind === 'references', p.end - p.start));
  let authors: DocumentScore['authors'] = null;
  if (gold.authors) {
    const predicted = new Set(bibliography.authors.map(surnameKey));
    const expected = new Set(gold.authors.map(goldSurname));
    const tp = [...predicted].filter((s) => expected.has(s)).length;
    authors = { tp, fp: predicted.size - tp, fn: expected.size - tp };
  }
  return {
    id: gold.id,
    kind: extracted.mediaType === 'application/pdf' ? 'pdf' : 'text',
    title: normalizeTitle(bibliography.title) === normalizeTitle(gold.title),
    predictedTitle: bibliography.title,
    authors,
    year: bibliography.year === gold.year,
    predictedYear: bibliography.year,
    references: counts,
    headers: scoreHeaders(extracted, doc, gold.headers),
    ms,
    excludedMentions: summary.document.excludedMentions ?? {},
  };
}

/** References are counted by lines in text files and by characters in PDFs: never pooled across both. */
function summarize(scores: DocumentScore[], withReferences = true): Record<string, unknown> {
  const sum = (f: (s: DocumentScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const withAuthors = scores.filter((s) => s.authors);
  const authors = prf(sum((s) => s.authors?.tp ?? 0), sum((s) => s.authors?.fp ?? 0), sum((s) => s.authors?.fn ?? 0));
  const refs = prf(sum((s) => s.references.tp), sum((s) => s.references.fp), sum((s) => s.references.fn));
  const other = sum((s) => s.references.other);
  const headersTotal = sum((s) => s.headers.total);
  return {
    documents: scores.length,
    title: round4(sum((s) => Number(s.title)) / scores.length),
    authorsF1: withAuthors.length ? authors.f1 : null,
    year: round4(sum((s) => Number(s.year)) / scores.length),
    refPrecision: withReferences ? refs.precision : null,
    refRecall: withReferences ? refs.recall : null,
    otherLost: withReferences ? (other ? round4(sum((s) => s.references.lost) / other) : 0) : null,
    headersCaught: headersTotal ? round4(sum((s) => s.headers.caught) / headersTotal) : null,
  };
}

async function main(): Promise<void> {
  const args = parseEvalArgs();
  const files = args.inputs.length ? args.inputs : readdirSync(GOLD_DIR).filter((n) => n.endsWith('.json')).sort().map((n) => join(GOLD_DIR, n));
  const scores: DocumentScore[] = [];
  for (const file of files) {
    const score = await scoreDocument(JSON.parse(readFileSync(file, 'utf8')) as GoldStructure);
    if (score) scores.push(score);
  }
  if (scores.length === 0) return;
  console.log('Structure: development scores on test/fixtures/structure-gold (rules were written looking at these papers)');
  console.table(
    Object.fromEntries(
      scores.map((s) => [
        s.id,
        {
          title: s.title ? 'ok' : `✗ ${s.predictedTitle?.slice(0, 50) ?? 'null'}`,
          authors: s.authors ? `${s.authors.tp}/${s.authors.tp + s.authors.fn} (+${s.authors.fp})` : '–',
          year: s.year ? 'ok' : `✗ ${s.predictedYear}`,
          refRecall: prf(s.references.tp, s.references.fp, s.references.fn).recall,
          refPrecision: prf(s.references.tp, s.references.fp, s.references.fn).precision,
          headers: `${s.headers.caught}/${s.headers.total}`,
          ms: Math.round(s.ms),
        },
      ]),
    ),
  );
  const rows = { all: summarize(scores, false), pdf: summarize(scores.filter((s) => s.kind === 'pdf')), text: summarize(scores.filter((s) => s.kind === 'text')) };
  console.table(rows);
  const leftOut: Record<string, number> = {};
  for (const s of scores) for (const [zone, n] of Object.entries(s.excludedMentions)) leftOut[zone] = (leftOut[zone] ?? 0) + n;
  console.log('factor mentions left out of the count, by zone (all documents):', JSON.stringify(leftOut));
  if (args.json) console.log(JSON.stringify({ ...rows, leftOut }));
}

await main();
