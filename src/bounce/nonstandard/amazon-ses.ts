// Amazon SES event notifications delivered by email (SNS "AWS Notification Message"): a JSON document, not a DSN.
// Shapes from the SES developer guide, "Amazon SES notification contents": notificationType Bounce, Complaint or
// Delivery, with the recipients and, for bounces, each recipient's action, status and diagnostic code.
import type { FeedbackFacts, ParseResult, RecipientFacts } from '../types.js';
import { findCode } from '../smtp-reply.js';

export type SesNotification =
  | { type: 'bounce' | 'delivery'; recipients: RecipientFacts[] }
  | { type: 'complaint'; recipients: RecipientFacts[]; feedback: FeedbackFacts };

interface SesRecipient {
  emailAddress?: string;
  action?: string;
  status?: string;
  diagnosticCode?: string;
}
interface SesDocument {
  notificationType?: string;
  bounce?: { bouncedRecipients?: SesRecipient[]; remoteMtaIp?: string };
  complaint?: { complainedRecipients?: SesRecipient[]; complaintFeedbackType?: string; userAgent?: string; arrivalDate?: string };
  delivery?: { recipients?: string[]; smtpResponse?: string; remoteMtaIp?: string; reportingMTA?: string };
  mail?: { source?: string; sourceIp?: string; messageId?: string; commonHeaders?: { from?: string[]; to?: string[]; subject?: string; messageId?: string } };
}

export function parseAmazonSes(text: string): ParseResult<SesNotification> {
  // Either the notification itself, or an SNS envelope ({"Type": "Notification", "Message": "<JSON text>"}).
  if (!text.includes('notificationType')) return { kind: 'not-this-kind' };
  const start = text.search(/\{\s*"(?:notificationType|Type)"/);
  if (start < 0) return { kind: 'not-this-kind' };
  const end = text.lastIndexOf('}');
  // SNS wraps long lines in the email body: a newline followed by one space continues the same JSON line.
  const json = text.slice(start, end + 1).replace(/\r?\n /g, '');
  let doc: SesDocument & { Type?: string; Message?: unknown };
  try {
    doc = JSON.parse(json) as typeof doc;
    if (doc.Type === 'Notification' && typeof doc.Message === 'string') doc = JSON.parse(doc.Message) as typeof doc;
  } catch {
    return { kind: 'broken', error: 'Amazon SES notification whose JSON does not parse' };
  }
  switch (doc.notificationType) {
    case 'Bounce':
      return found('bounce', (doc.bounce?.bouncedRecipients ?? []).map((r) => fromSes(r, doc.bounce?.remoteMtaIp)));
    case 'Delivery': {
      const reply = doc.delivery?.smtpResponse ?? null;
      const recipients = (doc.delivery?.recipients ?? []).map((a) => fromSes({ emailAddress: a, action: 'delivered', ...(reply ? { diagnosticCode: reply } : {}) }, doc.delivery?.remoteMtaIp));
      return found('delivery', recipients);
    }
    case 'Complaint': {
      const c = doc.complaint ?? {};
      const headers = doc.mail?.commonHeaders ?? {};
      const recipients = (c.complainedRecipients ?? []).map((r) => fromSes(r, undefined));
      if (recipients.length === 0) return { kind: 'broken', error: 'Amazon SES complaint without recipients' };
      const feedback: FeedbackFacts = {
        feedbackType: (c.complaintFeedbackType ?? 'abuse').toLowerCase(),
        userAgent: c.userAgent ?? null,
        originalMailFrom: doc.mail?.source ?? null,
        originalRcptTo: recipients[0]!.recipient,
        sourceIp: doc.mail?.sourceIp ?? null,
        arrivalDate: c.arrivalDate ?? null,
        reportedDomain: null,
        original: { messageId: headers.messageId ?? null, trace: null, from: headers.from?.join(', ') ?? null, to: headers.to?.join(', ') ?? null, subject: headers.subject ?? null },
      };
      return { kind: 'found', value: { type: 'complaint', recipients, feedback } };
    }
    default:
      return { kind: 'broken', error: `Amazon SES notification of unknown type ${JSON.stringify(doc.notificationType ?? null)}` };
  }
}

function found(type: 'bounce' | 'delivery', recipients: RecipientFacts[]): ParseResult<SesNotification> {
  return recipients.length > 0 ? { kind: 'found', value: { type, recipients } } : { kind: 'broken', error: `Amazon SES ${type} notification without recipients` };
}

function fromSes(r: SesRecipient, remoteMtaIp: string | undefined): RecipientFacts {
  const diagnostic = r.diagnosticCode?.replace(/^smtp;\s*/i, '') || null;
  const action = r.action?.toLowerCase();
  return {
    recipient: r.emailAddress ?? '',
    status: r.status ?? null,
    code: diagnostic ? findCode(diagnostic) : null,
    diagnostic,
    remoteMta: remoteMtaIp ?? null,
    dsnAction: action === 'failed' || action === 'delayed' || action === 'delivered' ? action : null,
    phase: null,
    hint: null,
  };
}
