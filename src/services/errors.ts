// What a service refuses to do for a caller, in words the caller can act on. The API turns each
// code into its HTTP status; the CLI prints the message.

export type RequestErrorCode =
  | 'not_found' // no such document, factor or collection
  | 'ambiguous_id' // an id prefix that more than one document starts with
  | 'not_analyzed' // the document exists but has no results yet
  | 'invalid_query'; // a request that cannot be answered as asked

export class RequestError extends Error {
  override readonly name = 'RequestError';
  constructor(
    readonly code: RequestErrorCode,
    message: string,
  ) {
    super(message);
  }
}
