// `policylens compare <id|file>…`: compare stored documents (by id or id prefix) and files. A file
// whose sha256 is stored and analyzed is read from the store; any other file is analyzed on the
// fly, without storing it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { analyze } from '../../analysis/index.js';
import type { OcrOptions } from '../../analysis/types.js';
import { ocrOptions, type Config } from '../../config.js';
import { createRuntime } from '../../runtime.js';
import { MAX_SIDES, MIN_SIDES, profileOfSummary, type Comparison, type CompareService } from '../../services/compare-service.js';
import type { FactorProfile } from '../../store/compare-repository.js';

export async function compare(config: Config, items: string[], options: { json?: boolean; password?: string }): Promise<string> {
  if (items.length < MIN_SIDES || items.length > MAX_SIDES) throw new Error(`compare ${MIN_SIDES} to ${MAX_SIDES} documents or files`);
  const runtime = await createRuntime(config, { analyze: false });
  try {
    const { compare } = runtime.services;
    const profiles: FactorProfile[] = [];
    for (const item of items) profiles.push(await profileOf(compare, item, { password: options.password, ocr: ocrOptions(config) }));
    const comparison = compare.compare(profiles);
    return options.json ? JSON.stringify(comparison, null, 2) : formatComparison(comparison);
  } finally {
    await runtime.close();
  }
}

async function profileOf(compare: CompareService, item: string, options: { password?: string; ocr?: OcrOptions }): Promise<FactorProfile> {
  if (!existsSync(item) || !statSync(item).isFile()) return compare.storedProfile(item);
  const bytes = new Uint8Array(readFileSync(item));
  const stored = await compare.profileByContent(bytes);
  if (stored) return stored;
  const { summary } = await analyze(bytes, { filename: basename(item), password: options.password, ocr: options.ocr });
  return profileOfSummary(summary, item);
}

/** The comparison as plain-text tables for a terminal. */
export function formatComparison(c: Comparison): string {
  const names = c.sides.map((s, i) => `[${i + 1}]`);
  const lines = c.sides.map((s, i) => `${names[i]} ${s.label} (${s.kind === 'collection' ? `${s.documents} documents, ` : ''}${s.words} words)`);
  const rows = c.factors.map((f) => [f.label, ...f.cells.map((cell) => (cell ? `${cell.per_1000_words.toFixed(2)} / ${signed(cell.net)}` : '—'))]);
  lines.push('', 'per 1000 words / net stance', ...table([['factor', ...names], ...rows]));
  const label = (id: string) => names[c.sides.findIndex((s) => s.id === id)] ?? id;
  const factorLabel = (id: string) => c.factors.find((f) => f.factor === id)?.label ?? id;
  lines.push('', 'only one side: ' + (c.onlyOneSide.map((o) => `${factorLabel(o.factor)} ${label(o.side)}`).join('; ') || 'none'));
  lines.push('stances disagree: ' + (c.disagreements.map((d) => `${factorLabel(d.factor)} (+ ${d.positive.map(label).join(' ')}, − ${d.negative.map(label).join(' ')})`).join('; ') || 'none'));
  lines.push('', 'cosine similarity of the factor profiles', ...table([['', ...names], ...c.similarity.map((row, i) => [names[i]!, ...row.map((v) => (v === null ? '—' : v.toFixed(3)))])]));
  return lines.join('\n');
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => (r[j] ?? '').length)));
  return rows.map((r) => r.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!))).join('  '));
}

const signed = (n: number) => (n > 0 ? `+${n.toFixed(2)}` : n.toFixed(2));
