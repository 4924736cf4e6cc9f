// A new installation shows something at once: on an empty database the sample papers in corpus/
// are ingested once, in the collection "sample".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { corpusDir } from '../paths.js';
import type { DocumentService } from './document-service.js';

export const SAMPLE_COLLECTION = 'sample';

/** The corpus files to ingest: papers as .pdf or .txt; a .txt whose .pdf exists is the PDF's source. */
export function sampleFiles(dir = corpusDir): string[] {
  const names = readdirSync(dir);
  const pdfs = new Set(names.filter((n) => n.endsWith('.pdf')).map((n) => n.slice(0, -4)));
  return names
    .filter((n) => n.endsWith('.pdf') || (n.endsWith('.txt') && !pdfs.has(n.slice(0, -4))))
    .sort()
    .map((n) => join(dir, n));
}

/** Queues the sample papers when the database holds no document; returns how many. */
export async function seedSampleCorpus(documents: DocumentService, log: Logger): Promise<number> {
  if ((await documents.count()) > 0) return 0;
  const files = sampleFiles();
  for (const path of files) {
    await documents.submit({
      bytes: new Uint8Array(readFileSync(path)),
      filename: path.split('/').pop()!,
      collections: [SAMPLE_COLLECTION],
    });
  }
  log.info({ documents: files.length }, 'empty database: sample corpus queued');
  return files.length;
}
