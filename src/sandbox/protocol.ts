// Messages between the analysis pool and its threads.
import type { AnalysisErrorCode } from '../analysis/errors.js';
import type { AnalysisResult } from '../analysis/index.js';
import type { DocumentMeta } from '../analysis/types.js';

export interface ThreadRequest {
  taskId: number;
  bytes: Uint8Array;
  meta: DocumentMeta;
}

/** Sent once by a thread when its modules are loaded: time limits count from then on. */
export interface ThreadReady {
  ready: true;
}

export type ThreadResponse =
  | ({ taskId: number; ok: true } & AnalysisResult)
  | { taskId: number; ok: false; code: AnalysisErrorCode; message: string; details: Record<string, unknown> };
