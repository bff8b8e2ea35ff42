// RFC 5322 header sections: where one ends, its fields (unfolded, bounded in count) and their values. Hand-written
// rather than mailsplit's Headers or libmime.decodeHeaders because every MIME part of every scored message and bounce
// goes through here and both build more than a reader needs; libmime still decodes encoded words (RFC 2047).
import libmime from 'libmime';
import { isUtf8 } from 'node:buffer';

export interface HeaderField {
  /** Field name, lower-case. */
  name: string;
  /**
   * Unfolded value (RFC 5322 §2.2.3), outer white space removed, encoded words not decoded. 8-bit bytes are read as
   * UTF-8 when the header section is valid UTF-8 (RFC 6532), else one character per byte.
   */
  value: string;
}

export interface HeaderLimits {
  /** Fields kept per header section; the rest is dropped with a defect. */
  maxFields: number;
  /** Bytes searched for the end of a header section; a longer one is cut there. */
  maxHeaderBytes: number;
}

export interface HeaderSection {
  fields: HeaderField[];
  /** Where the body starts in the source; source.length when there is no body. */
  bodyStart: number;
  defects: string[];
}

// RFC 5322 §3.6.8: field-name = 1*ftext, ftext = %d33-57 / %d59-126 (printable US-ASCII except ':').
const FIELD_LINE = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:/;
// A blank line in any of the line-end conventions mail arrives with (CR LF, LF, and the bare CR of old Mac mailers).
const BLANK_LINE = /\r?\n\r?\n|\r\r/;
const LINE_END = /\r\n|\r|\n/;
const EIGHT_BIT = /[\x80-\xff]/;

/** True when the source starts with a header field line (a header section rather than bare body text). */
export function startsWithField(source: string): boolean {
  return FIELD_LINE.test(source.slice(0, 1000));
}

/**
 * Reads the header section at the start of `source` (bytes as a latin1 string). A source that does not start with a
 * field line has no header: its body starts at 0 (after the blank line when it starts with one, RFC 2046 §5.1.1).
 */
export function readHeaderSection(source: string, limits: HeaderLimits): HeaderSection {
  const leadingBlank = /^(?:\r\n|\r|\n)/.exec(source);
  if (leadingBlank) return { fields: [], bodyStart: leadingBlank[0].length, defects: [] };
  if (!startsWithField(source)) return { fields: [], bodyStart: 0, defects: [] };
  const window = source.length > limits.maxHeaderBytes ? source.slice(0, limits.maxHeaderBytes) : source;
  const end = BLANK_LINE.exec(window);
  const defects: string[] = [];
  if (!end && window.length < source.length) defects.push(`header section longer than ${limits.maxHeaderBytes} bytes`);
  const block = end ? window.slice(0, end.index) : window;
  const { fields, defects: lineDefects } = parseFieldLines(asText(block).split(LINE_END), limits.maxFields);
  const bodyStart = end ? end.index + end[0].length : source.length;
  return { fields, bodyStart, defects: [...defects, ...lineDefects] };
}

/** A header block's 8-bit bytes as UTF-8 when they are UTF-8 (RFC 6532), else kept one character per byte. */
function asText(block: string): string {
  if (!EIGHT_BIT.test(block)) return block;
  const bytes = Buffer.from(block, 'latin1');
  return isUtf8(bytes) ? bytes.toString('utf8') : block;
}

function parseFieldLines(lines: string[], maxFields: number): { fields: HeaderField[]; defects: string[] } {
  const fields: HeaderField[] = [];
  // Each kind of defect once: a hostile header may have a million broken lines.
  const defects = new Set<string>();
  for (const line of lines) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      const last = fields[fields.length - 1];
      if (last) last.value += line;
      else defects.add('continuation line before any field');
      continue;
    }
    const m = FIELD_LINE.exec(line);
    if (!m) {
      if (line !== '') defects.add('line that is not a header field');
      continue;
    }
    if (fields.length >= maxFields) {
      defects.add('too many header fields');
      break;
    }
    fields.push({ name: m[1]!.toLowerCase(), value: line.slice(m[0].length) });
  }
  for (const f of fields) f.value = f.value.trim();
  return { fields, defects: [...defects] };
}

/** The first value of a field, or undefined. */
export function fieldValue(fields: readonly HeaderField[], name: string): string | undefined {
  const key = name.toLowerCase();
  for (const f of fields) if (f.name === key) return f.value;
  return undefined;
}

/** Every value of a field, topmost first. */
export function fieldValues(fields: readonly HeaderField[], name: string): string[] {
  const key = name.toLowerCase();
  return fields.filter((f) => f.name === key).map((f) => f.value);
}

/** The first value of a field with RFC 2047 encoded words decoded; '' when absent. */
export function decodedField(fields: readonly HeaderField[], name: string): string {
  const value = fieldValue(fields, name) ?? '';
  return value.includes('=?') ? libmime.decodeWords(value) : value;
}

/**
 * Every header field of a whole message, without a MIME walk: what identity, DKIM and the held-mail list read. No
 * cap below the size of `raw` (the caller's message limit bounds it): a sender-domain check must see every From:.
 */
export function messageHeader(raw: Buffer): HeaderField[] {
  const ends = [raw.indexOf('\r\n\r\n'), raw.indexOf('\n\n')].filter((i) => i >= 0);
  const head = raw.toString('latin1', 0, ends.length > 0 ? Math.min(...ends) + 4 : raw.length);
  return readHeaderSection(head, { maxFields: Infinity, maxHeaderBytes: head.length }).fields;
}
