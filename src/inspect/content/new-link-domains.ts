// Link domains this relay has never carried before. Only the relay's own history knows which domains are usual for
// it, so the lookup is a parameter: the caller answers "seen before?" from its store. A domain never seen is weak on
// its own (every new customer brings some), so it is a hint that adds to lures and brand mismatches.
import type { ContentRule } from './rules/rule.js';
import { offSiteLinks } from './links.js';
import type { ContentMessage } from './message.js';

export type SeenDomains = (registrableDomain: string) => boolean;

/** The message's off-site link domains (distinct, in order) that `seen` does not know. */
export function newLinkDomains(msg: ContentMessage, seen: SeenDomains): string[] {
  const out: string[] = [];
  for (const l of offSiteLinks(msg)) if (!out.includes(l.domain) && !seen(l.domain)) out.push(l.domain);
  return out;
}

export function newLinkDomainRule(seen: SeenDomains): ContentRule {
  return {
    name: 'NEW_LINK_DOMAIN',
    score: 1.0,
    strength: 'hint',
    description: 'links to a domain that no mail through this relay linked to before',
    test(msg) {
      const fresh = newLinkDomains(msg, seen);
      return fresh.length > 0 && fresh.slice(0, 3).join(', ');
    },
  };
}
