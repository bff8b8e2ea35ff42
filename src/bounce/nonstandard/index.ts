// Non-standard (non-DSN) bounces: is this a bounce at all, and what does it say per recipient.
import { extractAddresses } from '../address.js';
import { looksLikeBounce, BOUNCE_BODY, sentAsNotification } from '../evidence.js';
import { fieldValue, fieldValues, type HeaderField } from '../../shared/mime/header.js';
import { type MimePart } from '../../shared/mime/reader.js';
import type { ParseResult, RecipientFacts } from '../types.js';
import { commandlessGateway } from './gateways.js';
import { recipientBlocks } from './recipient-blocks.js';
import { bounceParties, inlineHeaders, type ReportText } from './report-text.js';
import { originalHeaders } from '../original.js';

export function parseNonstandard(root: MimePart, { report: text, returned }: ReportText): ParseResult<RecipientFacts[]> {
  // A message has headers; bytes without any are not a bounce, whatever words they happen to contain.
  if (root.fields.length === 0) return { kind: 'not-this-kind' };
  if (!looksLikeBounce(root) && !sentAsNotification(root) && !BOUNCE_BODY.test(text.slice(0, 4096))) return { kind: 'not-this-kind' };
  const failedHeader = root.header('x-failed-recipients');
  const original = originalHeaders(root) ?? inlineHeaders(returned);
  // The returned message's own Message-ID is written like an address and quoted by reports ("quote the message ID
  // <…@…>"): never a recipient.
  const messageId = fieldValue(original, 'message-id') ?? '';
  const recipients = recipientBlocks({
    text,
    exclude: [...bounceParties(root), messageId].flatMap(extractAddresses),
    known: extractAddresses(failedHeader),
    openingAsReason: true,
  });
  if (recipients.length === 0) {
    // Reports that never name the recipient (list servers, MMS gateways): the returned message says who it was for.
    const to = envelopeRecipients(original, root);
    if (to.length > 0) return { kind: 'found', value: recipientBlocks({ text, exclude: [], known: to, openingAsReason: true }) };
  }
  if (recipients.length === 0) return { kind: 'broken', error: 'bounce without a recognisable recipient' };
  if (commandlessGateway(root, text)) return { kind: 'found', value: recipients.map((r) => ({ ...r, commandless: true })) };
  return { kind: 'found', value: recipients };
}

/**
 * Whom a returned message was delivered to, when the report never says. The envelope recipient a Received field of
 * it recorded ("by mx.example.net ... for <bob@example.net>", the nearest hop that wrote one) is who the message
 * was for at the failing end; its To is only what the author addressed. A mailing list's post is addressed to the
 * list (X-BeenThere, List-Id, Mailman's and other list managers' fields) and goes to its members by envelope: its To
 * names nobody who failed. Nor does the sender: a message written to oneself with the others in Bcc failed for
 * someone the report does not name, and taking the To would suppress the sender's own address.
 */
function envelopeRecipients(original: HeaderField[], root: MimePart): string[] {
  const sender = new Set([...extractAddresses(root.header('to') ?? ''), ...extractAddresses(fieldValue(original, 'from') ?? '')].map((a) => a.toLowerCase()));
  const notSender = (a: string) => !sender.has(a.toLowerCase());
  for (const received of fieldValues(original, 'received')) {
    const recorded = RECEIVED_FOR.exec(received)?.[1];
    if (recorded && notSender(recorded)) return [recorded];
  }
  if (LIST_FIELDS.some((name) => fieldValue(original, name) !== undefined)) return [];
  return extractAddresses(fieldValue(original, 'to') ?? '').filter(notSender);
}

/** RFC 5321 §4.4: the "for" clause of a Received field names the envelope recipient of that hop. */
const RECEIVED_FOR = /\bfor\s+<?([^\s<>;@]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63})>?/i;
/** Fields a list manager adds to every post it sends on (RFC 2369, RFC 2919, Mailman, Majordomo, Sympa). */
const LIST_FIELDS = ['list-id', 'list-post', 'x-beenthere', 'x-mailman-version', 'x-list', 'mailing-list'];
