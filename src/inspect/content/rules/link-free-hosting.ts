// A link off the sender's own domain to a page on a free hosting platform: where credential pages of today's phishing
// live (see data/free-hosting.ts). Corroboration only: small businesses host real pages there too.
import { onFreeHosting } from '../data/free-hosting.js';
import { offSiteLinks } from '../links.js';
import type { ContentRule } from './rule.js';

export const linkFreeHosting: ContentRule = {
  name: 'LINK_FREE_HOSTING',
  score: 1.5,
  strength: 'corroboration',
  description: 'links to a page on a free hosting platform, where anyone can publish without owning a domain',
  test(msg) {
    for (const link of offSiteLinks(msg)) {
      const platform = onFreeHosting(link.host);
      if (platform) return link.host === platform ? platform : `${link.host} (${platform})`;
    }
    return false;
  },
};
