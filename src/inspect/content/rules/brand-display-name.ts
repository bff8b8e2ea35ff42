// A display name that names a well-known brand while the address is in none of the brand's domains (and the name
// does not also name the sender's own organisation: "Lockergnome Apple Core" writes about Apple).
import { brandFinder, brands } from '../data/brands.js';
import { sansSerifReading } from '../lookalike.js';
import { nameIncludesOwnDomain } from '../links.js';
import { registrableDomain } from '../urls.js';
import type { ContentRule } from './rule.js';

/**
 * A display name as a reader sees it, in the letters a pattern can match: accents dropped ("ITAÚ" reads "ITAU"), and
 * letters spaced out to slip past filters joined again ("I T A Ú - FEITO COM VOCÊ" reads "ITAU - FEITO COM VOCE"),
 * trade-mark signs read as spaces ("Mcafee™" reads "Mcafee").
 */
function readable(name: string): string {
  // Trade-mark signs first: compatibility decomposition spells "Mcafee™" as "McafeeTM", one word.
  const folded = name.replace(/[™®©℠]/g, ' ').normalize('NFKD').replace(/\p{M}/gu, '');
  return folded.replace(/(?<!\p{L})(?:\p{L}[ .]){2,}\p{L}(?!\p{L})/gu, (spaced) => spaced.replace(/[ .]/g, ''));
}

// A brand of several words matches with anything a sender writes between them: spaces, none, or the hyphens, dots and
// underscores that keep a filter from reading the words as one name ("Albert-Heijn", "Deutsche_Bahn").
const brandIn = brandFinder(brands, (b) => readable(b.name), { before: String.raw`\b`, between: String.raw`[\s._-]*`, after: String.raw`\b`, flags: 'i' });

export const brandDisplayName: ContentRule = {
  name: 'BRAND_IMPERSONATION',
  score: 2.5,
  strength: 'evidence',
  description: 'display name names a well-known brand that does not send from this domain',
  test(msg) {
    if (!msg.from?.name || nameIncludesOwnDomain(msg)) return false;
    const domain = registrableDomain(msg.from.domain);
    const name = readable(msg.from.name);
    const named = brandIn(name);
    const disguised = sansSerifReading(name);
    const brand = named ?? (disguised !== name ? brandIn(disguised) : undefined);
    if (brand === undefined || brand.domains.includes(domain)) return false;
    return named ? brand.name : `${brand.name}, spelt "${msg.from.name}"`;
  },
};
