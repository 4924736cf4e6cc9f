// `policylens compare <id|file>…`: compare stored documents (by id or id prefix) and files. A file
// whose sha256 is stored and analyzed is read from the store; any other file is analyzed on the
// fly, without storing it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { documentId } from '../../analysis/document-id.js';
import { analyze } from '../../analysis/index.js';
import { factorDefinitions } from '../../analysis/factors/index.js';
import { ocrOptions, type Config } from '../../config.js';
import { createRuntime, type Runtime } from '../../runtime.js';
import { compareProfiles, MAX_SIDES, MIN_SIDES, type Comparison, type FactorProfile } from '../../services/compare-service.js';
import { profileOfSummary } from '../../services/compare-service.js';
import { CompareRepository } from '../../store/compare-repository.js';

export async function compare(config: Config, items: string[], options: { json?: boolean; password?: string }): Promise<string> {
  if (items.length < MIN_SIDES || items.length > MAX_SIDES) throw new Error(`compare ${MIN_SIDES} to ${MAX_SIDES} documents or files`);
  const runtime = await createRuntime(config, { analyze: false });
  try {
    const profiles: FactorProfile[] = [];
    for (const item of items) profiles.push(await profileOf(runtime, item, options.password));
    const comparison = compareProfiles(profiles, factorDefinitions());
    return options.json ? JSON.stringify(comparison, null, 2) : formatComparison(comparison);
  } finally {
    await runtime.close();
  }
}

async function profileOf(runtime: Runtime, item: string, password?: string): Promise<FactorProfile> {
  const store = new CompareRepository(runtime.store.db);
  if (existsSync(item) && statSync(item).isFile()) {
    const bytes = new Uint8Array(readFileSync(item));
    const id = documentId(bytes);
    const [stored] = await store.documentProfiles([id]);
    if (stored) return stored;
    const { summary } = await analyze(bytes, { filename: basename(item), password, ocr: ocrOptions(runtime.config) });
    return profileOfSummary(summary, item);
  }
  if (!/^[0-9a-f]{8,64}$/.test(item)) throw new Error(`${item}: neither a file nor a document id (8 to 64 hex digits)`);
  const matches = item.length === 64 ? [await runtime.documents.get(item)].filter((d) => d !== undefined) : await runtime.documents.findByIdPrefix(item);
  if (matches.length === 0) throw new Error(`no stored document ${item}`);
  if (matches.length > 1) throw new Error(`more than one document id starts with ${item}; give more digits`);
  const document = matches[0]!;
  const [profile] = await store.documentProfiles([document.id]);
  if (!profile) throw new Error(`${document.filename} (${item}) is not analyzed (status: ${document.status})`);
  return profile;
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
