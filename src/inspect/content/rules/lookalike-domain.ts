// A link or the sender address on a domain dressed up as a well-known brand's (see lookalike.ts for the tricks). A
// link through an open redirector is judged by where it lands: google.com/amp/s/insights-ripple.com is a Ripple
// lookalike behind Google's name. A link off the sender's own site to such a domain tags on its own: the reader is
// sent to a page made to pass for the brand's, which is what a phishing link is; the sender's own domain (a
// customer's "apple-repair-berlin.de" and its links to itself) weighs less, since a small business may carry a
// brand's name in its own.
import { clickLinks, isOwnSite, redirectTarget } from '../links.js';
import { lookalikeOf } from '../lookalike.js';
import { registrableDomain } from '../urls.js';
import type { ContentRule } from './rule.js';

const OFF_SITE_SCORE = 5.0;

export const lookalikeDomain: ContentRule = {
  name: 'LOOKALIKE_DOMAIN',
  score: 4.0,
  strength: 'evidence',
  description: 'a link or the sender uses a domain made to look like a well-known brand\'s',
  test(msg) {
    const offSite = new Set<string>();
    const own = new Set<string>();
    for (const link of clickLinks(msg)) {
      (isOwnSite(link, msg) ? own : offSite).add(link.domain);
      const landing = redirectTarget(link);
      if (landing) offSite.add(landing.domain);
    }
    for (const d of offSite) {
      const found = lookalikeOf(d);
      if (found) return { detail: `${d} imitates ${found.brand.domains[0]}: ${found.how}`, score: OFF_SITE_SCORE };
    }
    if (msg.from?.domain) own.add(registrableDomain(msg.from.domain));
    for (const d of own) {
      const found = lookalikeOf(d);
      if (found) return `${d} imitates ${found.brand.domains[0]}: ${found.how}`;
    }
    return false;
  },
};
