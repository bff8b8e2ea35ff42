// A link off the sender's own domain that carries the recipient's own address: a login page made up for this reader,
// the address already filled in so that only the password is asked for. Newsletters put the address in their
// unsubscribe and tracking links too, so it only corroborates other evidence. Looked for as written, URL-encoded
// (%40) and in base64 (the usual ways kits pass it).
import { offSiteLinks } from '../links.js';
import { recipientsOf } from '../message.js';
import type { ContentRule } from './rule.js';

function forms(address: string): string[] {
  const a = address.toLowerCase();
  return [a, a.replace('@', '%40'), Buffer.from(a).toString('base64').replace(/=+$/, '')];
}

export const recipientInLink: ContentRule = {
  name: 'RECIPIENT_IN_LINK',
  score: 1.5,
  strength: 'corroboration',
  description: 'a link to another site carries the recipient\'s own address (a page made up for this reader)',
  test(msg, ctx) {
    const recipients = recipientsOf(msg, ctx);
    const wanted = recipients.filter((r) => r.includes('@')).flatMap(forms);
    if (wanted.length === 0) return false;
    for (const link of offSiteLinks(msg)) {
      const url = link.url.toLowerCase();
      // base64 is case-sensitive: compare it on the link as written.
      if (wanted.some((w) => url.includes(w) || link.url.includes(w))) return `a link to ${link.domain}`;
    }
    return false;
  },
};
