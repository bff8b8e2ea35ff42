// A link or the sender address on a domain dressed up as a well-known brand's (see lookalike.ts for the tricks). A
// link through an open redirector is judged by where it lands: google.com/amp/s/insights-ripple.com is a Ripple
// lookalike behind Google's name.
import { clickLinks, redirectTarget } from '../links.js';
import { lookalikeOf } from '../lookalike.js';
import { registrableDomain } from '../urls.js';
import type { ContentRule } from './rule.js';

export const lookalikeDomain: ContentRule = {
  name: 'LOOKALIKE_DOMAIN',
  score: 4.0,
  strength: 'evidence',
  description: 'a link or the sender uses a domain made to look like a well-known brand\'s',
  test(msg) {
    const domains = new Set<string>();
    for (const link of clickLinks(msg)) {
      domains.add(link.domain);
      const landing = redirectTarget(link);
      if (landing) domains.add(landing.domain);
    }
    if (msg.from?.domain) domains.add(registrableDomain(msg.from.domain));
    for (const d of domains) {
      const found = lookalikeOf(d);
      if (found) return `${d} imitates ${found.brand.domains[0]}: ${found.how}`;
    }
    return false;
  },
};
