// A display name that shows an address in another domain ("support@bank.example <x@evil.test>") or the recipient's
// own domain ("IT Desk example.com <x@evil.test>"): readers see the name, not the address. Plain brand domains in a
// name ("CNET News.com <news@online.com>") are common in honest newsletters and do not fire.
import { getDomain } from 'tldts';
import { registrableDomain } from '../urls.js';
import type { ContentRule } from './rule.js';

const ADDRESS_IN_NAME = /[^\s<>"@]+@((?:[a-z0-9-]+\.)+[a-z]{2,24})/i;
const DOMAIN_IN_NAME = /\b(?:[a-z0-9-]+\.)+[a-z]{2,24}\b/gi;

export const displayNameDomain: ContentRule = {
  name: 'DISPLAY_NAME_OTHER_DOMAIN',
  score: 2.0,
  strength: 'evidence',
  description: 'display name shows an address in another domain, or the recipient domain',
  test(msg, ctx) {
    if (!msg.from?.name) return false;
    const from = registrableDomain(msg.from.domain);
    const address = ADDRESS_IN_NAME.exec(msg.from.name);
    if (address && registrableDomain(address[1]!) !== from) return address[0];
    const recipientDomains = new Set([...(ctx.recipients ?? []), ...msg.to.map((t) => t.address)].map(registrableDomain));
    for (const m of msg.from.name.matchAll(DOMAIN_IN_NAME)) {
      const shown = getDomain(m[0].toLowerCase()); // null unless it ends in a real public suffix
      if (shown && shown !== from && recipientDomains.has(shown)) return `${shown}, the recipient's own domain`;
    }
    return false;
  },
};
