#!/usr/bin/env node
// policylens — the command line: run the server or a worker, ingest a corpus, analyze one file,
// print the factor table, compare papers, export the corpus, re-run stale analyses.
import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { stopOnSignals } from '../roles/signals.js';
import { GIVEN_YEARS, isGivenYear } from '../services/document-service.js';
import { startWeb } from '../roles/web.js';
import { startWorker } from '../roles/worker.js';
import { EXPORT_NAMES, exportCorpus } from './commands/export.js';
import { printFactorTable } from './commands/factors.js';
import { formatOutcomes, ingest } from './commands/ingest.js';
import { withApiKeys } from './commands/keys.js';
import { reanalyze } from './commands/reanalyze.js';
import { exportReviews, importReviews, reviewFormat } from './commands/review.js';
import { toCorpusFilter, withFilterOptions, type FilterOptions } from './filter-options.js';

const program = new Command()
  .name('policylens')
  .description('Factors, stance and abbreviations in Russian and English policy papers.')
  .showHelpAfterError();

program
  .command('serve')
  .description('run the web server (and, without REDIS_URL, an in-process worker)')
  .action(async () => {
    const web = startWeb(config());
    stopOnSignals(async () => (await web).stop());
    console.error(`PolicyLens: ${(await web).url}`);
  });

program
  .command('worker')
  .description('analyze documents from the BullMQ queue (needs REDIS_URL)')
  .action(async () => {
    const runtime = startWorker(config());
    stopOnSignals(async () => (await runtime).close());
    await runtime;
  });

program
  .command('ingest')
  .description('store and analyze papers (files or folders, walked recursively)')
  .argument('<paths...>', 'PDF or text files, or folders')
  .option('-c, --collection <name...>', 'collections to add the documents to')
  .option('--password <password>', 'password for encrypted PDFs')
  .option('--year <year>', 'publication year of these papers (otherwise estimated)', (v: string) => {
    const year = Number(v);
    if (!isGivenYear(year)) throw new InvalidArgumentError(`a year such as 2023 (${GIVEN_YEARS.from}–${GIVEN_YEARS.to})`);
    return year;
  })
  .option('--split-issues', 'journal issues: store each article as its own document, linked to the issue')
  .option('--no-wait', 'return once the documents are queued')
  .option('--json', 'print the outcomes as JSON (counts, and file, status, reason, id per file)')
  .action(async (paths: string[], options: { collection?: string[]; password?: string; year?: number; splitIssues?: boolean; wait: boolean; json?: boolean }) => {
    process.stdout.write(formatOutcomes(await ingest(config(), paths, options), options) + '\n');
  });

program
  .command('analyze')
  .description('print the Summary v1 (or the normalized text) of one file; stores nothing')
  .argument('<file>')
  .addOption(new Option('--json', 'print the Summary as JSON (default)'))
  .addOption(new Option('--text', 'print the normalized text the offsets refer to').conflicts('json'))
  .option('--password <password>', 'password for an encrypted PDF')
  .action(async (file: string, options: { text?: boolean; password?: string }) => {
    // Loaded on use: the analysis modules (pdf.js, dictionaries) stay out of `serve`'s memory.
    const { analyzeFile } = await import('./commands/analyze.js');
    process.stdout.write((await analyzeFile(config(), file, options)) + '\n');
  });

withFilterOptions(
  program
    .command('factors')
    .description('print the factor table (documents × factors)')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .option('--complete', 'every document × factor, zeros included'),
  'only rows with mentions of this stance',
).action(async (o: FilterOptions & { format: 'csv' | 'json'; complete?: boolean }) => {
  await printFactorTable(config(), toCorpusFilter(o), o);
});

program
  .command('compare')
  .description('compare 2–20 documents (ids or id prefixes) or files (stored ones by sha256, others analyzed on the fly)')
  .argument('<items...>', 'document ids, id prefixes or files')
  .option('--json', 'print the comparison as JSON')
  .option('--password <password>', 'password for encrypted PDFs analyzed on the fly')
  .action(async (items: string[], options: { json?: boolean; password?: string }) => {
    const { compare } = await import('./commands/compare.js');
    process.stdout.write((await compare(config(), items, options)) + '\n');
  });

withFilterOptions(
  program
    .command('export')
    .description('export the corpus or a selection: tidy CSV (per document × factor, per mention) or JSONL of summaries')
    .addArgument(new Argument('<name>', 'what to export').choices(EXPORT_NAMES))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--bom', 'start a CSV with a UTF-8 byte-order mark (for Excel)')
    .option('--complete', 'factors.csv: every document × factor, zeros included'),
  'only mentions (rows) of this stance',
).action(async (name: (typeof EXPORT_NAMES)[number], o: FilterOptions & { output?: string; bom?: boolean; complete?: boolean }) => {
  await exportCorpus(config(), name, toCorpusFilter(o), { output: o.output, bom: o.bom, complete: o.complete });
});

