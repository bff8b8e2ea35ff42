// RFC 5322 message syntax: the header section, its fields, and where the body starts. Hand-written rather than
// mailparser's simpleParser because scoring must stay near a millisecond per message (simpleParser builds a stream
// pipeline per message and decodes every attachment); libmime still does the decoding of words and parameters.

export interface HeaderField {
  /** Field name, lower-case. */
  name: string;
  /** Unfolded raw value (RFC 5322 §2.2.3), leading white space removed; encoded words not decoded. */
  value: string;
}

export interface HeaderLimits {
  maxFields: number;
}

/** A header block; `defects` lists lines that were not fields (RFC 5322 §2.2 makes them errors, we skip them). */
export interface HeaderBlock {
  fields: HeaderField[];
  defects: string[];
}

// RFC 5322 §3.6.8: field-name = 1*ftext, ftext = %d33-57 / %d59-126 (printable US-ASCII except ':').
const FIELD_LINE = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:/;

/** Parses header lines (already split on LF, CR removed) into fields, unfolding continuation lines. */
export function parseHeaderLines(lines: string[], limits: HeaderLimits): HeaderBlock {
  const fields: HeaderField[] = [];
  const defects: string[] = [];
  for (const line of lines) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      const last = fields[fields.length - 1];
      if (last) last.value += line;
      else defects.push('continuation line before any field');
      continue;
    }
    const m = FIELD_LINE.exec(line);
    if (!m) {
      defects.push('line that is not a header field');
      continue;
    }
    if (fields.length >= limits.maxFields) {
      defects.push('too many header fields');
      break;
    }
    fields.push({ name: m[1]!.toLowerCase(), value: line.slice(m[0].length).trimStart() });
  }
  return { fields, defects };
}

export type Rfc5322Result =
  | { kind: 'not-message'; reason: string }
  | { kind: 'message'; header: HeaderBlock; body: string };

/**
 * Splits a message (as a latin1 string, CR LF already turned into LF) into header fields and body. "Not a message"
 * when the first line is no header field (an mbox `From ` separator line is skipped first) or there are NUL bytes in
 * the header section; a message with some broken lines is still a message, with defects.
 */
export function parseRfc5322(text: string, limits: HeaderLimits): Rfc5322Result {
  let start = 0;
  if (text.startsWith('From ')) start = lineEnd(text, 0) + 1; // mbox separator, not a header (RFC 4155)
  const split = text.indexOf('\n\n', start);
  const headerEnd = split === -1 ? text.length : split;
  const headerText = text.slice(start, headerEnd);
  if (headerText.length === 0) return { kind: 'not-message', reason: 'empty or no header section' };
  if (headerText.includes('\0')) return { kind: 'not-message', reason: 'NUL bytes in the header section' };
  const lines = headerText.split('\n');
  if (!FIELD_LINE.test(lines[0]!)) return { kind: 'not-message', reason: 'the first line is not a header field' };
  const header = parseHeaderLines(lines, limits);
  return { kind: 'message', header, body: split === -1 ? '' : text.slice(split + 2) };
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i === -1 ? text.length : i;
}

/** The first value of a field, or undefined. */
export function fieldValue(fields: HeaderField[], name: string): string | undefined {
  for (const f of fields) if (f.name === name) return f.value;
  return undefined;
}
