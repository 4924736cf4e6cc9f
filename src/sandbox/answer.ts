// What a thread or a child process does with a request: the same code in both, so that the two
// isolation modes differ only in what can be killed.
import { analyze } from '../analysis/index.js';
import { AnalysisError } from '../analysis/errors.js';
import { watchOcrPrograms } from '../analysis/extract/pdf/ocr.js';
import type { AnalysisRequest, AnalysisResponse, RunnerMessage, RunnerRequest } from './protocol.js';

export async function answer(request: AnalysisRequest): Promise<AnalysisResponse> {
  try {
    const result = await analyze(request.bytes, request.meta);
    return { taskId: request.taskId, ok: true, ...result };
  } catch (error) {
    return error instanceof AnalysisError
      ? { taskId: request.taskId, ok: false, code: error.code, message: error.message, details: error.details }
      : { taskId: request.taskId, ok: false, code: 'internal', message: String((error as Error)?.stack ?? error), details: {} };
  }
}

/**
 * Loads and warms the analysis, then says ready: the first analysis loads dictionaries and compiles
 * lexicons, and that one-off cost must not count against the first document's time limit.
 */
export async function serve(send: (message: RunnerMessage) => void, onRequest: (handler: (request: RunnerRequest) => void) => void): Promise<void> {
  // pdf.js can reject promises nobody awaits (work for a document already destroyed, on damaged
  // files): they belong to no result, and must not end the runner with the next document in it.
  process.on('unhandledRejection', (reason) => console.error('analysis: unhandled rejection ignored:', (reason as Error)?.message ?? reason));
  watchOcrPrograms((programPid, running) => send({ programPid, running }));
  onRequest((request) => ('flush' in request ? send({ flushed: true }) : void answer(request).then(send)));
  await analyze(new TextEncoder().encode('Warm-up: sanctions and exports.\n\nРазогрев: санкции и экспорт.'), { filename: 'warm-up.txt' });
  send({ ready: true });
}
