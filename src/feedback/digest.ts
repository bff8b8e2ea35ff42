// A digest of forwarded reports: some providers send several complaints in one message, each forwarded as
// message/rfc822 (RFC 6650 §5 asks for one report per message; not all comply). Each forwarded report is taken in
// as a report of its own, so that complaints about different messages each reach their own sender. The bounce
// reader reads a digest as one report with every recipient (right for `mailwarden bounce`), which would tie every
// complaint of the digest to the first message traced; the bytes of each report are needed here, and its parts do
// not keep them, so the digest is cut up at its boundaries (the shared RFC 2046 splitter).
import libmime from 'libmime';
import { splitMultipart } from '../shared/mime/multipart.js';

const HEADER_END = /\r?\n\r?\n/;
const CONTENT_TYPE = /^content-type[ \t]*:[ \t]*(.*(?:\r?\n[ \t].*)*)/im;

/** Header block and body of an entity (latin1 text: every byte kept); a part may have no header at all. */
function entity(source: string): { head: string; body: string } {
  const leading = /^\r?\n/.exec(source);
  if (leading) return { head: '', body: source.slice(leading[0].length) };
  const end = HEADER_END.exec(source);
  return end ? { head: source.slice(0, end.index), body: source.slice(end.index + end[0].length) } : { head: source, body: '' };
}

function contentType(head: string, fallback: string): { type: string; params: Record<string, string> } {
  const value = CONTENT_TYPE.exec(head)?.[1]?.replace(/\r?\n[ \t]+/g, ' ');
  const parsed = libmime.parseHeaderValue(value ?? fallback);
  return { type: (parsed.value || fallback).trim().toLowerCase(), params: parsed.params as Record<string, string> };
}

const isFeedbackReport = (head: string) => {
  const ct = contentType(head, 'text/plain');
  return ct.type === 'multipart/report' && /feedback-report/i.test(ct.params['report-type'] ?? '');
};

/** The forwarded feedback reports of a digest, each as its own message; null when the message is no such digest. */
export function forwardedReports(raw: Buffer, max: number): Buffer[] | null {
  const outer = entity(raw.toString('latin1'));
  const ct = contentType(outer.head, 'text/plain');
  if (!ct.type.startsWith('multipart/') || ct.type === 'multipart/report' || !ct.params.boundary) return null;
  const parts = splitMultipart(outer.body, ct.params.boundary)?.bodies ?? [];
  // In a multipart/digest a part without a Content-Type is a message (RFC 2046 §5.1.5).
  const partDefault = ct.type === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
  const reports: Buffer[] = [];
  for (const part of parts) {
    const p = entity(part);
    if (contentType(p.head, partDefault).type !== 'message/rfc822') continue;
    // message/rfc822 is never base64 or quoted-printable (RFC 2046 §5.2.1): its bytes are the message.
    if (isFeedbackReport(entity(p.body).head)) reports.push(Buffer.from(p.body, 'latin1'));
    if (reports.length >= max) break;
  }
  return reports.length >= 2 ? reports : null;
}
