// A display name that names a well-known brand while the address is in none of the brand's domains (and the name
// does not also name the sender's own organisation: "Lockergnome Apple Core" writes about Apple).
import { brands } from '../data/brands.js';
import { nameIncludesOwnDomain } from '../links.js';
import { registrableDomain } from '../urls.js';
import type { ContentRule } from './rule.js';

const patterns = brands.map((b) => ({ ...b, re: new RegExp(`\\b${b.name.replace(/ /g, '\\s*')}\\b`, 'i') }));

export const brandDisplayName: ContentRule = {
  name: 'BRAND_IMPERSONATION',
  score: 2.5,
  strength: 'evidence',
  description: 'display name names a well-known brand that does not send from this domain',
  test(msg) {
    if (!msg.from?.name || nameIncludesOwnDomain(msg)) return false;
    const domain = registrableDomain(msg.from.domain);
    const brand = patterns.find((b) => b.re.test(msg.from!.name));
    return brand !== undefined && !brand.domains.includes(domain) && brand.name;
  },
};
