// The anchor text shows one domain and the link goes to another: the core trick of credential phishing.
import { getDomain } from 'tldts';
import { brandDomains } from '../data/brands.js';
import { isOwnSite } from '../links.js';
import type { ContentRule } from './rule.js';

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
    for (const link of msg.links) {
      if (!link.anchorText || !link.scheme.startsWith('http')) continue;
      const shownHost = SHOWN_HOST.exec(link.anchorText.trim())?.[1];
      const shown = shownHost ? getDomain(shownHost.toLowerCase()) : null;
      if (!shown || shown === link.domain) continue;
      if (isOwnSite(link, msg) && !brandDomains.has(shown)) continue;
      return `${shown} -> ${link.domain}`;
    }
    return false;
  },
};
