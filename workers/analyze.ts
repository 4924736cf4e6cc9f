// Entry point of a queue worker process (`npm run worker`): the worker role and nothing else.
import { ConfigError, loadConfig } from '../src/config.js';
import { stopOnSignals } from '../src/roles/signals.js';
import { startWorker } from '../src/roles/worker.js';

try {
  const runtime = await startWorker(loadConfig());
  stopOnSignals(() => runtime.close());
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
