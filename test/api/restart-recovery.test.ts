// Without Redis, documents left queued or processing by a crash are taken again on the next start.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../../src/paths.js';
import { startWeb } from '../../src/roles/web.js';
import { openStore } from '../../src/store/database.js';
import { DocumentsRepository } from '../../src/store/documents-repository.js';
import { silentLogger, testConfig, waitFor } from '../support/runtime.js';

const PAPERS = ['en-2-brain-drain-human-capital.txt', 'ru-2-national-innovation-system.txt'];

describe('in-process mode after a crash', () => {
  it('analyzes documents that a previous run left queued or processing', async () => {
    const config = testConfig();
    // What a crashed run leaves behind: stored documents, one mid-analysis, none analyzed.
    const store = await openStore({ dataDir: config.dataDir });
    const documents = new DocumentsRepository(store.db);
    const ids: string[] = [];
    for (const [i, name] of PAPERS.entries()) {
      const bytes = new Uint8Array(readFileSync(join(corpusDir, name)));
      const { document } = await documents.insertIfAbsent({ id: `${i}`.repeat(64), filename: name, mediaType: 'text/plain', bytes, collections: [] });
      ids.push(document.id);
    }
    await documents.markProcessing(ids[0]!);
    await store.close();

    const web = await startWeb(config, silentLogger());
    try {
      const restarted = web.runtime.services.documents;
      await waitFor('both documents analyzed', async () => (await restarted.findMany(ids)).every((d) => d.status === 'done'));
      // Each was analyzed from its stored bytes, and its results are stored with it.
      for (const [i, id] of ids.entries()) {
        const summary = await restarted.summary(id);
        expect(summary?.document.filename).toBe(PAPERS[i]);
        expect(summary?.factors.length).toBeGreaterThan(0);
      }
    } finally {
      await web.stop();
      config.cleanup();
    }
  });
});
