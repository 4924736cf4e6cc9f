// `npm run eval:segment`: sentence-boundary precision, recall and F1 of splitSentences on gold sets
// in the {id, text, sentences, offsets} schema. By default: the three Russian sets under
// ../shared/data and the team's English set test/fixtures/en-sentences.jsonl; `--input FILE.jsonl`
// (repeatable) scores any other set, `--json` adds the scores as one JSON line.
// A boundary is the end offset of every gold sentence but the last of its passage; a passage is
// segmented as the paragraphs its text has (split at blank lines), like a normalized document.
// SEGMENT_ERRORS=N prints up to N missed and N spurious boundaries per set, with context.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../src/analysis/sentences.js';
import type { NormalizedDocument, Paragraph } from '../../src/analysis/types.js';
import { projectRoot } from '../../src/paths.js';
import { parseEvalArgs, prf, readJsonl, report, setName, sharedData } from './common.js';

interface SegmentationRecord {
  id: string;
  text: string;
  sentences: string[];
  offsets: [number, number][];
}

const DEFAULT_SHARED_SETS = ['ru_seg_ud_gsd.jsonl', 'ru_seg_razdel_unit.jsonl', 'ru_seg_rusenttokenize_unit.jsonl'];
const ENGLISH_SET = join(projectRoot, 'test', 'fixtures', 'en-sentences.jsonl');
const CONTEXT = 40;

function defaultSets(): string[] {
  const sets = DEFAULT_SHARED_SETS.map(sharedData).filter((path): path is string => path !== null);
  if (existsSync(ENGLISH_SET)) sets.push(ENGLISH_SET);
  else console.error(`skipping the English set: ${ENGLISH_SET} not found`);
  return sets;
}

/** The passage as a normalized document, one paragraph per blank-line-separated block. */
function passageDocument(text: string): NormalizedDocument {
  const paragraphs: Paragraph[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?!\n)[^\n]*)*/g)) {
    paragraphs.push({ start: m.index, end: m.index + m[0].length, page: null, kind: 'body', language: 'und' });
  }
  return { text, paragraphs };
}

function innerEnds(spans: { end: number }[]): Set<number> {
  return new Set(spans.slice(0, -1).map((s) => s.end));
}

function showError(kind: string, record: SegmentationRecord, offset: number): void {
  const before = record.text.slice(Math.max(0, offset - CONTEXT), offset);
  const after = record.text.slice(offset, offset + CONTEXT);
  console.log(`  ${kind} ${record.id}: …${before}‖${after}…`);
}

function scoreSet(path: string, errorsToShow: number): Record<string, unknown> {
  const records = readJsonl<SegmentationRecord>(path);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let shownMissed = 0;
  let shownSpurious = 0;
  let sentences = 0;
  for (const record of records) {
    sentences += record.sentences.length;
    const gold = innerEnds(record.offsets.map(([, end]) => ({ end })));
    const predicted = innerEnds(splitSentences(passageDocument(record.text)));
    for (const end of predicted) {
      if (gold.has(end)) tp++;
      else {
        fp++;
        if (shownSpurious++ < errorsToShow) showError('spurious', record, end);
      }
    }
    for (const end of gold) {
      if (!predicted.has(end)) {
        fn++;
        if (shownMissed++ < errorsToShow) showError('missed  ', record, end);
      }
    }
  }
  return { passages: records.length, sentences, ...prf(tp, fp, fn) };
}

const args = parseEvalArgs();
const errorsToShow = Number(process.env.SEGMENT_ERRORS ?? 0);
const rows: Record<string, Record<string, unknown>> = {};
for (const path of args.inputs.length ? args.inputs : defaultSets()) {
  if (errorsToShow) console.log(setName(path));
  rows[setName(path)] = scoreSet(path, errorsToShow);
}
report('Sentence boundaries (splitSentences): precision, recall, F1', rows, args);
