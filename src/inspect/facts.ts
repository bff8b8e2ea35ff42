// What behaviour needs from a message's content: the From address, the subject (for evidence samples), the fuzzy
// fingerprint of its text (shown in a suspension's evidence) and its campaign signature (near-duplicate counting). The content stage's bounded parser reads it (the same one that scores it); bytes that are
// no message still have a sender and recipients, so they get empty content facts rather than an error.
import { fingerprintOf } from './content/fingerprint.js';
import { parseContent } from './content/message.js';
import { campaignSignature, type CampaignSignature } from './signature.js';

export interface ContentFacts extends CampaignSignature {
  fromAddress: string;
  subject: string;
  fingerprint: string;
}

export function contentFacts(raw: Buffer): ContentFacts {
  const parsed = parseContent(raw);
  if (parsed.kind !== 'message') return { fromAddress: '', subject: '', fingerprint: '', sketch: [], linkDomains: [] };
  const msg = parsed.message;
  return {
    fromAddress: (msg.from?.address ?? '').toLowerCase(),
    subject: msg.subject.slice(0, 200),
    fingerprint: fingerprintOf(msg),
    ...campaignSignature(msg),
  };
}
