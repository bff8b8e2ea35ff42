// The message speaks for a brand (its sender's display name, or a lure in the brand's name) while its links go to a
// domain that is neither the brand's nor the sender's own: "PayPal" in the name and the button going to
// paypa1-login.xyz. Everyday words that are also brands (apple, office) count only in the display name.
import { brandNameFinder, brands } from '../data/brands.js';
import { onFreeHosting } from '../data/free-hosting.js';
import { isShortLink } from '../data/shorteners.js';
import { socialNetworkDomains } from '../data/profile-pages.js';
import { nameIncludesOwnDomain, offSiteLinks, senderDomain } from '../links.js';
import { lureWayOut } from './phish-lure.js';
import type { ContentRule } from './rule.js';

const knownDomains = new Set(brands.flatMap((b) => b.domains));

/** The brand a display name names; the brand a subject or text names (everyday words left out). */
const brandInName = brandNameFinder(brands);
const brandInText = brandNameFinder(brands.filter((b) => !b.commonWord));

export const linkBrandMismatch: ContentRule = {
  name: 'LINK_BRAND_MISMATCH',
  score: 4.0,
  strength: 'evidence',
  description: 'speaks for a brand but links to a domain that is neither the brand\'s nor the sender\'s',
  test(msg) {
    // Links to any listed brand's own domain or a social network (a footer's Facebook or Pinterest page) are no
    // deception, unless the link is a shortener on the brand's domain (LinkedIn's /slink), which leads anywhere; the
    // rest are candidates.
    const candidates = (trackers: 'own' | 'elsewhere') =>
      offSiteLinks(msg, { trackers }).filter((l) => isShortLink(l) || (!knownDomains.has(l.domain) && !socialNetworkDomains.has(l.domain)));
    // The sender's name is the brand: then a link through an e-mail service's tracker hides where the brand's name
    // leads as well as any (the brand's own mail comes from the brand's domain).
    const sender = senderDomain(msg);
    const claimed = nameIncludesOwnDomain(msg) ? undefined : brandInName(msg.from?.name ?? '');
    const named = claimed && !claimed.domains.includes(sender) ? claimed : undefined;
    const hidden = named ? candidates('elsewhere') : [];
    if (named && hidden.length > 0) return `says ${named.name}, links go to ${hidden[0]!.domain}`;
    const links = candidates('own');
    if (links.length === 0) return false;
    // Or the subject or text names it while luring the reader off the sender's site (newsletters name brands in
    // headlines all the time, but do not ask the reader to unlock an account through a stranger's site; a studio's
    // renewal notice that sends the reader to its billing page at Stripe and names its Instagram page in the footer
    // lures nobody anywhere).
    const brand = lureWayOut(msg) ? brandInText(msg.subject + '\n' + msg.text) : undefined;
    if (brand) return `says ${brand.name}, links go to ${links[0]!.domain}`;
    // Mail from a brand's own domain links to its site or its mailing service's tracker, never to a page on a free
    // hosting platform: that is a forged From (a relay's customer cannot send as the bank once its sender domains are
    // enforced, but `score` reads mail from anywhere).
    const self = brands.find((b) => b.domains.includes(sender));
    const hosted = self && links.find((l) => onFreeHosting(l.host));
    return hosted ? `says ${self.name} from its own domain, links go to ${hosted.host}` : false;
  },
};
