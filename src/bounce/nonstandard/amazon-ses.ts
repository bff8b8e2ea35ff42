// Amazon SES event notifications delivered by email (SNS "AWS Notification Message"): a JSON document, not a DSN.
// Shapes from the SES developer guide, "Amazon SES notification contents": notificationType Bounce, Complaint or
// Delivery, with the recipients and, for bounces, each recipient's action, status and diagnostic code. The `mail`
// object names the envelope sender SES was given (`mail.source`) and may carry the original message's headers
// (`mail.headers`, a list of name and value): the two ways back to our message, which SNS's line folding hides from
// a search of the raw text. The JSON comes from a stranger: every field is checked for
// its type before use, and lists are read no further than a report could sensibly name.
import type { FeedbackFacts, ParseResult, QuotedTrace, RecipientFacts } from '../types.js';
import type { Reason } from '../../classify/types.js';
import { findCode } from '../smtp-reply.js';

export type SesNotification =
  | { type: 'bounce' | 'delivery'; recipients: RecipientFacts[]; quoted: QuotedTrace }
  | { type: 'complaint'; recipients: RecipientFacts[]; feedback: FeedbackFacts; quoted: QuotedTrace };

/** Recipients read from one notification (SES batches at most 50 per message; more is noise or an attack). */
const MAX_RECIPIENTS = 100;
/** Header entries looked at in `mail.headers` (SES truncates the list itself; `headersTruncated`). */
const MAX_HEADERS = 500;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown, max = MAX_RECIPIENTS): unknown[] => (Array.isArray(v) ? v.slice(0, max) : []);
const strings = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === 'string');

/** A bounce subtype that says the mailbox is gone, in the bounce reader's reasons. */
const SUBTYPE_HINT: Record<string, Reason> = { noemail: 'userunknown' };

export function parseAmazonSes(text: string, traceHeader: string): ParseResult<SesNotification> {
  // Either the notification itself, or an SNS envelope ({"Type": "Notification", "Message": "<JSON text>"}).
  if (!text.includes('notificationType')) return { kind: 'not-this-kind' };
  const start = text.search(/\{\s*"(?:notificationType|Type)"/);
  if (start < 0) return { kind: 'not-this-kind' };
  const end = text.lastIndexOf('}');
  // SNS wraps long lines in the email body: a newline followed by one space continues the same JSON line.
  const json = text.slice(start, end + 1).replace(/\r?\n /g, '');
  let doc: Json;
  try {
    doc = obj(JSON.parse(json));
    if (doc.Type === 'Notification' && typeof doc.Message === 'string') doc = obj(JSON.parse(doc.Message));
  } catch {
    return { kind: 'broken', error: 'Amazon SES notification whose JSON does not parse' };
  }
  const mail = obj(doc.mail);
  const quoted = { returnPath: str(mail.source) ?? null, trace: traceOf(mail, traceHeader) };
  switch (doc.notificationType) {
    case 'Bounce': {
      const b = obj(doc.bounce);
      // Without a DSN SES names no status: its bounce type says whether the failure is permanent.
      const status = b.bounceType === 'Permanent' ? '5.0.0' : b.bounceType === 'Transient' ? '4.0.0' : null;
      const hint = SUBTYPE_HINT[str(b.bounceSubType)?.toLowerCase() ?? ''] ?? null;
      const recipients = list(b.bouncedRecipients).map((r) => fromSes(obj(r), str(b.remoteMtaIp), status, hint));
      return found('bounce', recipients, quoted);
    }
    case 'Delivery': {
      const d = obj(doc.delivery);
      const reply = str(d.smtpResponse);
      const recipients = strings(d.recipients).map((a) => fromSes({ emailAddress: a, action: 'delivered', ...(reply ? { diagnosticCode: reply } : {}) }, str(d.remoteMtaIp), null, null));
      return found('delivery', recipients, quoted);
    }
    case 'Complaint': {
      const c = obj(doc.complaint);
      const headers = obj(mail.commonHeaders);
      const recipients = list(c.complainedRecipients).map((r) => fromSes(obj(r), undefined, null, null)).filter((r) => r.recipient !== '');
      if (recipients.length === 0) return { kind: 'broken', error: 'Amazon SES complaint without recipients' };
      const joined = (v: unknown) => strings(v).join(', ') || null;
      const feedback: FeedbackFacts = {
        feedbackType: (str(c.complaintFeedbackType) ?? 'abuse').toLowerCase(),
        userAgent: str(c.userAgent) ?? null,
        originalMailFrom: str(mail.source) ?? null,
        originalRcptTo: recipients[0]!.recipient,
        sourceIp: str(mail.sourceIp) ?? null,
        arrivalDate: str(c.arrivalDate) ?? null,
        reportedDomain: null,
        original: { messageId: str(headers.messageId) ?? null, trace: quoted.trace, from: joined(headers.from), to: joined(headers.to), subject: str(headers.subject) ?? null },
      };
      return { kind: 'found', value: { type: 'complaint', recipients, feedback, quoted } };
    }
    default:
      return { kind: 'broken', error: `Amazon SES notification of unknown type ${JSON.stringify(str(doc.notificationType) ?? null)}` };
  }
}

/** Our trace header among the original headers SES was configured to include. */
function traceOf(mail: Json, traceHeader: string): string | null {
  const name = traceHeader.toLowerCase();
  const entry = list(mail.headers, MAX_HEADERS).map(obj).find((h) => str(h.name)?.toLowerCase() === name);
  return str(entry?.value) ?? null;
}

function found(type: 'bounce' | 'delivery', all: RecipientFacts[], quoted: QuotedTrace): ParseResult<SesNotification> {
  const recipients = all.filter((r) => r.recipient !== '');
  return recipients.length > 0 ? { kind: 'found', value: { type, recipients, quoted } } : { kind: 'broken', error: `Amazon SES ${type} notification without recipients` };
}

function fromSes(r: Json, remoteMtaIp: string | undefined, status: string | null, hint: Reason | null): RecipientFacts {
  const diagnostic = str(r.diagnosticCode)?.replace(/^smtp;\s*/i, '') || null;
  const action = str(r.action)?.toLowerCase();
  return {
    recipient: str(r.emailAddress) ?? '',
    status: str(r.status) ?? status,
    code: diagnostic ? findCode(diagnostic) : null,
    diagnostic,
    remoteMta: remoteMtaIp ?? null,
    dsnAction: action === 'failed' || action === 'delayed' || action === 'delivered' ? action : null,
    phase: null,
    hint,
  };
}
