// One parse per message: everything the rules and the tokenizer read, decoded once. The MIME tree comes from the
// shared reader (src/shared/mime/reader.ts); this module picks what scoring reads from it.
import libmime from 'libmime';
import addressparser from 'nodemailer/lib/addressparser';
import { decodedField, type HeaderField } from '../../shared/mime/header.js';
import { contentParts, readMime } from '../../shared/mime/reader.js';
import { analyseHtml, type HtmlFeatures } from './html.js';
import type { ScoreContext } from './types.js';
import { bareUrls, parseLink, textUrls, trackedDestination, type Link } from './urls.js';

export interface Mailbox {
  name: string;
  address: string;
  /** Lower-case domain of the address, '' when none. */
  domain: string;
}

export interface TextPart {
  html: boolean;
  transferEncoding: string;
  /** Decoded text; for HTML, the markup. */
  content: string;
}

/** A part that is not body text: an attachment, an image, a calendar entry. */
export interface Attachment {
  /** Lower-case type/subtype. */
  contentType: string;
  /** Decoded file name; '' when none. */
  filename: string;
  /** Content with the transfer encoding removed. */
  content: Buffer;
}

export interface ContentMessage {
  headers: HeaderField[];
  subject: string;
  from: Mailbox | null;
  replyTo: Mailbox | null;
  to: Mailbox[];
  textParts: TextPart[];
  attachments: Attachment[];
  /** Readable text of the whole message: plain parts and the visible text of HTML parts. */
  text: string;
  /**
   * Subject and text in lower case, made once: the tokenizer reads `text`; the phrase rules read `own`, the text
   * without the lines quoted from an earlier message ("> ..."): in a reply those are the correspondent's words, not
   * what the sender asks of the reader; and the HTML text alone where the plain part repeats it (`phraseText`).
   */
  lower: { subject: string; text: string; own: string };
  /** HTML analysis of all HTML parts together (empty features when there are none). */
  html: HtmlFeatures | null;
  links: Link[];
  defects: string[];
}

export interface ParseLimits {
  /** Bytes of the message read for scoring; the rest is ignored (a 25 MB attachment need not be decoded). */
  maxBytes: number;
  maxDepth: number;
  maxParts: number;
  maxFields: number;
  /** Characters of decoded text kept per message for rules and tokens. */
  maxTextChars: number;
}

export const defaultParseLimits: ParseLimits = {
  maxBytes: 2 * 1024 * 1024,
  maxDepth: 8,
  maxParts: 100,
  maxFields: 500,
  maxTextChars: 200_000,
};

export type ParsedContent = { kind: 'not-message'; reason: string } | { kind: 'message'; message: ContentMessage };

// The relay parses each message for two readers after DATA (the content scorer and the behaviour stage's facts):
// the result is kept per raw buffer, so the second reader with the same limits gets the first one's parse. A
// WeakMap entry goes with its buffer; the parse is never changed by its readers.
const parses = new WeakMap<Buffer, { limits: ParseLimits; result: ParsedContent }>();

function sameLimits(a: ParseLimits, b: ParseLimits): boolean {
  return a.maxBytes === b.maxBytes && a.maxDepth === b.maxDepth && a.maxParts === b.maxParts
    && a.maxFields === b.maxFields && a.maxTextChars === b.maxTextChars;
}

export function parseContent(raw: Buffer, limits: ParseLimits = defaultParseLimits): ParsedContent {
  const known = parses.get(raw);
  if (known && sameLimits(known.limits, limits)) return known.result;
  const result = parseUncached(raw, limits);
  parses.set(raw, { limits: { ...limits }, result });
  return result;
}

function parseUncached(raw: Buffer, limits: ParseLimits): ParsedContent {
  // Scoring keeps every attachment within the bytes it reads (zip entries, macros, magic numbers are looked at).
  const mime = readMime(raw, { ...limits, maxHeaderBytes: limits.maxBytes, maxPartBytes: limits.maxBytes });
  if (mime.notMessage) return { kind: 'not-message', reason: mime.notMessage };
  const fields = mime.root.fields;
  const textParts: TextPart[] = [];
  const attachments: Attachment[] = [];
  for (const part of contentParts(mime.root)) {
    // A multipart read as content had no boundary to split on: its body is text (RFC 2045 §5.2's default).
    const contentType = part.type.startsWith('multipart/') ? 'text/plain' : part.type;
    if ((contentType === 'text/plain' || contentType === 'text/html') && !part.isAttachment) {
      textParts.push({ html: contentType === 'text/html', transferEncoding: part.transferEncoding, content: part.text });
    } else attachments.push({ contentType, filename: part.filename, content: part.content });
  }
  const htmlSource = textParts.filter((p) => p.html).map((p) => p.content).join('\n');
  const html = htmlSource ? analyseHtml(htmlSource) : null;
  const plain = textParts.filter((p) => !p.html).map((p) => p.content).join('\n');
  const readable = (plain + '\n' + (html?.text ?? '')).slice(0, limits.maxTextChars);
  const links = [
    ...(html?.links.map((l) => parseLink(l.href, l.text, 'anchor')) ?? []),
    ...(html?.sources.map((s) => parseLink(s, '', 'source')) ?? []),
    ...textUrls(plain).map((u) => parseLink(u, '', 'text')),
    ...bareUrls(readable).map((u) => parseLink(u, '', 'text')),
  ].map((l) => trackedDestination(l) ?? l);
  const subject = decoded(fields, 'subject');
  const lowerText = readable.toLowerCase();
  const phrases = phraseText(plain, html?.text.slice(0, limits.maxTextChars) ?? '', lowerText);
  return {
    kind: 'message',
    message: {
      headers: fields,
      subject,
      from: mailboxes(fields, 'from')[0] ?? null,
      replyTo: mailboxes(fields, 'reply-to')[0] ?? null,
      to: mailboxes(fields, 'to'),
      textParts,
      attachments,
      text: readable,
      lower: { subject: subject.toLowerCase(), text: lowerText, own: withoutQuotedLines(phrases) },
      html,
      links,
      defects: mime.defects,
    },
  };
}

