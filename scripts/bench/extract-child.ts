// Child process of bench:extract: extracts FILE RUNS times in a fresh process, as a worker would,
// and prints one JSON line: pages, wall and CPU milliseconds of each run, peak RSS in MB. With
// RUNS > 1 a first, untimed run warms up module loading and the JIT, and each run is followed by
// pdf.js alone (text items of every page) to show what share of the time is the parser's.
import { readFileSync } from 'node:fs';
import { extract } from '../../src/analysis/extract/index.js';
import { openPdf } from '../../src/analysis/extract/pdf/open.js';
import { readPageText } from '../../src/analysis/extract/pdf/runs.js';

// Under tsx, Node maps every stack trace through source maps (pdf.js creates many errors
// internally and its maps are large); a compiled worker does not, so neither does the benchmark.
process.setSourceMapsEnabled(false);

/** pdf.js alone: open the file and read every page's text items, as extract() does first. */
async function readTextItems(bytes: Uint8Array): Promise<void> {
  const doc = await openPdf(bytes, undefined);
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      await readPageText(page);
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const [file, runsArg = '1'] = process.argv.slice(2);
if (!file) throw new Error('usage: extract-child FILE.pdf [RUNS]');
const runs = Math.max(1, Number(runsArg));
const bytes = new Uint8Array(readFileSync(file));
if (runs > 1) await extract(bytes, { filename: file });
const wallMs: number[] = [];
const cpuMs: number[] = [];
const pdfjsCpuMs: number[] = [];
let pages = 0;
for (let i = 0; i < runs; i++) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const doc = await extract(bytes, { filename: file });
  wallMs.push(performance.now() - start);
  cpuMs.push(cpuMsSince(cpu));
  pages = doc.pages ?? 0;
  if (runs > 1) {
    const pdfjsCpu = process.cpuUsage();
    await readTextItems(bytes);
    pdfjsCpuMs.push(cpuMsSince(pdfjsCpu));
  }
}
// resourceUsage().maxRSS is in kilobytes.
console.log(JSON.stringify({ pages, wallMs, cpuMs, pdfjsCpuMs, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
