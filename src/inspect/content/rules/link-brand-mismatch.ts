// The message names a brand where the reader takes it as the sender or the destination (display name, subject, the
// text of a link or button) while its links go to a domain that is neither the brand's nor the sender's own:
// "PayPal" in the name and the button going to paypa1-login.xyz. Everyday words that are also brands (apple, office)
// count only in the display name.
import { brands, isBrandDomain, type Brand } from '../data/brands.js';
import { offSiteLinks } from '../links.js';
import type { ContentRule } from './rule.js';

const patterns = brands.map((b) => ({ brand: b, re: new RegExp(String.raw`(?<![\p{L}\p{N}])${b.name.replace(/ /g, String.raw`\s*`)}(?![\p{L}\p{N}])`, 'iu') }));
const knownDomains = new Set(brands.flatMap((b) => b.domains));

/** The brand a text names, if any. */
function brandIn(text: string, displayName: boolean): Brand | undefined {
  return patterns.find((p) => (displayName || !p.brand.commonWord) && p.re.test(text))?.brand;
}

export const linkBrandMismatch: ContentRule = {
  name: 'LINK_BRAND_MISMATCH',
  score: 4.0,
  strength: 'evidence',
  description: 'names a brand but links to a domain that is neither the brand\'s nor the sender\'s',
  test(msg) {
    // Links to any listed brand's own domain (a footer's Facebook page) are no deception; the rest are candidates.
    const links = offSiteLinks(msg).filter((l) => !knownDomains.has(l.domain));
    if (links.length === 0) return false;
    // A link or button text naming a brand: its own link must go to that brand.
    for (const l of links) {
      const brand = l.anchorText ? brandIn(l.anchorText, false) : undefined;
      if (brand) return `"${l.anchorText.slice(0, 60)}" goes to ${l.domain}, not ${brand.domains[0]}`;
    }
    // The sender's name or the subject naming a brand: no link may leave for an unrelated domain.
    const brand = brandIn(msg.from?.name ?? '', true) ?? brandIn(msg.subject, false);
    return brand && !isBrandDomain(brand, links[0]!.domain) ? `says ${brand.name}, links go to ${links[0]!.domain}` : false;
  },
};
