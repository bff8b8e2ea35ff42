// The one MIME reader (RFC 2045/2046): content scoring (src/inspect/content/message.ts) and the bounce reader
// (src/bounce/read.ts) walk messages with it, identity, DKIM and the held-mail list read header fields through its
// header module (src/shared/mime/header.ts).
//
// Synchronous and bounded, since strangers write what it reads and both callers run it in hot loops (a scored message
// near a millisecond, bounces by the thousand per second): mailparser and mailsplit are stream-based and asynchronous,
// and build what neither caller reads. The parts that are hard to get right are still the libraries': parameters and
// encoded words (libmime), transfer decodings (libbase64, libqp), charsets (libmime over iconv-lite). It never throws:
// what breaks a limit or the syntax is a defect, and the parse keeps what it could read.
import libmime from 'libmime';
import { decode as decodeBase64 } from 'libbase64';
import { decode as decodeQp } from 'libqp';
import { decodeCharset } from './charset.js';
import { decodedField, fieldValue, readHeaderSection, startsWithField, type HeaderField, type HeaderLimits } from './header.js';
import { splitMultipartTolerant } from './multipart.js';

export interface MimeLimits extends HeaderLimits {
  /** Bytes of the message read at all; the rest is ignored as if the message were truncated. */
  maxBytes: number;
  /** Levels of multipart and embedded messages below the top. */
  maxDepth: number;
  /** MIME entities in the whole tree, containers included. */
  maxParts: number;
  /** Bytes of a part after transfer decoding; at most 4 × this many characters of its encoded body are decoded. */
  maxPartBytes: number;
  /** Characters of decoded text kept per part. */
  maxTextChars: number;
}

export interface MimeMessage {
  root: MimePart;
  /** Why the bytes are not a message (no header section, NUL bytes in it), or null. The tree is read all the same. */
  notMessage: string | null;
  /** What did not parse or was cut by a limit, in reading order. */
  defects: string[];
}

/** Media types whose body is read as text: the text types and the report parts of DSNs, ARF and MDNs. */
const TEXTUAL = new Set([
  'message/delivery-status',
  'message/global-delivery-status',
  'message/feedback-report',
  'message/rfc822-headers',
  'message/global-headers',
  'message/disposition-notification',
]);
const EMBEDDED = new Set(['message/rfc822', 'message/global', 'message/partial']);
const IDENTITY_ENCODINGS = new Set(['', '7bit', '8bit', 'binary']);
const NOT_PLAIN_ASCII = /[^\t\n\r\x20-\x7e]/;

export class MimePart {
  readonly children: MimePart[] = [];
  /** True when a multipart ended without its closing boundary (RFC 2046 §5.1.1): a truncated message. */
  truncated = false;
  /** Lower-case media type, "text/plain" when absent (RFC 2045 §5.2). */
  readonly type: string;
  readonly params: Record<string, string>;
  /** Lower-case transfer encoding, '7bit' when absent (RFC 2045 §6.1). */
  readonly transferEncoding: string;
  private decodedContent: Buffer | undefined;
  private decodedText: string | undefined;
  private disposition: { value: string; params: Record<string, string> } | undefined;

  constructor(
    readonly fields: HeaderField[],
    /**
     * The encoded body when this part is read as content: a leaf, or a multipart whose boundary never occurs (a text
     * body mislabelled). The reader sets it to null for a container it walked and for a part cut by a limit.
     */
    public body: string | null,
    private readonly limits: MimeLimits,
  ) {
    const ct = libmime.parseHeaderValue(fieldValue(fields, 'content-type') ?? 'text/plain');
    this.type = (ct.value || 'text/plain').trim().toLowerCase();
    this.params = ct.params as Record<string, string>;
    this.transferEncoding = (fieldValue(fields, 'content-transfer-encoding') ?? '7bit').trim().toLowerCase() || '7bit';
  }

  /** The first value of a header field (raw, encoded words kept), '' when absent. */
  header(name: string): string {
    return fieldValue(this.fields, name) ?? '';
  }

  /** The first value of a header field with RFC 2047 encoded words decoded, '' when absent. */
  decodedHeader(name: string): string {
    return decodedField(this.fields, name);
  }

  /** File name from Content-Disposition or Content-Type (RFC 2183 §2.3), decoded; '' when none. */
  get filename(): string {
    const raw = this.contentDisposition().params.filename ?? this.params.name ?? '';
    return raw ? libmime.decodeWords(raw).trim() : '';
  }

  /** Marked as an attachment, or a named part that is not text. */
  get isAttachment(): boolean {
    return this.contentDisposition().value.toLowerCase() === 'attachment' || (this.filename !== '' && !this.type.startsWith('text/'));
  }

  /** The body with its transfer encoding removed, at most `maxPartBytes`; decoded on first read. */
  get content(): Buffer {
    this.decodedContent ??= this.body === null ? Buffer.alloc(0) : decodeTransfer(this.body, this.transferEncoding, this.limits.maxPartBytes);
    return this.decodedContent;
  }

  /**
   * Decoded text of a textual part (charset by `guessCharset`, CR LF read as LF, at most `maxTextChars`); '' for other
   * parts. Decoded on first read: most parts of a bounce (the returned message's) are never read.
   */
  get text(): string {
    this.decodedText ??= this.readsAsText() ? this.decodeText(this.body!) : '';
    return this.decodedText;
  }

  private readsAsText(): boolean {
    return this.body !== null && (this.type.startsWith('text/') || this.type.startsWith('multipart/') || TEXTUAL.has(this.type));
  }