withFilterOptions(
  program
    .command('kwic')
    .description('keyword in context: each match of the query with the words around it')
    .argument('<query...>', 'words (all must occur; a Russian stem also finds its derivational family)')
    .option('--window <words>', 'words of context on each side', (v: string) => positive(v, 30), 8)
    .addOption(new Option('--sort <by>', 'order of the lines').choices(['document', 'left', 'right']).default('document'))
    .option('--limit <lines>', 'lines to print (document order: sentences)', (v: string) => positive(v, 1000), 100)
    .option('--both', 'also search the query in the other language (glossary, factor labels)')
    .option('--references', 'also the lines of the references (left out by default)')
    .option('--csv', 'print CSV (document, page, left, keyword, right…)'),
  'only sentences with a mention of this stance',
).action(async (words: string[], o: FilterOptions & { window: number; sort: 'document' | 'left' | 'right'; limit: number; both?: boolean; references?: boolean; csv?: boolean }) => {
  const { printConcordance } = await import('./commands/kwic.js');
  await printConcordance(config(), { q: words.join(' '), window: o.window, sort: o.sort, bothLanguages: o.both, references: o.references }, toCorpusFilter(o), o);
});

program
  .command('reanalyze')
  .description('analyze stored documents again')
  .option('--all', 'every document')
  .option('--stale', 'documents analyzed with other lexicons than the current ones')
  .option('--no-wait', 'return once queued (in-process mode waits by default)')
  .action(async (options: { all?: boolean; stale?: boolean; wait: boolean }) => {
    const n = await reanalyze(config(), options);
    console.error(`${n} document(s) queued for analysis`);
  });

const review = program.command('review').description('reviews of the evidence as CSV or JSONL files (for coding in spreadsheets)');
review
  .command('export')
  .option('-o, --output <file>', 'write to this file instead of stdout')
  .addOption(new Option('--format <format>', 'file format (default: from the file name, else csv)').choices(['csv', 'jsonl']))
  .option('--document <id...>', 'only the reviews of these documents')
  .action(async (o: { output?: string; format?: string; document?: string[] }) => {
    await exportReviews(config(), { output: o.output, format: reviewFormat(o.output, o.format), documents: o.document });
  });
review
  .command('import')
  .argument('<file>', 'a CSV or JSONL file with the columns that `review export` writes')
  .addOption(new Option('--format <format>', 'file format (default: from the file name)').choices(['csv', 'jsonl']))
  .action(async (file: string, o: { format?: string }) => {
    if (!(await importReviews(config(), file, reviewFormat(file, o.format)))) process.exitCode = 1;
  });

function positive(value: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`a whole number from 1 to ${max}`);
  return n;
}

function config(): Config {
  return loadConfig();
}

const keys = program.command('keys').description('API keys (needed for uploads when the server listens beyond loopback)');
keys
  .command('create')
  .argument('<name>', 'who or what the key is for')
  .action(async (name: string) => {
    const { id, key } = await withApiKeys(config(), (k) => k.create(name));
    console.error(`key ${id} created; it is shown once, store it now:`);
    console.log(key);
  });
keys.command('list').action(async () => {
  console.table(await withApiKeys(config(), (k) => k.list()));
});
keys
  .command('revoke')
  .argument('<id>')
  .action(async (id: string) => {
    if (!(await withApiKeys(config(), (k) => k.revoke(id)))) throw new Error(`no active key ${id}`);
    console.error(`key ${id} revoked`);
  });

const lexicon = program.command('lexicon').description('the user lexicon: extra factors (user:…) from a quanteda YAML dictionary, used by every worker');
lexicon
  .command('import')
  .argument('<file>', 'a quanteda dictionary (YAML): keys are factors, values lists of globs (sanction*, "economic sanctions")')
  .action(async (file: string) => {
    const { importLexicon } = await import('./commands/lexicon.js');
    await importLexicon(config(), file);
  });
lexicon.command('list').action(async () => {
  const { listLexicon } = await import('./commands/lexicon.js');
  await listLexicon(config());
});
lexicon
  .command('remove')
  .argument('<id>', 'a user factor id (user:…)')
  .action(async (id: string) => {
    const { removeFromLexicon } = await import('./commands/lexicon.js');
    await removeFromLexicon(config(), id);
  });

program.parseAsync().catch((error: Error) => {
  console.error(error instanceof ConfigError ? error.message : `policylens: ${error.message}`);
  if (!(error instanceof ConfigError) && process.env.LOG_LEVEL === 'debug') console.error(error.stack);
  process.exit(1);
});
