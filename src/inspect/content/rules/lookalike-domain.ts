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

/** How a lookalike hit reads in the evidence. */
const imitation = (domain: string, found: { brand: Brand; how: string }) => `${domain} imitates ${found.brand.domains[0]}: ${found.how}`;
const offSite = (domain: string, found: { brand: Brand; how: string }) => ({ detail: imitation(domain, found), score: OFF_SITE_SCORE });

export const lookalikeDomain: ContentRule = {
  name: 'LOOKALIKE_DOMAIN',
  score: 4.0,
  strength: 'evidence',
  description: 'a link or the sender uses a domain made to look like a well-known brand\'s',
  test(msg) {
    // Every link's domain (and where a redirector sends it) is looked up once (lookalikeOf keeps its answers); only a
    // lookalike found is then placed on or off the sender's site, the costlier question.
    let own: string | null = null;
    for (const link of clickLinks(msg)) {
      const landing = redirectTarget(link);
      if (landing) {
        const found = lookalikeOf(landing.domain);
        if (found) return offSite(landing.domain, found);
      }
      const found = lookalikeOf(link.domain);
      if (found) {
        if (!isOwnSite(link, msg)) return offSite(link.domain, found);
        own ??= imitation(link.domain, found);
      }
      const brand = brandInSiteName(link.host);
      if (brand) return { detail: `${link.host} carries ${brand.name}'s name on a free hosting platform`, score: OFF_SITE_SCORE };
    }
    if (own) return own;
    const sender = msg.from?.domain ? registrableDomain(msg.from.domain) : '';
    const found = sender ? lookalikeOf(sender) : null;
    return found ? imitation(sender, found) : false;
  },
};

// Brands by their name written as one word ("dropbox", "wetransfer", "docusign"); everyday words ("apple", "chase")
// are left out, as are a brand's other labels ("live" of live.com): a village fete's "live-music.web.app" names no one.
const BRAND_BY_NAME: ReadonlyMap<string, Brand> = new Map(brands.filter((b) => !b.commonWord).map((b) => [b.name.replace(/\s+/g, ''), b] as const));

/** The brand whose name is one of the hyphen-separated words of a site's own name on a free hosting platform. */
function brandInSiteName(host: string): Brand | undefined {
  // A plain search first: most hosts have no hyphen, and every brand-bearing site name here has one or is a brand
  // name alone ("dropbox.web.app"), which the platform test then settles.
  if (!host.includes('-') && !host.split('.').some((label) => BRAND_BY_NAME.has(label))) return undefined;
  const platform = onFreeHosting(host);
  if (!platform || host === platform) return undefined;
  const labels = host.slice(0, host.length - platform.length - 1).split('.');
  return labels[labels.length - 1]!.split('-').map((w) => BRAND_BY_NAME.get(w)).find((b) => b !== undefined);
}
