// Split a received message into its header block and body (RFC 5322 §2.1: the first empty line separates them), and
// rebuild it with headers removed; mailsplit's Headers does the editing and keeps every byte we do not touch. Reading
// header fields goes through the MIME reader's header module (src/shared/mime/header.ts), not through here.
import mailsplit, { type Headers } from 'mailsplit';

const SEPARATOR = Buffer.from('\r\n\r\n');

export interface MessageParts {
  headers: Headers;
  /** Everything after the empty line (may be empty). */
  body: Buffer;
}

export function splitMessage(raw: Buffer): MessageParts {
  const end = raw.indexOf(SEPARATOR);
  // A message without an empty line is all header (RFC 5322 §3.5 makes the body optional).
  const headerBytes = end < 0 ? raw : raw.subarray(0, end + 2);
  const body = end < 0 ? Buffer.alloc(0) : raw.subarray(end + 4);
  return { headers: new mailsplit.Headers(headerBytes), body };
}

/**
 * `prefix` (header lines to put on top) + header block (ending with the empty line) + body, as bytes: one copy of
 * the body, however many headers are added, since a message may be tens of megabytes.
 */
export function joinMessage(parts: MessageParts, prefix: Buffer = Buffer.alloc(0)): Buffer {
  return Buffer.concat([prefix, parts.headers.build('\r\n'), parts.body]);
}
