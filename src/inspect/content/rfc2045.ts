// RFC 2045/2046 MIME structure: walks the body parts of a message (bounded in depth and count, since a stranger
// writes them), decodes the content transfer encoding and, for text, the charset. Multipart containers are walked;
// message/rfc822 parts are walked as nested messages (RFC 2046 §5.2.1) so a forwarded phish is still seen.
import libmime from 'libmime';
import { decode as decodeCharset } from 'libmime/lib/charset.js';
import { decode as decodeQp } from 'libqp';
import { splitMultipart } from '../../shared/mime/multipart.js';
import { parseHeaderLines, parseRfc5322, fieldValue, type HeaderField } from './rfc5322.js';

export interface MimeLimits {
  maxDepth: number;
  maxParts: number;
  maxFields: number;
}

export interface MimeLeaf {
  /** Lower-case type/subtype; RFC 2045 §5.2 default text/plain. */
  contentType: string;
  charset: string;
  /** Lower-case transfer encoding; '7bit' when absent (RFC 2045 §6.1). */
  transferEncoding: string;
  /** File name from Content-Disposition or Content-Type (RFC 2183 §2.3), decoded; '' when none. */
  filename: string;
  isAttachment: boolean;
  /** Content with the transfer encoding removed. */
  content: Buffer;
}

export interface MimeTree {
  leaves: MimeLeaf[];
  defects: string[];
}

/** Walks the MIME tree under a message's header fields and body (latin1 string, LF line ends). */
export function walkMime(fields: HeaderField[], body: string, limits: MimeLimits): MimeTree {
  const tree: MimeTree = { leaves: [], defects: [] };
  walk(fields, body, 0, limits, tree);
  return tree;
}

function walk(fields: HeaderField[], body: string, depth: number, limits: MimeLimits, tree: MimeTree): void {
  if (tree.leaves.length >= limits.maxParts) {
    tree.defects.push('too many MIME parts');
    return;
  }
  const ct = libmime.parseHeaderValue(fieldValue(fields, 'content-type') ?? 'text/plain');
  const contentType = ct.value.toLowerCase() || 'text/plain';
  if (contentType.startsWith('multipart/') || contentType === 'message/rfc822') {
    if (depth >= limits.maxDepth) {
      tree.defects.push('MIME nesting too deep');
      return;
    }
    if (contentType === 'message/rfc822') {
      const inner = parseRfc5322(body, limits);
      if (inner.kind === 'message') walk(inner.header.fields, inner.body, depth + 1, limits, tree);
      else tree.defects.push(`attached message: ${inner.reason}`);
      return;
    }
    const boundary = ct.params.boundary;
    const parts = boundary ? splitMultipart(body, boundary) : null;
    if (parts) {
      for (const part of parts.bodies) walkPart(part, depth + 1, limits, tree);
      return;
    }
    tree.defects.push(boundary ? 'multipart without its boundary' : 'multipart without a boundary parameter');
  }
  tree.leaves.push(leaf(fields, ct.params, contentType.startsWith('multipart/') ? 'text/plain' : contentType, body));
}

function walkPart(part: string, depth: number, limits: MimeLimits, tree: MimeTree): void {
  const split = part.indexOf('\n\n');
  // RFC 2046 §5.1.1: a part with no header fields at all starts with the blank line and is text/plain.
  const headerText = part.startsWith('\n') ? '' : split === -1 ? part : part.slice(0, split);
  const body = part.startsWith('\n') ? part.slice(1) : split === -1 ? '' : part.slice(split + 2);
  const header = parseHeaderLines(headerText ? headerText.split('\n') : [], limits);
  tree.defects.push(...header.defects);
  walk(header.fields, body, depth, limits, tree);
}

function leaf(fields: HeaderField[], ctParams: Record<string, string>, contentType: string, body: string): MimeLeaf {
  const transferEncoding = (fieldValue(fields, 'content-transfer-encoding') ?? '7bit').trim().toLowerCase();
  const disposition = libmime.parseHeaderValue(fieldValue(fields, 'content-disposition') ?? '');
  const rawName = disposition.params.filename ?? ctParams.name ?? '';
  const filename = rawName ? libmime.decodeWords(rawName).trim() : '';
  return {
    contentType,
    charset: (ctParams.charset ?? '').toLowerCase(),
    transferEncoding,
    filename,
    isAttachment: disposition.value.toLowerCase() === 'attachment' || (filename !== '' && !contentType.startsWith('text/')),
    content: decodeTransfer(body, transferEncoding),
  };
}

function decodeTransfer(body: string, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(body, 'base64'); // Node skips the line breaks and stray characters
  if (encoding === 'quoted-printable') return decodeQp(body);
  return Buffer.from(body, 'latin1');
}

/** Text of a text/* leaf in its declared charset (none declared: windows-1252, a superset of the RFC 2045 default us-ascii that keeps 8-bit bytes readable). */
export function leafText(leaf: MimeLeaf): string {
  return decodeCharset(leaf.content, leaf.charset || 'windows-1252');
}
