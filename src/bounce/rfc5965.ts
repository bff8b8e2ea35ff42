// RFC 5965 Abuse Reporting Format: a feedback-loop complaint. Everything the feedback stage needs to trace the
// complaint back to a message and a sender identity: the reported message's Message-ID and our signed trace header.
import { extractAddress } from './address.js';
import { parseFieldGroups } from './fields.js';
import { decodedField, fieldValue } from '../shared/mime/header.js';
import { allParts, type MimePart } from '../shared/mime/reader.js';
import { originalHeaders } from './original.js';
import { outerParts } from './rfc3464.js';
import type { FeedbackFacts, ParseResult } from './types.js';

/** One feedback report and every recipient it names (RFC 5965 §3.2: Original-Rcpt-To may appear more than once). */
export interface FeedbackReport {
  facts: FeedbackFacts;
  recipients: string[];
}

/** Reports are not read deeper than this inside a digest of forwarded reports. */
const MAX_REPORTS = 100;

/**
 * Every feedback report of a message: the message itself when it is one, else each report forwarded inside it as
 * message/rfc822 (providers send digests of several reports; RFC 6650 §5 asks for one per message, not all comply).
 */
export function parseFeedbackReports(root: MimePart, outer: MimePart[], traceHeader: string): ParseResult<FeedbackReport[]> {
  const own = parseRfc5965(root, outer, traceHeader);
  if (own.kind === 'found') return { kind: 'found', value: [withRecipients(own.value, outer)] };
  const reports: FeedbackReport[] = [];
  for (const part of allParts(root).slice(1)) {
    if (reports.length >= MAX_REPORTS) break;
    const inner = part.type === 'message/rfc822' ? part.children[0] : undefined;
    if (!inner || inner.type !== 'multipart/report') continue;
    const innerOuter = outerParts(inner);
    const found = parseRfc5965(inner, innerOuter, traceHeader);
    if (found.kind === 'found') reports.push(withRecipients(found.value, innerOuter));
  }
  return reports.length > 0 ? { kind: 'found', value: reports } : own.kind === 'broken' ? own : { kind: 'not-this-kind' };
}

const RCPT_TO_FIELD = /^(?:original-rcpt-to|removal-recipient)[ \t]*:[ \t]*(.{1,1000})$/gim;

function withRecipients(facts: FeedbackFacts, outer: MimePart[]): FeedbackReport {
  const text = reportPartOf(outer)?.text ?? '';
  const named = [...text.matchAll(RCPT_TO_FIELD)].map((m) => extractAddress(m[1]!)).filter((a): a is string => a !== null);
  const unique = [...new Set(named.map((a) => a.toLowerCase()))].map((k) => named.find((a) => a.toLowerCase() === k)!);
  return { facts, recipients: unique.length > 0 ? unique : [facts.originalRcptTo ?? ''] };
}

/** The machine-readable part: typed message/feedback-report, or (some senders) a text part that carries the fields. */
function reportPartOf(outer: MimePart[]): MimePart | undefined {
  return outer.find((p) => p.type === 'message/feedback-report')
    ?? outer.find((p) => p.type.startsWith('text/') && /^Feedback-Type[ \t]*:/im.test(p.text.slice(0, 4096)) && /^(?:User-Agent|Version)[ \t]*:/im.test(p.text.slice(0, 4096)));
}

/** `traceHeader`: the header mailwarden signs into every message it relays (DESIGN.md §1, feedback). */
export function parseRfc5965(root: MimePart, outer: MimePart[], traceHeader: string): ParseResult<FeedbackFacts> {
  const claimsArf = root.type === 'multipart/report' && /feedback-report/i.test(root.params['report-type'] ?? '');
  const reportPart = outer.find((p) => p.type === 'message/feedback-report') ?? (claimsArf ? reportPartOf(outer) : undefined);
  if (!reportPart) return claimsArf ? { kind: 'broken', error: 'multipart/report of feedback-report without its report part' } : { kind: 'not-this-kind' };
  const fields = new Map<string, string>();
  for (const group of parseFieldGroups(reportPart.text)) for (const [k, v] of group) if (!fields.has(k)) fields.set(k, v);
  // RFC 5965 §3.1: Feedback-Type, User-Agent and Version are required; the type is what the stage acts upon.
  const feedbackType = fields.get('feedback-type')?.toLowerCase().split(/[\s;]/)[0];
  if (!feedbackType) return { kind: 'broken', error: 'feedback report without a Feedback-Type field' };
  const original = originalHeaders(root);
  const rcptTo = fields.get('original-rcpt-to') ?? fields.get('removal-recipient');
  return {
    kind: 'found',
    value: {
      feedbackType,
      userAgent: fields.get('user-agent') ?? null,
      originalMailFrom: addressOrNull(fields.get('original-mail-from')),
      originalRcptTo: addressOrNull(rcptTo) ?? (original ? addressOrNull(fieldValue(original, 'to') ?? '') : null),
      sourceIp: fields.get('source-ip') ?? null,
      arrivalDate: fields.get('arrival-date') ?? fields.get('received-date') ?? null,
      reportedDomain: fields.get('reported-domain') ?? null,
      original: {
        messageId: original ? (fieldValue(original, 'message-id') ?? '') || null : null,
        trace: original ? (fieldValue(original, traceHeader) ?? '') || null : null,
        from: original ? decodedField(original, 'from').trim() || null : null,
        to: original ? decodedField(original, 'to').trim() || null : null,
        subject: original ? decodedField(original, 'subject').trim() || null : null,
      },
    },
  };
}

function addressOrNull(value: string | undefined): string | null {
  return value ? extractAddress(value) : null;
}
