// `policylens reanalyze [--all|--stale]`: analyze stored documents again, e.g. after a lexicon edit.
import type { Config } from '../../config.js';
import { createRuntime } from '../../runtime.js';

export async function reanalyze(config: Config, options: { all?: boolean; stale?: boolean; wait: boolean }): Promise<number> {
  if (!options.all && !options.stale) throw new Error('say which documents: --all, or --stale (analyzed with other lexicons)');
  const runtime = await createRuntime(config, { analyze: !config.REDIS_URL });
  try {
    const queued = await runtime.services.documents.reanalyzeFinished({ staleOnly: !options.all });
    if (options.wait) await runtime.idle();
    return queued;
  } finally {
    await runtime.close();
  }
}
