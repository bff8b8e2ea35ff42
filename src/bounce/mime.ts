// A synchronous, tolerant MIME walker for bounce and report emails.
//
// Why not mailsplit/mailparser directly: both are stream-based and asynchronous, while `parseBounce(raw)` is a pure
// synchronous function called in hot loops (≥ 2,000 bounces/s) and must survive truncated or garbage MIME with a
// result rather than an exception. The pieces that are hard to get right are the libraries' own: header unfolding
// and parameters (libmime), encoded words (libmime), transfer decodings (libqp, libbase64) and charsets, including the
// Japanese ISO-2022-JP/Shift_JIS families (libmime's charset module over iconv-lite and encoding-japanese). What is left
// here is finding boundaries, bounded in depth, part count and bytes.
import libmime from 'libmime';
import { decode as decodeCharset } from 'libmime/lib/charset.js';
import { decode as decodeQp } from 'libqp';
import { decode as decodeBase64 } from 'libbase64';
import { isUtf8 } from 'node:buffer';
import { splitMultipart, type MultipartBodies } from '../shared/mime/multipart.js';

/** Limits of the walk (the `bounce` section of the configuration schema). */
export interface MimeLimits {
  maxDepth: number;
  maxParts: number;
  maxTextChars: number;
  maxHeaderBytes: number;
}

export interface MimePart {
  /** Lower-case header name → raw unfolded values, in order. */
  headers: Record<string, string[]>;
  /** Lower-case media type, "text/plain" when absent (RFC 2045 §5.2). */
  type: string;
  params: Record<string, string>;
  /** Decoded text of a leaf part (empty for multiparts and non-text parts). */
  text: string;
  /** Sub-parts of a multipart, or the single embedded message of a message/rfc822 part. */
  children: MimePart[];
  /** True when a multipart ended without its closing boundary (RFC 2046 §5.1.1): a truncated message. */
  truncated: boolean;
}

/** The first value of a header, or '' when absent. */
export function header(part: MimePart, name: string): string {
  return part.headers[name]?.[0] ?? '';
}

