// `npm run bench:search`: p50 and p95 latency of ranked search (/api/search, by relevance) and of
// the concordance (/api/kwic, document order) on 10,000 generated papers of real length (~8,000
// words, ~400 sentences each: 80 M words, 4 M sentence rows), first page of 50, for a fixed mix of
// queries: a common and a rare word, a phrase, a stem, a Russian and an English term. The sentence
// rows (with their zone: abstract, body, references) are written straight into the store in bulk;
// the analysis is not run. Same data and requests on SQLite and PostgreSQL (DATABASE_URL).
//
//   npm run bench:search [-- --documents 10000 --words 8000 --runs 40 --only sqlite|postgres --json]
//   (--data-dir DIR and --pg-schema NAME keep the generated data for the next run)
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { sql, type Insertable, type Kysely } from 'kysely';
import { queryStems, textSearchOf } from '../../src/analysis/search-index.js';
import type { Zone } from '../../src/analysis/types.js';
import { insertRows } from '../../src/store/bulk-insert.js';
import { SQLITE_FILE } from '../../src/store/database.js';
import { dialectOf } from '../../src/store/dialect.js';
import type { Database } from '../../src/store/schema.js';
import { generatedDocument, measure, withPgSchema, withServedStore, type Probe, type Timing } from './api-harness.js';
import { atMost, figure, seededRandom } from './common.js';

