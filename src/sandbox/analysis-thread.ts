// Runs inside a worker thread: the analysis, isolated from the process that owns the HTTP server and
// the queue connection. pdf.js blocks its thread while it parses; here that blocks nobody else, and a
// parse that hangs or eats memory can be killed without killing the process.
import { parentPort } from 'node:worker_threads';
import { analyze } from '../analysis/index.js';
import { AnalysisError } from '../analysis/errors.js';
import type { ThreadReady, ThreadRequest, ThreadResponse } from './protocol.js';

if (!parentPort) throw new Error('analysis-thread.ts must run as a worker thread');
const port = parentPort;

port.on('message', async (request: ThreadRequest) => {
  let response: ThreadResponse;
  try {
    const result = await analyze(request.bytes, request.meta);
    response = { taskId: request.taskId, ok: true, ...result };
  } catch (error) {
    response =
      error instanceof AnalysisError
        ? { taskId: request.taskId, ok: false, code: error.code, message: error.message, details: error.details }
        : { taskId: request.taskId, ok: false, code: 'internal', message: String((error as Error)?.stack ?? error), details: {} };
  }
  port.postMessage(response);
});
// Warm up before saying ready: the first analysis loads dictionaries and compiles lexicons, and
// that one-off cost must not count against the first document's time limit.
await analyze(new TextEncoder().encode('Warm-up: sanctions and exports.\n\nРазогрев: санкции и экспорт.'), { filename: 'warm-up.txt' });
port.postMessage({ ready: true } satisfies ThreadReady);
