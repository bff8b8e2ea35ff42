// Link domains this relay has never carried before. Only the relay's own history knows which domains are usual for
// it, so the lookup is a parameter: `seen(domain)`. A domain never seen is weak on its own (every new customer brings
// some, and a first deployment has seen nothing at all), so the rule only corroborates: it counts when evidence
// (a lure with a link elsewhere, a lookalike, a lying link) fired too, and then says the link leads somewhere new.
import type { ContentRule } from './rules/rule.js';
import { offSiteLinks } from './links.js';
import { parseContent, type ContentMessage } from './message.js';

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
    strength: 'corroboration',
    description: 'links to a domain that no mail through this relay linked to before',
    test(msg) {
      const fresh = newLinkDomains(msg, seen);
      return fresh.length > 0 && fresh.slice(0, 3).join(', ');
    },
  };
}

export interface LinkHistory {
  seen: SeenDomains;
  /** Learns the off-site link domains of a message whose content was clean, sent by `sender`. */
  learn(raw: Buffer, sender: string): void;
}

/**
 * The relay's memory of link domains, learnt from mail whose content verdict was clean. A domain is known once clean
 * mail from `sendersToKnow` different senders linked to it: one hijacked login that first sends a clean message with
 * its link cannot make its own phishing domain familiar. Bounded: when full, the oldest half is forgotten (those
 * domains count as new again, which costs at most a corroborating point). Kept in memory by the inspection thread, so
 * a restart starts it afresh, like a first deployment.
 */
export function createLinkHistory(opts: { sendersToKnow: number; maxDomains: number }): LinkHistory {
  // Map keeps insertion order: the first entries are the oldest. The value lists the first senders, then 'known'.
  const domains = new Map<string, string[] | 'known'>();
  return {
    seen: (domain) => domains.get(domain) === 'known',
    learn(raw, sender) {
      const parsed = parseContent(raw); // the parse the scorer made, kept per buffer
      if (parsed.kind !== 'message') return;
      for (const domain of new Set(offSiteLinks(parsed.message).map((l) => l.domain))) {
        const senders = domains.get(domain);
        if (senders === 'known') continue;
        const next = senders?.includes(sender) ? senders : [...(senders ?? []), sender];
        if (domains.size >= opts.maxDomains && !senders) {
          for (const old of [...domains.keys()].slice(0, opts.maxDomains / 2)) domains.delete(old);
        }
        domains.set(domain, next.length >= opts.sendersToKnow ? 'known' : next);
      }
    },
  };
}