const { values: args } = parseArgs({
  options: {
    documents: { type: 'string', default: '10000' },
    words: { type: 'string', default: '8000' },
    runs: { type: 'string', default: '40' },
    only: { type: 'string' },
    'data-dir': { type: 'string' },
    'pg-schema': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const DOCUMENTS = Number(args.documents);
const WORDS_PER_DOCUMENT = Number(args.words);
const RUNS = Number(args.runs);
const WARMUP = 3;
const TARGET_P95_MS = 50;
const PAGE = 50;

// ---------------------------------------------------------------------------------------------
// Generated papers: Zipf-distributed made-up words with real words planted at known rates per
// sentence, so that each query has the hit count its kind has in a real corpus.

const rand = seededRandom(7);
const zipf = (n: number) => Math.min(n - 1, Math.floor(Math.exp(rand() * Math.log(n + 1)) - 1));
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

type Language = 'ru' | 'en';
interface Word {
  word: string;
  stem: string;
}
const word = (w: string): Word => ({ word: w, stem: queryStems(w).join(' ') });

function vocabulary(syllables: string[], size: number): Word[] {
  const words = new Set<string>();
  while (words.size < size) words.add(Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(syllables)).join(''));
  return [...words].map(word);
}
const VOCABULARY: Record<Language, Word[]> = {
  ru: vocabulary(['ка', 'ро', 'ми', 'ст', 'ва', 'ни', 'то', 'ле', 'пра', 'ду', 'зе', 'ку', 'ос', 'ре', 'ин', 'бу'], 20_000),
  en: vocabulary(['ka', 'ro', 'mi', 'st', 'va', 'ni', 'to', 'le', 'pra', 'du', 'ze', 'ku', 'os', 're', 'in', 'bu'], 20_000),
};
/** Words (or phrases) planted in a sentence with these probabilities. */
const PLANTED: Record<Language, { words: Word[]; rate: number }[]> = {
  ru: [
    { words: [word('развития')], rate: 0.05 },
    { words: [word('санкции')], rate: 0.01 },
    { words: [word('санкционного')], rate: 0.005 },
    { words: [word('нанотехнологий')], rate: 0.0002 },
  ],
  en: [
    { words: [word('policy')], rate: 0.05 },
    { words: [word('innovation')], rate: 0.01 },
    { words: [word('economic'), word('sanctions')], rate: 0.005 },
    { words: [word('sanctions')], rate: 0.01 },
    { words: [word('sanctioned')], rate: 0.003 },
    { words: [word('nanotechnology')], rate: 0.0002 },
  ],
};

/** The query mix: kind → query. */
const QUERIES: Record<string, string> = {
  'common word': 'policy',
  'rare word': 'nanotechnology',
  phrase: 'economic sanctions',
  stem: 'sanctioned',
  'Russian term': 'санкции',
  'English term': 'innovation',
};

type GeneratedSentence = Omit<Database['sentences'], 'id'> & { id: number; stems: string };

function sentence(language: Language): { text: string; stems: string } {
  const words = Array.from({ length: 10 + Math.floor(rand() * 21) }, () => VOCABULARY[language][zipf(VOCABULARY[language].length)]!);
  for (const planted of PLANTED[language]) if (rand() < planted.rate) words.splice(Math.floor(rand() * words.length), 0, ...planted.words);
  const text = words.map((w) => w.word).join(' ');
  return { text: text[0]!.toUpperCase() + text.slice(1) + '.', stems: words.map((w) => w.stem).join(' ') };
}

/** A paper's zones by position: a short abstract, the body, and its references at the end. */
function zoneAt(position: number): Zone {
  return position < 0.03 ? 'abstract' : position < 0.92 ? 'body' : 'references';
}

async function generate(db: Kysely<Database>, dataDir: string): Promise<void> {
  const sqlite = dialectOf(db) === 'sqlite';
  // SQLite's 4 M rows go through prepared statements of its own connection: building each INSERT
  // through the query builder would take most of an hour.
  const file = sqlite ? new SQLite(join(dataDir, SQLITE_FILE)) : undefined;
  const insertSentence = file?.prepare(
    'insert into sentences (id, document_id, ordinal, start, "end", page, language, zone, text_search, sentence) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertStems = file?.prepare('insert into sentence_fts (rowid, stems) values (?, ?)');
  const insertSentences = file?.transaction((rows: GeneratedSentence[]) => {
    for (const s of rows) {
      insertSentence!.run(s.id, s.document_id, s.ordinal, s.start, s.end, s.page, s.language, s.zone, s.text_search, s.sentence);
      insertStems!.run(s.id, s.stems);
    }
  });
  console.error(`generating ${DOCUMENTS} papers of ~${WORDS_PER_DOCUMENT} words…`);
  // The index is built once at the end, as a bulk load would do it (not row by row).
  if (!sqlite) await sql`drop index sentences_tsv`.execute(db);
  const BATCH = 50;
  let nextId = 1;
  for (let first = 0; first < DOCUMENTS; first += BATCH) {
    const documents: Insertable<Database['documents']>[] = [];
    const collections: Insertable<Database['document_collections']>[] = [];
    const sentences: GeneratedSentence[] = [];
    for (let i = first; i < Math.min(DOCUMENTS, first + BATCH); i++) {
      const language: Language = rand() < 0.6 ? 'ru' : 'en';
      const document = generatedDocument(i, { language, words: 0, sentences: 0, year: 2000 + Math.floor(rand() * 26) });
      let words = 0;
      let offset = 0;
      const own: typeof sentences = [];
      while (words < WORDS_PER_DOCUMENT) {
        const s = sentence(language);
        words += s.text.split(' ').length;
        own.push({ id: nextId++, document_id: document.id, ordinal: own.length, start: offset, end: offset + s.text.length, page: 1 + Math.floor(own.length / 25), language, zone: 'body', text_search: textSearchOf(language), sentence: s.text, stems: s.stems });
        offset += s.text.length + 1;
      }
      for (const s of own) s.zone = zoneAt(s.ordinal / own.length);
      documents.push({ ...document, words, sentences: own.length });
      collections.push({ document_id: document.id, collection: `collection-${i % 10}` });
      sentences.push(...own);
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('documents').values(documents).execute();
      await trx.insertInto('document_collections').values(collections).execute();
      if (!sqlite) await insertRows(trx, 'sentences', sentences.map(({ id: _id, stems: _stems, ...row }) => row));
    });
    // SQLite's FTS5 rows take the sentence's id as rowid, so ids are given here.
    insertSentences?.(sentences);
    if (process.stderr.isTTY) process.stderr.write(`\r  generated ${Math.min(DOCUMENTS, first + BATCH)}/${DOCUMENTS} papers`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  file?.close();
  if (!sqlite) {
    console.error('postgres: building the text-search index…');
    await sql`create index sentences_tsv on sentences using gin (tsv)`.execute(db);
  }
}

// ---------------------------------------------------------------------------------------------
// Requests: every query of the mix, ranked search and concordance, first page.

const probes: Probe[] = Object.entries(QUERIES).flatMap(([kind, q]) => [
  { name: `search, ${kind} (${q})`, path: () => `/api/search?q=${encodeURIComponent(q)}&limit=${PAGE}` },
  { name: `kwic, ${kind} (${q})`, path: () => `/api/kwic?q=${encodeURIComponent(q)}&limit=${PAGE}` },
]);

async function runOn(name: 'sqlite' | 'postgres', env: Record<string, string>): Promise<Record<string, Timing>> {
  const keepDataDir = name === 'sqlite' ? args['data-dir'] : undefined;
  return withServedStore(name, { env, keepDataDir, generate }, async (base) => {
    const load = loadavg()[0]!;
    const timings = await measure(base, probes, { runs: RUNS, warmup: WARMUP, targetP95Ms: TARGET_P95_MS });
    loads[name] = [load, loadavg()[0]!];
    return timings;
  });
}

const loads: Record<string, [number, number]> = {};
const report: Record<string, Record<string, Timing>> = {};
if (args.only !== 'postgres') report.sqlite = await runOn('sqlite', {});
if (args.only !== 'sqlite') {
  try {
    report.postgres = await withPgSchema('bench_search', args['pg-schema'], (url) => runOn('postgres', { DATABASE_URL: url }));
  } catch (error) {
    console.error(`postgres: skipped (${(error as Error).message})`);
  }
}
for (const [database, rows] of Object.entries(report)) {
  const [before, after] = loads[database]!;
  console.log(
    `\n${database}: ${DOCUMENTS} papers × ~${WORDS_PER_DOCUMENT} words, first page of ${PAGE} (ms, target p95 ≤ ${TARGET_P95_MS}; ` +
      `load average ${before.toFixed(1)} → ${after.toFixed(1)} on ${availableParallelism()} cores)`,
  );
  console.table(Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, { p50: v.p50, p95: v.p95, target: v.ok ? 'met' : 'MISSED', 'cpu p50 (this process)': v.cpuP50 }])));
}
// For `npm run bench` (scripts/bench/all.ts reads `figures` from the last line): p95 with its target, p50.
const figures = Object.entries(report).flatMap(([database, rows]) =>
  Object.entries(rows).flatMap(([probe, t]) => [figure(`${database}: ${probe}, p95`, 'ms', [t.p95], atMost(TARGET_P95_MS)), figure(`${database}: ${probe}, p50`, 'ms', [t.p50])]),
);
if (args.json) console.log(JSON.stringify({ figures, loads, report }));