  private decodeText(body: string): string {
    // Plain ASCII needs no decoding whatever its label says (no ISO-2022-JP escapes in it): most report text is.
    const plain = IDENTITY_ENCODINGS.has(this.transferEncoding) && !NOT_PLAIN_ASCII.test(body);
    const text = plain ? body.slice(0, this.limits.maxTextChars + 1) : decodeCharset(this.content, this.params.charset);
    const lines = text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
    return lines.length > this.limits.maxTextChars ? lines.slice(0, this.limits.maxTextChars) : lines;
  }

  private contentDisposition(): { value: string; params: Record<string, string> } {
    this.disposition ??= libmime.parseHeaderValue(this.header('content-disposition')) as { value: string; params: Record<string, string> };
    return this.disposition;
  }
}

/** Reads a raw message into its MIME tree (bytes as latin1 so that every byte survives until its charset is known). */
export function readMime(raw: Buffer, limits: MimeLimits): MimeMessage {
  const source = raw.toString('latin1', 0, Math.min(raw.length, limits.maxBytes));
  // RFC 4155: an mbox "From " separator line is not a header field.
  const start = source.startsWith('From ') ? lineAfter(source, 0) : 0;
  const walk: Walk = { limits, defects: [], parts: 0 };
  const message = source.slice(start);
  const root = readEntity(message, 0, walk);
  return { root, notMessage: notMessage(message, root), defects: walk.defects };
}

function notMessage(source: string, root: MimePart): string | null {
  if (root.fields.length === 0) return source === '' || /^[\r\n]/.test(source) ? 'empty or no header section' : 'the first line is not a header field';
  return root.fields.some((f) => f.value.includes('\0') || f.name.includes('\0')) ? 'NUL bytes in the header section' : null;
}

interface Walk {
  limits: MimeLimits;
  defects: string[];
  parts: number;
}

function readEntity(source: string, depth: number, walk: Walk): MimePart {
  walk.parts++;
  const section = readHeaderSection(source, walk.limits);
  walk.defects.push(...section.defects);
  const part = new MimePart(section.fields, source.slice(section.bodyStart), walk.limits);
  const embedded = EMBEDDED.has(part.type);
  if (!embedded && !part.type.startsWith('multipart/')) return part;
  if (depth >= walk.limits.maxDepth) {
    walk.defects.push('MIME nesting too deep');
    part.body = null;
    return part;
  }
  return embedded ? readEmbedded(part, depth, walk) : readMultipart(part, depth, walk);
}

/**
 * RFC 2046 §5.2.1: an embedded message is walked as a message, so a forwarded phish is still seen and a bounce's
 * returned headers are read. Its transfer encoding (base64 from some gateways) is removed first, within the cap.
 */
function readEmbedded(part: MimePart, depth: number, walk: Walk): MimePart {
  const body = part.body!;
  const inner = IDENTITY_ENCODINGS.has(part.transferEncoding) ? body.slice(0, walk.limits.maxPartBytes) : part.content.toString('latin1');
  part.body = null;
  if (!startsWithField(inner) && !/^\r?\n/.test(inner)) walk.defects.push('attached message without a header section');
  part.children.push(readEntity(inner, depth + 1, walk));
  return part;
}

function readMultipart(part: MimePart, depth: number, walk: Walk): MimePart {
  const boundary = part.params.boundary ?? '';
  const split = splitMultipartTolerant(part.body!, boundary);
  if (split.bodies.length === 0) {
    // No delimiter line at all: a text body mislabelled, kept readable as text.
    walk.defects.push(boundary ? 'multipart without its boundary' : 'multipart without a boundary parameter');
    return part;
  }
  part.body = null;
  if (split.guessed) walk.defects.push('multipart split on a boundary it does not declare');
  part.truncated = !split.closed;
  if (!split.closed) walk.defects.push('multipart without its closing boundary');
  for (const body of split.bodies) {
    if (walk.parts >= walk.limits.maxParts) {
      walk.defects.push('too many MIME parts');
      break;
    }
    part.children.push(readEntity(body, depth + 1, walk));
  }
  return part;
}

function lineAfter(source: string, from: number): number {
  const i = source.indexOf('\n', from);
  return i === -1 ? source.length : i + 1;
}

function decodeTransfer(body: string, encoding: string, maxBytes: number): Buffer {
  // Base64 packs 3 bytes in 4 characters and quoted-printable takes at most 3 characters a byte: 4 × the byte cap of
  // encoded input is enough, and more is never decoded.
  if (encoding === 'base64' || encoding === 'quoted-printable') {
    const input = body.length > maxBytes * 4 ? body.slice(0, maxBytes * 4) : body;
    const bytes = encoding === 'base64' ? decodeBase64(input) : decodeQp(input);
    return bytes.length > maxBytes ? bytes.subarray(0, maxBytes) : bytes;
  }
  return Buffer.from(body.length > maxBytes ? body.slice(0, maxBytes) : body, 'latin1');
}

/** Depth-first list of every part, the root first. */
export function allParts(root: MimePart): MimePart[] {
  const out: MimePart[] = [];
  const walk = (p: MimePart): void => {
    out.push(p);
    for (const c of p.children) walk(c);
  };
  walk(root);
  return out;
}

/** The parts read as content (leaves, and multiparts read as text), depth-first. */
export function contentParts(root: MimePart): MimePart[] {
  return allParts(root).filter((p) => p.body !== null);
}
