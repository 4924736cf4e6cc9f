// `npm run bench:api`: p50 and p95 latency of the research API on a generated corpus of 10,000
// documents and 500,000 factor mentions (each with its sentence in the search index; 5 % of them
// reviewed, as the corrected coding of issue 19 stores them, with each row's review column), written
// straight into the store — the analysis is not run. The same data and requests run on SQLite and
// on PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test, in a schema of its
// own that is dropped afterwards). Requests go over HTTP to the real app, one at a time.
//
//   npm run bench:api [-- --documents 10000 --mentions-per-document 50 --runs 60 --only sqlite|postgres --json]
//   (--data-dir DIR and --pg-schema NAME keep the generated data for the next run)
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Insertable, Kysely } from 'kysely';
import { factorDefinitions } from '../../src/analysis/factors/index.js';
import type { ReviewState } from '../../src/analysis/review-coding.js';
import { dialectOf } from '../../src/store/dialect.js';
import type { Database } from '../../src/store/schema.js';
import { queryStems, textSearchOf } from '../../src/analysis/search-index.js';
import { seededRandom } from './common.js';
import { generatedDocument, measure, syntheticId, withPgSchema, withServedStore, type Probe, type Timing } from './api-harness.js';

const { values: args } = parseArgs({
  options: {
    documents: { type: 'string', default: '10000' },
    'mentions-per-document': { type: 'string', default: '50' },
    runs: { type: 'string', default: '60' },
    only: { type: 'string' },
    /** Keep the SQLite database here and reuse it on the next run (skips generating it again). */
    'data-dir': { type: 'string' },
    /** Likewise for PostgreSQL: use (and keep) this schema instead of a temporary one. */
    'pg-schema': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const DOCUMENTS = Number(args.documents);
const MENTIONS_PER_DOCUMENT = Number(args['mentions-per-document']);
const RUNS = Number(args.runs);
const WARMUP = 5;
const TARGET_P95_MS = 50;

// ---------------------------------------------------------------------------------------------
// Generated corpus: deterministic, so that both databases hold the same rows.

const rand = seededRandom(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
/** Zipf-like: small indexes are much more frequent, as words and factors in real papers are. */
const zipf = (n: number) => Math.min(n - 1, Math.floor(Math.exp(rand() * Math.log(n + 1)) - 1));

function vocabulary(syllables: string[], size: number): { word: string; stem: string }[] {
  const words = new Set<string>();
  while (words.size < size) words.add(Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(syllables)).join(''));
  return [...words].map((word) => ({ word, stem: queryStems(word)[0] ?? word }));
}
const WORDS = {
  ru: vocabulary(['ка', 'ро', 'ми', 'ст', 'ва', 'ни', 'то', 'ле', 'пра', 'ду', 'зе', 'ку', 'ос', 'ре', 'ин'], 4000),
  en: vocabulary(['ka', 'ro', 'mi', 'st', 'va', 'ni', 'to', 'le', 'pra', 'du', 'ze', 'ku', 'os', 're', 'in'], 4000),
};
/** Real words planted at known rates, so that the searches below have realistic hit counts. */
const PLANTED = {
  ru: [{ word: 'санкции', rate: 0.03 }, { word: 'экспорта', rate: 0.05 }, { word: 'кластеров', rate: 0.002 }],
  en: [{ word: 'sanctions', rate: 0.03 }, { word: 'exports', rate: 0.05 }, { word: 'clusters', rate: 0.002 }],
};
const SEARCHES = ['санкций экспорт', 'sanction', 'кластеры', 'exports sanctions'];

function sentence(language: 'ru' | 'en'): { text: string; stems: string } {
  const words = Array.from({ length: 10 + Math.floor(rand() * 10) }, () => WORDS[language][zipf(WORDS[language].length)]!);
  for (const planted of PLANTED[language]) {
    if (rand() < planted.rate) words.splice(Math.floor(rand() * words.length), 0, { word: planted.word, stem: queryStems(planted.word)[0]! });
  }
  const text = words.map((w) => w.word).join(' ');
  return { text: text[0]!.toUpperCase() + text.slice(1) + '.', stems: words.map((w) => w.stem).join(' ') };
}

const FACTORS = factorDefinitions().map((f) => f.id);
const STANCES = ['positive', 'negative', 'neutral'] as const;
/** The id of generated document i: as if its bytes were the text `bench-i`. */

async function generate(db: Kysely<Database>): Promise<void> {
  const sqlite = dialectOf(db) === 'sqlite';
  const BATCH = 200;
  for (let first = 0; first < DOCUMENTS; first += BATCH) {
    const documents: Insertable<Database['documents']>[] = [];
    const collections: Insertable<Database['document_collections']>[] = [];
    const factors: Insertable<Database['document_factors']>[] = [];
    const mentions: Insertable<Database['factor_mentions']>[] = [];
    const sentences: Insertable<Database['sentences']>[] = [];
    const stems: string[] = [];
    for (let i = first; i < Math.min(DOCUMENTS, first + BATCH); i++) {
      const id = syntheticId(i);
      const language = rand() < 0.6 ? 'ru' : 'en';
      const words = 3000 + Math.floor(rand() * 9000);
      documents.push(generatedDocument(i, { language, words, sentences: 400, year: 2000 + Math.floor(rand() * 26) }));
      collections.push({ document_id: id, collection: `collection-${i % 10}` });
      const chosen = new Set<string>();
      const wanted = 8 + Math.floor(rand() * 9);
      while (chosen.size < wanted) chosen.add(FACTORS[zipf(FACTORS.length)]!);
      const counts = new Map([...chosen].map((f) => [f, { positive: 0, negative: 0, neutral: 0 }]));
      // 5 % of the mentions reviewed (a third of those corrected), as the corrected coding stores them.
      const reviewed = new Map<string, ReviewState>();
      let offset = 0;
      for (let ordinal = 0; ordinal < MENTIONS_PER_DOCUMENT; ordinal++) {
        const factor = [...chosen][zipf(chosen.size)]!;
        const stance = pick(STANCES);
        counts.get(factor)![stance]++;
        const s = sentence(language);
        const start = offset;
        offset += s.text.length + 2;
        const review: ReviewState = rand() < 0.05 ? (rand() < 0.33 ? 'corrected' : 'reviewed') : 'automatic';
        if (review !== 'automatic' && reviewed.get(factor) !== 'corrected') reviewed.set(factor, review);
        mentions.push({ document_id: id, ordinal, factor, sentence: s.text, start, end: start + s.text.length, page: 1 + Math.floor(ordinal / 5), language, match: s.text.split(' ')[0]!, stance, cues_json: '[]', section: null, review });
        sentences.push({ document_id: id, ordinal, start, end: start + s.text.length, page: 1 + Math.floor(ordinal / 5), language, text_search: textSearchOf(language), sentence: s.text });
        stems.push(s.stems);
      }
      for (const [factor, c] of counts) {
        const n = c.positive + c.negative + c.neutral;
        if (n === 0) continue;
        factors.push({ document_id: id, factor, mentions: n, per_1000_words: Math.round((1e6 * n) / words) / 1000, ...c, net: Math.round((1000 * (c.positive - c.negative)) / n) / 1000, review: reviewed.get(factor) ?? 'automatic' });
      }
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('documents').values(documents).execute();
      await trx.insertInto('document_collections').values(collections).execute();
      for (let i = 0; i < factors.length; i += 1000) await trx.insertInto('document_factors').values(factors.slice(i, i + 1000)).execute();
      for (let i = 0; i < mentions.length; i += 500) await trx.insertInto('factor_mentions').values(mentions.slice(i, i + 500)).execute();
      for (let i = 0; i < sentences.length; i += 1000) {
        const ids = await trx.insertInto('sentences').values(sentences.slice(i, i + 1000)).returning('id').execute();
        if (sqlite) await trx.insertInto('sentence_fts').values(ids.map((r, j) => ({ rowid: r.id, stems: stems[i + j]! }))).execute();
      }
    });
    if (process.stderr.isTTY) process.stderr.write(`\r  generated ${Math.min(DOCUMENTS, first + BATCH)}/${DOCUMENTS} documents`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
}

// ---------------------------------------------------------------------------------------------
// Requests

const probes: Probe[] = [
  { name: 'factor table: one factor, by mentions', path: () => `/api/factors?factor=${pick(FACTORS)}&sort=mentions&limit=50` },
  { name: 'factor table: all, by rate', path: () => `/api/factors?sort=rate&limit=50&offset=${50 * Math.floor(rand() * 5)}` },
  { name: 'factor table: per factor, one collection', path: () => `/api/factors?group=factor&collection=collection-${Math.floor(rand() * 10)}` },
  {
    name: 'compare 10 documents',
    path: () => `/api/compare?documents=${Array.from({ length: 10 }, () => syntheticId(Math.floor(rand() * DOCUMENTS))).join(',')}`,
  },
  { name: 'search', path: () => `/api/search?q=${encodeURIComponent(pick(SEARCHES))}&limit=20` },
];

async function runOn(name: 'sqlite' | 'postgres', env: Record<string, string>): Promise<Record<string, Timing>> {
  const generateLogged = async (db: Kysely<Database>) => {
    console.error(`${name}: generating ${DOCUMENTS} documents × ${MENTIONS_PER_DOCUMENT} mentions…`);
    await generate(db);
  };
  const keepDataDir = name === 'sqlite' ? args['data-dir'] : undefined;
  return withServedStore(name, { env, keepDataDir, generate: generateLogged }, (base) => measure(base, probes, { runs: RUNS, warmup: WARMUP, targetP95Ms: TARGET_P95_MS }));
}

const report: Record<string, Record<string, Timing>> = {};
if (args.only !== 'postgres') report.sqlite = await runOn('sqlite', {});
if (args.only !== 'sqlite') {
  try {
    report.postgres = await withPgSchema('bench_api', args['pg-schema'], (url) => runOn('postgres', { DATABASE_URL: url }));
  } catch (error) {
    console.error(`postgres: skipped (${(error as Error).message})`);
  }
}
for (const [database, rows] of Object.entries(report)) {
  console.log(`\n${database}: ${DOCUMENTS} documents, ${DOCUMENTS * MENTIONS_PER_DOCUMENT} mentions (ms, target p95 ≤ ${TARGET_P95_MS}; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`);
  console.table(Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, { p50: v.p50, p95: v.p95, target: v.ok ? 'met' : 'MISSED', 'cpu p50 (this process)': v.cpuP50 }])));
}
if (args.json) console.log(JSON.stringify(report));
