// Runs as a child process (ANALYSIS_ISOLATION=process): the analysis with everything it allocates,
// native memory included, in a process the pool can measure and kill as a whole (with tesseract).
import { serve } from './answer.js';
import type { RunnerMessage, RunnerRequest } from './protocol.js';

if (!process.send) throw new Error('analysis-process.ts must run as a child process with an IPC channel');
const send = (message: RunnerMessage) => process.send!(message);
// The pool went away (its process died): nobody waits for this analysis any more.
process.on('disconnect', () => process.exit(0));
await serve(send, (handler) => process.on('message', (request: RunnerRequest) => handler(request)));
