// What behaviour needs from a message's content: the From address, the subject (for evidence samples) and its
// campaign signature (near-duplicate counting; its short name is the fingerprint a suspension's evidence shows). The
// content stage's bounded parser reads it (the same one that scores it); bytes that are no message still have a
// sender and recipients, so they get empty content facts rather than an error.
import { parseContent } from './content/message.js';
import { campaignSignature, sketchName, type CampaignSignature } from './signature.js';

export interface ContentFacts extends CampaignSignature {
  fromAddress: string;
  subject: string;
  fingerprint: string;
}

export function contentFacts(raw: Buffer): ContentFacts {
  const parsed = parseContent(raw);
  if (parsed.kind !== 'message') return { fromAddress: '', subject: '', fingerprint: '', sketch: [], linkDomains: [] };
  const msg = parsed.message;
  const signature = campaignSignature(msg);
  return {
    fromAddress: (msg.from?.address ?? '').toLowerCase(),
    subject: msg.subject.slice(0, 200),
    ...signature,
    fingerprint: sketchName(signature.sketch),
  };
}