/** A header value with RFC 2047 encoded words decoded. */
export function decodedHeader(part: MimePart, name: string): string {
  const value = header(part, name);
  return value.includes('=?') ? libmime.decodeWords(value) : value;
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

/** Parses a raw message (bytes as latin1 string so that every byte survives until its charset is known). */
export function parseMime(raw: Buffer, limits: MimeLimits): MimePart {
  const budget = { parts: limits.maxParts };
  return parseEntity(raw.toString('latin1'), 0, limits, budget);
}

const HEADER_END = /\r?\n\r?\n/;

function parseEntity(source: string, depth: number, limits: MimeLimits, budget: { parts: number }): MimePart {
  budget.parts--;
  const end = HEADER_END.exec(source.length > limits.maxHeaderBytes ? source.slice(0, limits.maxHeaderBytes) : source);
  const headBlock = end ? source.slice(0, end.index) : looksLikeHeaders(source) ? source : '';
  const body = end ? source.slice(end.index + end[0].length) : headBlock ? '' : source;
  const parsed = libmime.parseHeaderValue(findHeader(headBlock, CONTENT_TYPE) ?? 'text/plain');
  const type = (parsed.value || 'text/plain').trim().toLowerCase();
  const params = parsed.params as Record<string, string>;
  const encoding = (findHeader(headBlock, CONTENT_TRANSFER_ENCODING) ?? '').trim().toLowerCase();
  const part: MimePart = { headers: {}, type, params, text: '', children: [], truncated: false };
  // Header parsing and text decoding are the costly steps, and most parts (the returned message's own) are never
  // read: both happen on first use.
  let headers: Record<string, string[]> | undefined;
  Object.defineProperty(part, 'headers', { enumerable: true, get: () => (headers ??= parseHeaders(headBlock)) });
  const lazyText = (source: string): void => {
    let decoded: string | undefined;
    Object.defineProperty(part, 'text', { enumerable: true, get: () => (decoded ??= decodeText(source, encoding, params, limits)) });
  };
  const canDescend = depth < limits.maxDepth && budget.parts > 0;

  if (type.startsWith('multipart/') && canDescend) {
    const { bodies, closed } = splitMultipartTolerant(body, params.boundary ?? '');
    part.truncated = !closed;
    // A multipart whose boundary never occurs is a plain text body mislabelled: keep its text readable.
    if (bodies.length === 0) lazyText(body);
    for (const b of bodies) {
      if (budget.parts <= 0) break;
      part.children.push(parseEntity(b, depth + 1, limits, budget));
    }
  } else if (isEmbeddedMessage(type) && canDescend) {
    // The returned message is read only as far as the text cap: its headers are what the reports need.
    part.children.push(parseEntity(transferDecode(body, encoding, limits).toString('latin1'), depth + 1, limits, budget));
  } else if (isTextual(type)) {
    lazyText(body);
  }
  return part;
}

function isEmbeddedMessage(type: string): boolean {
  return type === 'message/rfc822' || type === 'message/global' || type === 'message/partial';
}

/** Types whose body we read as text: bounce wording, DSN/ARF fields, the returned headers. */
function isTextual(type: string): boolean {
  return (
    type.startsWith('text/') ||
    type === 'message/delivery-status' ||
    type === 'message/global-delivery-status' ||
    type === 'message/feedback-report' ||
    type === 'message/rfc822-headers' ||
    type === 'message/global-headers' ||
    type === 'message/disposition-notification'
  );
}

/** A body without a blank line may still be a header-only entity (a truncated message). */
function looksLikeHeaders(source: string): boolean {
  return /^[!-9;-~]+:/.test(source);
}

function parseHeaders(block: string): Record<string, string[]> {
  if (!block) return {};
  const out: Record<string, string[]> = {};
  const decoded = libmime.decodeHeaders(block);
  for (const [key, values] of Object.entries(decoded)) {
    out[key.toLowerCase()] = (Array.isArray(values) ? values : [values]).map((v) => String(v));
  }
  return out;
}

/**
 * Splits on the declared boundary, or, when it is missing or never occurs (a boundary parameter on an unfolded
 * line, hand-edited samples, broken gateways), on a "--token" line that repeats: the boundary the body really uses.
 */
function splitMultipartTolerant(body: string, boundary: string): MultipartBodies {
  const declared = (boundary ? splitMultipart(body, boundary) : null) ?? { bodies: [], closed: false };
  if (declared.bodies.length > 0) return declared;
  const candidate = /^--(?=\S{6,70}\r?$)(\S*[^\s-]\S*)\r?$/m.exec(body.length > 65536 ? body.slice(0, 65536) : body);
  return candidate && body.split(`--${candidate[1]}`).length > 2 ? (splitMultipart(body, candidate[1]!) ?? declared) : declared;
}

function transferDecode(body: string, encoding: string, limits: MimeLimits): Buffer {
  // Base64 packs 3 bytes in 4 characters; QP at most 3 characters per byte: cap the input before decoding.
  const cap = limits.maxTextChars * 4;
  const input = body.length > cap ? body.slice(0, cap) : body;
  if (encoding === 'base64') return decodeBase64(input);
  if (encoding === 'quoted-printable') return decodeQp(input);
  return Buffer.from(input, 'latin1');
}

function decodeText(body: string, encoding: string, params: Record<string, string>, limits: MimeLimits): string {
  // Most bounce text is plain ASCII: nothing to decode, whatever the label says (no ISO-2022-JP escapes in it).
  if (encoding !== 'base64' && encoding !== 'quoted-printable' && !NOT_PLAIN_ASCII.test(body)) {
    return body.length > limits.maxTextChars ? body.slice(0, limits.maxTextChars) : body;
  }
  const bytes = transferDecode(body, encoding, limits);
  const text = decodeCharset(bytes, guessCharset(bytes, params.charset));
  return text.length > limits.maxTextChars ? text.slice(0, limits.maxTextChars) : text;
}

const NOT_PLAIN_ASCII = /[^\t\n\r\x20-\x7e]/;

const CONTENT_TYPE = /^content-type[ \t]*:[ \t]*(.*(?:\r?\n[ \t].*)*)/im;
const CONTENT_TRANSFER_ENCODING = /^content-transfer-encoding[ \t]*:[ \t]*(.*(?:\r?\n[ \t].*)*)/im;

/** One header's unfolded value straight from the header block, without parsing the others. */
function findHeader(block: string, pattern: RegExp): string | undefined {
  const m = pattern.exec(block);
  return m ? m[1]!.replace(/\r?\n[ \t]+/g, ' ').trim() : undefined;
}

/**
 * The declared charset, unless the bytes say otherwise: Japanese MTAs often send ISO-2022-JP (recognisable by its
 * escape sequences) labelled us-ascii or unlabelled, EUC-JP labelled ISO-2022-JP, and 8-bit text that is not UTF-8
 * is best read as Latin-1.
 */
function guessCharset(bytes: Buffer, declared: string | undefined): string {
  const label = (declared ?? '').trim().toLowerCase();
  if ((!label || label === 'us-ascii') && bytes.includes('\x1b$B')) return 'iso-2022-jp';
  // ISO-2022-JP is a 7-bit code: 8-bit bytes under that label are really UTF-8 or, from Japanese Unix MTAs, EUC-JP.
  if (label === 'iso-2022-jp' && bytes.some((b) => b > 0x7f)) return isUtf8(bytes) ? 'utf-8' : 'euc-jp';
  if (label && label !== 'us-ascii') return label;
  return isUtf8(bytes) ? 'utf-8' : 'latin1';
}
