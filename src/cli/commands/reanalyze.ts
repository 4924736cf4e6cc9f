// `policylens reanalyze [--all|--stale]`: analyze stored documents again, e.g. after a lexicon edit.
import { lexiconVersion } from '../../analysis/lexicon-files.js';
import type { Config } from '../../config.js';
import { createRuntime } from '../../runtime.js';

export async function reanalyze(config: Config, options: { all?: boolean; stale?: boolean; wait: boolean }): Promise<number> {
  if (!options.all && !options.stale) throw new Error('say which documents: --all, or --stale (analyzed with other lexicons)');
  const runtime = await createRuntime(config, { analyze: !config.REDIS_URL });
  try {
    const ids = await runtime.documents.listForReanalysis({ staleAgainst: options.all ? undefined : lexiconVersion() });
    await runtime.documentService.reanalyze(ids);
    if (options.wait) await runtime.idle();
    return ids.length;
  } finally {
    await runtime.close();
  }
}
