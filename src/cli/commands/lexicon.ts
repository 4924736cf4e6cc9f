// `policylens lexicon import FILE | list | remove ID`: the user lexicon (extra factors from a
// quanteda YAML dictionary), stored in the database that every worker reads.
import { readFile } from 'node:fs/promises';
import type { Config } from '../../config.js';
import { createRuntime } from '../../runtime.js';
import type { UserLexiconListing, UserLexiconService } from '../../services/user-lexicon-service.js';

async function withUserLexicon<T>(config: Config, work: (lexicon: UserLexiconService) => Promise<T>): Promise<T> {
  const runtime = await createRuntime({ ...config, DATABASE_POOL_SIZE: 2 }, { analyze: false });
  try {
    return await work(runtime.services.userLexicon);
  } finally {
    await runtime.close();
  }
}

function printListing({ factors, lexiconVersion }: UserLexiconListing): void {
  for (const f of factors) console.log(`${f.id}\t${[...new Set(Object.values(f.label))].join(' / ')}\t${f.globs.join(', ')}`);
  console.error(`${factors.length} user factor(s); lexicon version ${lexiconVersion}`);
}

export async function importLexicon(config: Config, file: string): Promise<void> {
  const yaml = await readFile(file, 'utf8');
  const result = await withUserLexicon(config, (l) => l.import(yaml));
  console.error(`imported ${result.imported.length} factor(s) from ${file}; \`policylens reanalyze --stale\` applies them to the stored documents`);
  printListing(result);
}

export async function listLexicon(config: Config): Promise<void> {
  printListing(await withUserLexicon(config, (l) => l.list()));
}

export async function removeFromLexicon(config: Config, id: string): Promise<void> {
  const listing = await withUserLexicon(config, (l) => l.remove(id));
  console.error(`removed ${id}; \`policylens reanalyze --stale\` applies the change to the stored documents`);
  printListing(listing);
}
