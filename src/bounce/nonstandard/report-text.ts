// The human-readable report of a bounce: the text the MTA wrote, without the returned copy of the message that
// non-MIME bounces append after a separator line.
import { readHeaderSection, type HeaderField } from '../../shared/mime/header.js';
import { type MimePart } from '../../shared/mime/reader.js';

/** Separator lines that start the returned message in the common non-MIME formats (qmail, Exim, Gmail, DMA, …). */
const RETURNED_MESSAGE = new RegExp(
  '^(?:' +
    [
      '[-= ]*(?:Below this line is a copy of the message|This is a copy of the message|Original message|Returned mail follows|Message headers follow|The original message (?:follows|is attached|headers)|Original Message follows|Forwarded message|Undelivered message headers follow|The header of the original message)',
      '[-= ]+ ?(?:Original|Unsent|Returned) (?:message|mail|headers)',
      '(?:Return-Path|Received|DKIM-Signature|X-Received|ARC-Seal|X-Google-Smtp-Source):',
    ].join('|') +
    ')',
  'im',
);

export interface ReportText {
  /** What the reporting MTA wrote. */
  report: string;
  /** An inline copy of the returned message, when the report carries one after a separator. */
  returned: string;
}

/** The report text of a bounce: its first text part outside the returned message, cut before any inline copy. */
export function reportText(root: MimePart, outer: MimePart[]): ReportText {
  const plain = outer.find((p) => p.type === 'text/plain' && p.text.trim() !== '');
  const html = plain ? null : outer.find((p) => p.type === 'text/html' && p.text.trim() !== '');
  const text = plain?.text ?? (html ? htmlToText(html.text) : root.text);
  const cut = RETURNED_MESSAGE.exec(text);
  return cut ? { report: text.slice(0, cut.index), returned: text.slice(cut.index) } : { report: text, returned: '' };
}

/** The header fields of an inline returned message (headers pasted into the report text after a separator). */
export function inlineHeaders(returned: string): HeaderField[] {
  const start = returned.search(/^[\x21-\x39\x3b-\x7e]+[ \t]*:/m);
  if (start < 0) return [];
  const head = returned.slice(start, start + 65536);
  return readHeaderSection(head, { maxFields: 500, maxHeaderBytes: head.length }).fields;
}

/** Enough of HTML to read an NDR (Exchange, Office 365 send HTML-only reports): tags out, entities decoded. */
function htmlToText(html: string): string {
  return withoutElements(html, 'style')
    .replace(/<br\s*\/?>|<\/(?:p|div|tr|li|h\d)>/gi, '\n')
    .replace(/<[^<>]{0,2000}>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d{1,7});/g, (_m, d: string) => String.fromCodePoint(Number(d) % 0x110000))
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ');
}

/** Drops <name>…</name> elements with a linear scan (a regex over unclosed elements would backtrack). */
function withoutElements(html: string, name: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let pos = 0;
  for (;;) {
    const open = lower.indexOf(`<${name}`, pos);
    if (open < 0) return out + html.slice(pos);
    const close = lower.indexOf(`</${name}>`, open);
    out += html.slice(pos, open);
    if (close < 0) return out;
    pos = close + name.length + 3;
  }
}

/** Addresses the bounce is addressed to or from: the original sender and the daemon, never a failed recipient. */
export function bounceParties(root: MimePart): string[] {
  return ['to', 'from', 'reply-to', 'return-path', 'sender'].map((h) => root.header(h)).filter(Boolean);
}
