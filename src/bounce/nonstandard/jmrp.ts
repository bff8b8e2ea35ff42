// Microsoft's Junk Mail Reporting Program (Outlook.com/Hotmail feedback loop): not ARF, but a message/rfc822 copy
// of the reported message stamped with X-HmXmrOriginalRecipient, the complaining recipient.
import { extractAddress } from '../address.js';
import { type MimePart } from '../../shared/mime/reader.js';
import type { FeedbackFacts, ParseResult } from '../types.js';

export function parseJmrp(outer: MimePart[], traceHeader: string): ParseResult<FeedbackFacts> {
  const reported = outer.find((p) => p.type === 'message/rfc822' && p.children[0] && p.children[0].header('x-hmxmroriginalrecipient'))?.children[0];
  if (!reported) return { kind: 'not-this-kind' };
  const recipient = extractAddress(reported.header('x-hmxmroriginalrecipient'));
  if (!recipient) return { kind: 'broken', error: 'JMRP report whose X-HmXmrOriginalRecipient holds no address' };
  return {
    kind: 'found',
    value: {
      feedbackType: 'abuse',
      userAgent: 'Microsoft JMRP',
      originalMailFrom: extractAddress(reported.header('x-sid-pra')),
      originalRcptTo: recipient,
      sourceIp: null,
      arrivalDate: reported.header('date') || null,
      reportedDomain: null,
      original: {
        messageId: reported.header('message-id').trim() || null,
        trace: reported.header(traceHeader.toLowerCase()).trim() || null,
        from: reported.decodedHeader('from').trim() || null,
        to: reported.decodedHeader('to').trim() || null,
        subject: reported.decodedHeader('subject').trim() || null,
      },
    },
  };
}
