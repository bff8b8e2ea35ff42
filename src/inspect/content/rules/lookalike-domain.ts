// A link or the sender address on a domain dressed up as a well-known brand's (see lookalike.ts for the tricks). A
// link through an open redirector is judged by where it lands: google.com/amp/s/insights-ripple.com is a Ripple
// lookalike behind Google's name. A link off the sender's own site to such a domain tags on its own: the reader is
// sent to a page made to pass for the brand's, which is what a phishing link is; the sender's own domain (a
// customer's "apple-repair-berlin.de" and its links to itself) weighs less, since a small business may carry a
// brand's name in its own. On a free hosting platform the site's own name is what the reader sees as the domain
// ("dropbox-condivisione-it.web.app"): a brand's name inside it is the same trick, for brands whose name is no
// everyday word.
import { brands, type Brand } from '../data/brands.js';
import { onFreeHosting } from '../data/free-hosting.js';
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
    for (const link of clickLinks(msg)) {
      const brand = brandInSiteName(link.host);
      if (brand) return { detail: `${link.host} carries ${brand.name}'s name on a free hosting platform`, score: OFF_SITE_SCORE };
    }
    if (msg.from?.domain) own.add(registrableDomain(msg.from.domain));
    for (const d of own) {
      const found = lookalikeOf(d);
      if (found) return `${d} imitates ${found.brand.domains[0]}: ${found.how}`;
    }
    return false;
  },
};

// Brands by their name written as one word ("dropbox", "wetransfer", "docusign"); everyday words ("apple", "chase")
// are left out, as are a brand's other labels ("live" of live.com): a village fete's "live-music.web.app" names no one.
const BRAND_BY_NAME: ReadonlyMap<string, Brand> = new Map(brands.filter((b) => !b.commonWord).map((b) => [b.name.replace(/\s+/g, ''), b] as const));

/** The brand whose name is one of the hyphen-separated words of a site's own name on a free hosting platform. */
function brandInSiteName(host: string): Brand | undefined {
  const platform = onFreeHosting(host);
  if (!platform || host === platform) return undefined;
  const labels = host.slice(0, host.length - platform.length - 1).split('.');
  return labels[labels.length - 1]!.split('-').map((w) => BRAND_BY_NAME.get(w)).find((b) => b !== undefined);
}
