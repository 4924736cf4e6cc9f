// `npm run bench:ocr`: seconds per scanned page read by OCR (clock, and CPU time of this process
// and its Tesseracts), on the scanned PDFs of ../shared/pdfs/odd and on a multi-page scan made
// here (the first pages of the 100-page generated paper rendered to 300-dpi grey images by poppler's
// pdftoppm and put back into a PDF without a text layer), once with one Tesseract at a time and
// once with one per core. `--json` prints the figures as one JSON object on the last line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import PDFDocument from 'pdfkit';
import { extract } from '../../src/analysis/extract/index.js';
import { projectRoot, sharedDir } from '../../src/paths.js';
import { figure, printFigures, printJson, type Figure } from './common.js';

const { values: args } = parseArgs({
  options: { json: { type: 'boolean', default: false }, pages: { type: 'string', default: '8' }, runs: { type: 'string', default: '1' } },
});
const SCAN_PAGES = Number(args.pages);
const RUNS = Number(args.runs);
const SCANNED = ['11_docling_scanned-image-only_en.pdf', '12_docling_scanned-rotated-90.pdf', '13_dedoc_scanned-image-only_ru.pdf'].map((f) => join(sharedDir, 'pdfs', 'odd', f));
const SOURCE = join(sharedDir, 'pdfs', 'generated', 'big-ru-en-100p.pdf');
const BENCH_DIR = join(projectRoot, 'test-artifacts', 'bench');
const LANGUAGES = 'rus+eng';

/** CPU seconds of this process and of the children it has waited for (the Tesseracts). */
function cpuWithChildren(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime, stime, cutime, cstime are fields 14–17 of stat(5), 11–14 after the command name.
  return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) / 100;
}

interface Reading {
  pages: number;
  clockS: number;
  cpuS: number;
  words: number;
}

async function read(path: string, threads: number): Promise<Reading> {
  const bytes = new Uint8Array(readFileSync(path));
  const cpu = cpuWithChildren();
  const started = performance.now();
  const doc = await extract(bytes, { filename: path, ocr: { languages: LANGUAGES, maxPages: 100, threads } });
  const clockS = (performance.now() - started) / 1000;
  const words = doc.blocks.reduce((n, b) => n + b.text.split(/\s+/).filter(Boolean).length, 0);
  return { pages: doc.pages ?? 1, clockS, cpuS: cpuWithChildren() - cpu, words };
}

/** The first SCAN_PAGES pages of the generated paper as a scan: 300-dpi grey images, no text layer. */
async function makeScan(): Promise<string> {
  const out = join(BENCH_DIR, `scan-${SCAN_PAGES}p.pdf`);
  if (existsSync(out)) return out;
  mkdirSync(BENCH_DIR, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'policylens-scan-'));
  try {
    const rendered = spawnSync('pdftoppm', ['-r', '300', '-gray', '-png', '-f', '1', '-l', String(SCAN_PAGES), SOURCE, join(dir, 'p')]);
    if (rendered.status !== 0) throw new Error(`pdftoppm failed (poppler-utils installed?): ${rendered.stderr}`);
    const pdf = new PDFDocument({ autoFirstPage: false });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    for (const png of readdirSync(dir).sort()) {
      pdf.addPage({ size: 'A4', margin: 0 });
      pdf.image(join(dir, png), 0, 0, { width: pdf.page.width, height: pdf.page.height });
    }
    const done = new Promise((resolve) => pdf.on('end', resolve));
    pdf.end();
    await done;
    writeFileSync(out, Buffer.concat(chunks));
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!existsSync(SOURCE)) {
  console.error(`bench:ocr needs ../shared (${SOURCE} is missing); skipped`);
  process.exit(0);
}
const scan = await makeScan();

const cores = availableParallelism();
const figures: Figure[] = [];
const perPage = (r: Reading, key: 'clockS' | 'cpuS') => r[key] / r.pages;
const singles: Reading[] = [];
for (let run = 0; run < RUNS; run++) for (const path of SCANNED) singles.push(await read(path, 1));
figures.push(figure('OCR: scanned ../shared pages, clock per page', 's', singles.map((r) => perPage(r, 'clockS'))));
figures.push(figure('OCR: scanned ../shared pages, CPU per page', 's', singles.map((r) => perPage(r, 'cpuS'))));
const byThreads = new Map<number, Reading[]>();
for (const threads of [...new Set([1, cores])]) {
  const runs: Reading[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await read(scan, threads));
  byThreads.set(threads, runs);
  figures.push(figure(`OCR: ${SCAN_PAGES}-page scan, ${threads} Tesseract${threads > 1 ? 's' : ''} at a time, clock per page`, 's', runs.map((r) => perPage(r, 'clockS'))));
  figures.push(figure(`OCR: ${SCAN_PAGES}-page scan, ${threads} Tesseract${threads > 1 ? 's' : ''} at a time, CPU per page`, 's', runs.map((r) => perPage(r, 'cpuS'))));
}
const one = byThreads.get(1)!;
const many = byThreads.get(cores)!;
if (cores > 1) figures.push(figure(`OCR: ${SCAN_PAGES}-page scan, clock speed-up with ${cores} at a time`, 'ratio', one.map((r, i) => r.clockS / many[i]!.clockS)));

printFigures('OCR (bench:ocr)', figures);
console.log(`words read: ${SCANNED.map((p, i) => `${p.split('/').pop()} ${singles[i]!.words}`).join(', ')}; ${SCAN_PAGES}-page scan ${one[0]!.words} (1) / ${many[0]!.words} (${cores})`);
if (args.json) printJson({ figures });
