// A document's id is the sha256 of its bytes, in hex: the same file sent twice (by upload, the CLI
// or a bulk ingest) is one document, and a file can be looked up by its content alone.
import { createHash } from 'node:crypto';

export function documentId(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
