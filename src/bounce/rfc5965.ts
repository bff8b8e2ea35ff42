// RFC 5965 Abuse Reporting Format: a feedback-loop complaint. Everything the feedback stage needs to trace the
// complaint back to a message and a sender identity: the reported message's Message-ID and our signed trace header.
import { extractAddress } from './address.js';
import { parseFieldGroups } from './fields.js';
import { decodedHeader, header, type MimePart } from './mime.js';
import { originalHeaders } from './original.js';
import type { FeedbackFacts, ParseResult } from './types.js';

/** `traceHeader`: the header mailwarden signs into every message it relays (DESIGN.md §1, feedback). */
export function parseRfc5965(root: MimePart, outer: MimePart[], traceHeader: string): ParseResult<FeedbackFacts> {
  const reportPart = outer.find((p) => p.type === 'message/feedback-report');
  const claimsArf = root.type === 'multipart/report' && /feedback-report/i.test(root.params['report-type'] ?? '');
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
      originalRcptTo: addressOrNull(rcptTo) ?? (original ? addressOrNull(header(original, 'to')) : null),
      sourceIp: fields.get('source-ip') ?? null,
      arrivalDate: fields.get('arrival-date') ?? fields.get('received-date') ?? null,
      reportedDomain: fields.get('reported-domain') ?? null,
      original: {
        messageId: original ? header(original, 'message-id').trim() || null : null,
        trace: original ? header(original, traceHeader.toLowerCase()).trim() || null : null,
        from: original ? decodedHeader(original, 'from').trim() || null : null,
        to: original ? decodedHeader(original, 'to').trim() || null : null,
        subject: original ? decodedHeader(original, 'subject').trim() || null : null,
      },
    },
  };
}

function addressOrNull(value: string | undefined): string | null {
  return value ? extractAddress(value) : null;
}
