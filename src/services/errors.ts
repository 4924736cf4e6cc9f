// What a service refuses to do for a caller, as a message of the catalogue (src/messages) with the
// values the caller can act on. The API turns each code into its HTTP status and writes the message
// in the request's language; the CLI prints the English `message`.
import { render, type Message, type MessageDetail, type MessageKey } from '../messages/index.js';

export type RequestErrorCode =
  | 'not_found' // no such document, factor or collection
  | 'ambiguous_id' // an id prefix that more than one document starts with
  | 'not_analyzed' // the document exists but has no results yet
  | 'invalid_query'; // a request that cannot be answered as asked

export class RequestError extends Error {
  override readonly name = 'RequestError';
  readonly said: Message;
  constructor(
    readonly code: RequestErrorCode,
    key: MessageKey,
    details: Record<string, MessageDetail> = {},
  ) {
    const said = { key, details };
    super(render('en', said));
    this.said = said;
  }
}
