// Microsoft's Junk Mail Reporting Program (Outlook.com/Hotmail feedback loop): not ARF, but a message/rfc822 copy
// of the reported message stamped with X-HmXmrOriginalRecipient, the complaining recipient.
import { extractAddress } from '../address.js';
import { decodedHeader, header, type MimePart } from '../mime.js';
import type { FeedbackFacts, ParseResult } from '../types.js';

export function parseJmrp(outer: MimePart[], traceHeader: string): ParseResult<FeedbackFacts> {
  const reported = outer.find((p) => p.type === 'message/rfc822' && p.children[0] && header(p.children[0], 'x-hmxmroriginalrecipient'))?.children[0];
  if (!reported) return { kind: 'not-this-kind' };
  const recipient = extractAddress(header(reported, 'x-hmxmroriginalrecipient'));
  if (!recipient) return { kind: 'broken', error: 'JMRP report whose X-HmXmrOriginalRecipient holds no address' };
  return {
    kind: 'found',
    value: {
      feedbackType: 'abuse',
      userAgent: 'Microsoft JMRP',
      originalMailFrom: extractAddress(header(reported, 'x-sid-pra')),
      originalRcptTo: recipient,
      sourceIp: null,
      arrivalDate: header(reported, 'date') || null,
      reportedDomain: null,
      original: {
        messageId: header(reported, 'message-id').trim() || null,
        trace: header(reported, traceHeader.toLowerCase()).trim() || null,
        from: decodedHeader(reported, 'from').trim() || null,
        to: decodedHeader(reported, 'to').trim() || null,
        subject: decodedHeader(reported, 'subject').trim() || null,
      },
    },
  };
}
