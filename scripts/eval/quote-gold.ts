// Runs the analysis over a verbatim-quote gold set (a folder with gold/*.json, the texts they quote
// and optionally MANIFEST.json naming each document's PDF) and scores it with quote-gold-score.ts:
// per language and together, through the texts and through the PDFs; optionally checks that the
// reference scorer (../shared/tools/score_factors.py) gives the same figures on the same Summaries.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { analyze } from '../../src/analysis/index.js';
import type { Summary } from '../../src/analysis/types.js';
import { sharedDir } from '../../src/paths.js';
import { addTally, asReferenceKeys, emptyTally, quoteScores, scoreQuoteDocument, type DocumentOutcome, type QuoteGold, type QuoteTally } from './quote-gold-score.js';

export interface QuoteDocument {
  gold: QuoteGold;
  /** The text file the gold quotes. */
  textPath: string;
  /** The published PDF of the same paper, when the set has it. */
  pdfPath: string | null;
}

export interface Analyzed {
  doc: QuoteDocument;
  via: 'text' | 'pdf';
  summary: Summary;
  outcome: DocumentOutcome;
}

export function loadQuoteSet(dir: string): QuoteDocument[] {
  const manifestPath = join(dir, 'MANIFEST.json');
  const manifest = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { id: string; pdf?: string }[]) : [];
  const pdfOf = new Map(manifest.filter((m) => m.pdf).map((m) => [m.id, join(dir, m.pdf!)]));
  return readdirSync(join(dir, 'gold'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const gold = JSON.parse(readFileSync(join(dir, 'gold', name), 'utf8')) as QuoteGold;
      return { gold, textPath: join(dir, gold.source), pdfPath: pdfOf.get(gold.id) ?? null };
    });
}

export async function analyzeQuoteSet(docs: QuoteDocument[]): Promise<Analyzed[]> {
  const results: Analyzed[] = [];
  for (const doc of docs) {
    for (const [via, path] of [['text', doc.textPath], ['pdf', doc.pdfPath]] as const) {
      if (!path) continue;
      const { summary } = await analyze(new Uint8Array(readFileSync(path)), { filename: basename(path) });
      results.push({ doc, via, summary, outcome: scoreQuoteDocument(doc.gold, summary) });
    }
  }
  return results;
}

/** Rows: through the texts per language and together; through the PDFs, beside the same papers' texts. */
export function textTally(results: Analyzed[]): QuoteTally {
  const t = emptyTally();
  for (const r of results) if (r.via === 'text') addTally(t, r.outcome.tally);
  return t;
}

export function quoteRows(results: Analyzed[]): Record<string, Record<string, unknown>> {
  const tallies = new Map<string, QuoteTally>();
  const add = (row: string, t: QuoteTally): void => {
    if (!tallies.has(row)) tallies.set(row, emptyTally());
    addTally(tallies.get(row)!, t);
  };
  const withPdf = new Set(results.filter((r) => r.via === 'pdf').map((r) => r.doc.gold.id));
  for (const r of results) {
    if (r.via === 'text') {
      add(`text ${r.doc.gold.language}`, r.outcome.tally);
      add('text all', r.outcome.tally);
      if (withPdf.has(r.doc.gold.id)) add('text (papers with PDF)', r.outcome.tally);
    } else {
      add(`pdf ${r.doc.gold.language}`, r.outcome.tally);
      add('pdf all', r.outcome.tally);
    }
  }
  const order = [...tallies.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return Object.fromEntries(order.map((row) => [row, { ...quoteScores(tallies.get(row)!) }]));
}

function rank(row: string): number {
  return row.startsWith('text ') ? (row === 'text all' ? 1 : row.startsWith('text (') ? 2 : 0) : row === 'pdf all' ? 4 : 3;
}

export function showOutcomes(results: Analyzed[]): void {
  for (const r of results) {
    const { missed, extra, evidenceMisses, abbreviationMisses } = r.outcome;
    console.log(`\n${r.doc.gold.id} (${r.via})  missed: ${missed.join(' ') || '—'}  extra: ${extra.map((id) => `${id}(${r.summary.factors.find((f) => f.id === id)?.mentions})`).join(' ') || '—'}`);
    for (const m of evidenceMisses) console.log(`  ${m.factor}: gold ${m.gold}, got ${m.got ?? 'not found'}: ${m.quote.replace(/\s+/g, ' ').slice(0, 110)}`);
    for (const m of abbreviationMisses) console.log(`  abbreviation ${m}`);
  }
}

const REFERENCE_SCORER = join(sharedDir, 'tools', 'score_factors.py');

/**
 * Runs the reference scorer on the Summaries already computed (each handed to it by `cat`) and
 * returns the figures that differ from ours: none when both read the definitions alike.
 */
export function compareWithReference(dir: string, results: Analyzed[], via: 'text' | 'pdf', ours: Record<string, unknown>): string[] {
  const chosen = results.filter((r) => r.via === via);
  if (chosen.length === 0) return [];
  const tmp = mkdtempSync(join(tmpdir(), 'policylens-eval-'));
  try {
    const args = [REFERENCE_SCORER, '--gold', join(dir, 'gold'), '--texts', dir, '--cmd', 'cat {file}', '--json', '--only', chosen.map((r) => r.doc.gold.id).join(',')];
    for (const r of chosen) {
      const file = join(tmp, `${r.doc.gold.id}.json`);
      writeFileSync(file, JSON.stringify(r.summary));
      args.push('--input', `${r.doc.gold.id}=${file}`);
    }
    const out = execFileSync('python3', args, { encoding: 'utf8' });
    const theirs = JSON.parse(out.slice(out.lastIndexOf('{'))) as Record<string, unknown>;
    return Object.entries(theirs)
      .filter(([k, v]) => k !== 'errors' && ours[k] !== v)
      .map(([k, v]) => `${via} ${k}: reference ${String(v)}, ours ${String(ours[k])}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function referenceKeysOf(row: Record<string, unknown>): Record<string, unknown> {
  return asReferenceKeys(row as unknown as ReturnType<typeof quoteScores>);
}

export function referenceAvailable(): boolean {
  return existsSync(REFERENCE_SCORER);
}