/**
 * The text the phrase rules read: the plain and the HTML text, or the HTML text alone where the plain part only
 * repeats it. A multipart/alternative message says the same thing in both (RFC 2046 §5.1.4) and the reader sees the
 * HTML one; reading both runs every phrase list twice over the same words (the phrase lists are the largest part of
 * the scoring time). A plain part that says much the HTML does not (an image-only HTML part, another text) is read
 * too; a sentence or two found only in the plain version, which no HTML reader sees, may not be. The model's tokens
 * still come from both (`text`).
 */
function phraseText(plain: string, htmlText: string, lowerText: string): string {
  if (!plain || !htmlText) return lowerText;
  const htmlLower = htmlText.toLowerCase();
  return plainRepeats(plain.toLowerCase(), htmlLower) ? htmlLower : lowerText;
}

/** Words of the plain text checked against the HTML text: spread over the whole text, so no part of it is skipped. */
const REPEAT_SAMPLES = 64;
/** Sampled words the HTML text may lack (a word broken differently, a line only the plain version has) and still
 * say the same. */
const REPEAT_MAX_MISSING = 2;
/** A word of the prose: letters only (addresses, numbers and links are written differently in the two versions). */
const PROSE_WORD = /^\p{L}{5,}$/u;

function plainRepeats(plainLower: string, htmlLower: string): boolean {
  // The word at each of REPEAT_SAMPLES evenly spaced places (the first prose word from there): no split of the
  // whole text, which would cost about what it saves.
  const stride = Math.max(1, Math.floor(plainLower.length / REPEAT_SAMPLES));
  let checked = 0;
  let missing = 0;
  for (let at = 0; at < plainLower.length; at += stride) {
    const word = proseWordFrom(plainLower, at, at + stride);
    if (word === null) continue;
    checked++;
    if (!htmlLower.includes(word) && ++missing > REPEAT_MAX_MISSING) return false;
  }
  return checked > 0;
}

/** The first prose word that starts in [from, before) (a word cut at `from` does not count), or null. */
function proseWordFrom(text: string, from: number, before: number): string | null {
  let i = from;
  if (i > 0) while (i < text.length && !isBlank(text.charCodeAt(i - 1))) i++;
  while (i < before && i < text.length) {
    while (i < text.length && isBlank(text.charCodeAt(i))) i++;
    if (i >= before) return null;
    const start = i;
    while (i < text.length && !isBlank(text.charCodeAt(i))) i++;
    const word = text.slice(start, i);
    if (PROSE_WORD.test(word)) return word;
  }
  return null;
}

const isBlank = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0;

/** Text without the lines a reply quotes (RFC 3676 §4.5: quoted lines start with ">"). */
function withoutQuotedLines(text: string): string {
  return text.includes('\n>') || text.startsWith('>') ? text.split('\n').filter((line) => !line.startsWith('>')).join('\n') : text;
}

function decoded(fields: HeaderField[], name: string): string {
  return decodedField(fields, name).trim();
}

function mailboxes(fields: HeaderField[], name: string): Mailbox[] {
  const f = fields.find((x) => x.name === name);
  if (!f) return [];
  const out: Mailbox[] = [];
  for (const a of addressparser(f.value, { flatten: true })) {
    if (!('address' in a) || a.address === undefined) continue;
    const address = a.address.trim();
    out.push({
      name: libmime.decodeWords(a.name ?? '').trim(),
      address,
      domain: address.includes('@') ? address.slice(address.lastIndexOf('@') + 1).toLowerCase() : '',
    });
  }
  return out;
}

/** Who the message goes to: the envelope recipients when the relay knows them, else the To field's addresses. */
export function recipientsOf(msg: ContentMessage, ctx: ScoreContext): string[] {
  return ctx.recipients?.length ? ctx.recipients : msg.to.map((t) => t.address);
}

/** Every mailbox the From field names (RFC 5322 §3.6.2 allows several, with a Sender then required). */
export function fromMailboxes(msg: ContentMessage): Mailbox[] {
  return mailboxes(msg.headers, 'from');
}

/** Value of the first field of that name, encoded words decoded; '' when absent. */
export function headerText(msg: ContentMessage, name: string): string {
  return decoded(msg.headers, name);
}

export function hasHeader(msg: ContentMessage, name: string): boolean {
  return msg.headers.some((f) => f.name === name);
}
