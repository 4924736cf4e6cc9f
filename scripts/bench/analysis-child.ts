// Child process of the ingest benchmark's ceiling figure: the compiled analyze() alone, on this
// process's main thread, with no queue and no database. Analyzes WARMUP papers untimed, waits until
// START_AT (epoch ms, so that parallel children time the same interval), then analyzes the next
// COUNT papers of DIR from FROM and prints one JSON line {docs, seconds, cpuMs}.
//
//   node --import tsx scripts/bench/analysis-child.ts DIR FROM COUNT WARMUP START_AT
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { analyze as Analyze } from '../../src/analysis/index.js';
import { compiled } from '../lib/processes.js';

process.setSourceMapsEnabled(false);
const [dir, from, count, warmup, startAt] = process.argv.slice(2) as [string, string, string, string, string];
const { analyze } = (await import(pathToFileURL(compiled('src/analysis/index.js')).href)) as { analyze: typeof Analyze };

const names = readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().slice(Number(from), Number(from) + Number(warmup) + Number(count));
const papers = names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
for (const { name, bytes } of papers.slice(0, Number(warmup))) await analyze(bytes, { filename: name });

await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
const cpu = process.cpuUsage();
const started = performance.now();
for (const { name, bytes } of papers.slice(Number(warmup))) await analyze(bytes, { filename: name });
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ docs: papers.length - Number(warmup), seconds: (performance.now() - started) / 1000, cpuMs: (used.user + used.system) / 1000 }));
