// Runs inside a worker thread (ANALYSIS_ISOLATION=thread): the analysis, off the event loop of the
// process that owns the HTTP server and the queue connection. Its heap is limited; native memory
// (pdf.js's typed arrays, the canvas) is not — process isolation bounds that.
import { parentPort } from 'node:worker_threads';
import { serve } from './answer.js';

if (!parentPort) throw new Error('analysis-thread.ts must run as a worker thread');
const port = parentPort;
await serve((message) => port.postMessage(message), (handler) => port.on('message', handler));
