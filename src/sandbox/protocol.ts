// Messages between the analysis pool and its threads or child processes.
import type { AnalysisErrorCode } from '../analysis/errors.js';
import type { AnalysisResult } from '../analysis/index.js';
import type { DocumentMeta } from '../analysis/types.js';

export interface AnalysisRequest {
  taskId: number;
  bytes: Uint8Array;
  meta: DocumentMeta;
}

/** Sent once by a runner when its modules are loaded: time limits count from then on. */
export interface RunnerReady {
  ready: true;
}

/**
 * A program the analysis started (tesseract) or that ended: a thread cannot kill its children when
 * it is terminated, so the pool keeps their ids to do it.
 */
export interface ProgramStarted {
  programPid: number;
  running: boolean;
}

/**
 * Asks a thread to answer once it has read this: its reports (ProgramStarted) sent before the
 * answer have then all been read, so none of its programs is missed when it is stopped.
 */
export interface FlushReports {
  flush: true;
}

export interface ReportsFlushed {
  flushed: true;
}

export type RunnerRequest = AnalysisRequest | FlushReports;

export type AnalysisResponse =
  | ({ taskId: number; ok: true } & AnalysisResult)
  | { taskId: number; ok: false; code: AnalysisErrorCode; message: string; details: Record<string, unknown> };

export type RunnerMessage = AnalysisResponse | RunnerReady | ProgramStarted | ReportsFlushed;
