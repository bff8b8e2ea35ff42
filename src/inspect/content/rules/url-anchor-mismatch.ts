// The anchor text shows one domain and the link goes to another: the core trick of credential phishing.
import { getDomain } from 'tldts';
import { brandDomains } from '../data/brands.js';
import { isOwnSite, senderDomain } from '../links.js';
import type { ContentMessage } from '../message.js';
import type { ContentRule } from './rule.js';

const UNSUBSCRIBE_HOST = /<(?:https?:\/\/([^/>?#:]+)|mailto:[^@>]*@([^>?]+))/gi;

/**
 * The domains of the message's own unsubscribe addresses (List-Unsubscribe, RFC 2369): the mailing service it goes
 * out through. A newsletter tool rewrites every link through its click tracker and leaves the text as written, so
 * "fieldnote.example/workshops" shown over click.mailwisp.example is the sender's own address behind the service
 * that also takes its unsubscriptions. Showing the sender's own domain gains a forger nothing: the disguise this rule
 * is about shows somebody else's (a brand's), and that still counts.
 */
function listServiceDomains(msg: ContentMessage): Set<string> {
  const out = new Set<string>();
  for (const f of msg.headers) {
    if (f.name !== 'list-unsubscribe') continue;
    for (const m of f.value.matchAll(UNSUBSCRIBE_HOST)) {
      const d = getDomain((m[1] ?? m[2] ?? '').toLowerCase());
      if (d) out.add(d);
    }
  }
  return out;
}

const SHOWN_HOST = /^(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,24})(?:[/:?#]\S*)?$/i;

/**
 * A link to the sender's own site under another shop's or partner's name ("arnotts.ie" leading to the mall's own
 * buy4now.ie/arnotts) sends the reader where the sender answers for the page: that is a portal, not a disguise. A
 * well-known brand's domain shown over the sender's own site still counts: a hijacked site's own pages are where many
 * phishing kits are put.
 */
export const urlAnchorMismatch: ContentRule = {
  name: 'URL_ANCHOR_MISMATCH',
  score: 3.0,
  strength: 'evidence',
  description: 'link text shows one domain and the link goes to another',
  test(msg) {
    let services: Set<string> | undefined;
    for (const link of msg.links) {
      if (!link.anchorText || !link.scheme.startsWith('http')) continue;
      const shownHost = SHOWN_HOST.exec(link.anchorText.trim())?.[1];
      const shown = shownHost ? getDomain(shownHost.toLowerCase()) : null;
      if (!shown || shown === link.domain) continue;
      if (isOwnSite(link, msg) && !brandDomains.has(shown)) continue;
      if (shown === senderDomain(msg) && !brandDomains.has(shown) && (services ??= listServiceDomains(msg)).has(link.domain)) continue;
      return `${shown} -> ${link.domain}`;
    }
    return false;
  },
};
