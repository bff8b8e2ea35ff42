// Non-standard (non-DSN) bounces: is this a bounce at all, and what does it say per recipient.
import { extractAddresses } from '../address.js';
import { looksLikeBounce, BOUNCE_BODY } from '../evidence.js';
import { fieldValue } from '../../shared/mime/header.js';
import { type MimePart } from '../../shared/mime/reader.js';
import type { ParseResult, RecipientFacts } from '../types.js';
import { commandlessGateway } from './gateways.js';
import { recipientBlocks } from './recipient-blocks.js';
import { bounceParties, inlineRecipients, type ReportText } from './report-text.js';
import { originalHeaders } from '../original.js';

export function parseNonstandard(root: MimePart, { report: text, returned }: ReportText): ParseResult<RecipientFacts[]> {
  // A message has headers; bytes without any are not a bounce, whatever words they happen to contain.
  if (root.fields.length === 0) return { kind: 'not-this-kind' };
  if (!looksLikeBounce(root) && !BOUNCE_BODY.test(text.slice(0, 4096))) return { kind: 'not-this-kind' };
  const failedHeader = root.header('x-failed-recipients');
  const recipients = recipientBlocks({
    text,
    exclude: bounceParties(root).flatMap(extractAddresses),
    known: extractAddresses(failedHeader),
    openingAsReason: true,
  });
  if (recipients.length === 0) {
    // Reports that never name the recipient (list servers, MMS gateways): the returned message says who it was for.
    // Not its sender, though: a message written to oneself with the others in Bcc (Exchange's "did not reach the
    // following recipient(s): <display name>") failed for someone the report does not name, and taking the To would
    // suppress the sender's own address.
    const original = originalHeaders(root);
    const sender = new Set([...extractAddresses(root.header('to') ?? ''), ...extractAddresses(original ? (fieldValue(original, 'from') ?? '') : '')].map((a) => a.toLowerCase()));
    const to = extractAddresses(original ? (fieldValue(original, 'to') ?? '') : inlineRecipients(returned)).filter((a) => !sender.has(a.toLowerCase()));
    if (to.length > 0) return { kind: 'found', value: recipientBlocks({ text, exclude: [], known: to, openingAsReason: true }) };
  }
  if (recipients.length === 0) return { kind: 'broken', error: 'bounce without a recognisable recipient' };
  if (commandlessGateway(root, text)) return { kind: 'found', value: recipients.map((r) => ({ ...r, commandless: true })) };
  return { kind: 'found', value: recipients };
}
