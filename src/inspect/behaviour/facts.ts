// What behaviour needs from a message's content: the From address, the subject (for evidence samples) and a fuzzy
// fingerprint of the decoded text. Decoding MIME is mailparser's job; a message it cannot parse still has a sender
// and recipients, so it gets empty content facts rather than an error.
import { simpleParser } from 'mailparser';
import { textFingerprint } from './fingerprint.js';

export interface ContentFacts {
  fromAddress: string;
  subject: string;
  fingerprint: string;
}

export async function contentFacts(raw: Buffer): Promise<ContentFacts> {
  try {
    const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
    return {
      fromAddress: (parsed.from?.value[0]?.address ?? '').toLowerCase(),
      subject: (parsed.subject ?? '').slice(0, 200),
      // mailparser derives `text` from the HTML part when a message has no text part.
      fingerprint: textFingerprint(parsed.text ?? ''),
    };
  } catch {
    return { fromAddress: '', subject: '', fingerprint: '' };
  }
}
