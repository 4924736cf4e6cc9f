// Why a document could not be analyzed. The code is stored on the document and shown to users;
// the status says what the user can do about it (give a password, run OCR, fix the file).

/** Every status a document can have, in the order of its life. */
export const DOCUMENT_STATUSES = ['queued', 'processing', 'done', 'failed', 'needs_password', 'needs_ocr'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
/** Waiting for, or in, an analysis: a queue must still hand these documents over. */
export const UNFINISHED_STATUSES: readonly DocumentStatus[] = ['queued', 'processing'];
/** The analysis has ended, one way or another; nothing happens to the document without a new request. */
export const FINISHED_STATUSES: readonly DocumentStatus[] = DOCUMENT_STATUSES.filter((s) => !UNFINISHED_STATUSES.includes(s));

export type AnalysisErrorCode =
  | 'unsupported_media_type' // not a PDF nor a text file (by content, whatever the name)
  | 'empty_file' // zero bytes
  | 'password_required' // encrypted PDF, no or wrong password
  | 'no_text_layer' // scanned PDF without text
  | 'pdf_invalid' // damaged beyond reading
  | 'timeout' // processing took longer than allowed
  | 'too_large' // too many pages, too much memory
  | 'crashed' // the analysis killed its process or thread (retried; final after JOB_ATTEMPTS crashes)
  | 'internal'; // a bug: the message says what failed

export class AnalysisError extends Error {
  override readonly name = 'AnalysisError';
  constructor(
    readonly code: AnalysisErrorCode,
    message: string,
    /** Extra facts for the user, e.g. the pages without a text layer. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The document status this error leaves the document in. */
  get status(): DocumentStatus {
    if (this.code === 'password_required') return 'needs_password';
    if (this.code === 'no_text_layer') return 'needs_ocr';
    return 'failed';
  }
}
