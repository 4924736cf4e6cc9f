// Entry point of a queue worker process (`npm run worker`): the worker role and nothing else.
import { ConfigError, loadConfig } from '../src/config.js';
import { stopOnSignals } from '../src/roles/signals.js';
import { startWorker } from '../src/roles/worker.js';

try {
  // Signals are handled from the first moment: a SIGTERM while the worker starts stops it once started.
  const runtime = startWorker(loadConfig());
  stopOnSignals(async () => (await runtime).close());
  await runtime;
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
