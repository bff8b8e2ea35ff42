// Split a received message into its header block and body (RFC 5322 §2.1: the first empty line separates them), and
// rebuild it with headers removed; mailsplit's Headers does the parsing and keeps every byte we do not touch.
import mailsplit, { type HeaderLine, type Headers } from 'mailsplit';

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

/** The unfolded value of a header line, decoded as UTF-8 (RFC 6532 allows raw UTF-8 in header values). */
export function headerValue(h: HeaderLine): string {
  const colon = h.line.indexOf(':');
  const raw = Buffer.from(h.line.slice(colon + 1), 'binary').toString('utf8');
  return raw.replace(/\r?\n(?=[ \t])/g, '').trim();
}

/** Values of every header called `name`, topmost first. */
export function headerValues(headers: Headers, name: string): string[] {
  const key = name.toLowerCase();
  return headers.getList().filter((h) => h.key === key).map(headerValue);
}
