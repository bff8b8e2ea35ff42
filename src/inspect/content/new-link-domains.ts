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

/** Where the known domains outlive a restart (src/inspect/known-link-domains.ts keeps them in the relay's database). */
export interface PersistedLinkDomains {
  load(): string[];
  add(domain: string, at: number): void;
  forget(domains: readonly string[]): void;
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
 * domains count as new again, which costs at most a corroborating point). Kept by the inspection thread; the domains
 * that became known are also written to `persisted` (the relay's database) and read back at start.
 */
export function createLinkHistory(opts: { sendersToKnow: number; maxDomains: number; persisted?: PersistedLinkDomains; clock?: () => number }): LinkHistory {
  // Map keeps insertion order: the first entries are the oldest. The value lists the first senders, then 'known'.
  const domains = new Map<string, string[] | 'known'>();
  for (const domain of opts.persisted?.load().slice(-opts.maxDomains) ?? []) domains.set(domain, 'known');
  const clock = opts.clock ?? Date.now;
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
          const oldest = [...domains.keys()].slice(0, opts.maxDomains / 2);
          for (const old of oldest) domains.delete(old);
          opts.persisted?.forget(oldest);
        }
        const known = next.length >= opts.sendersToKnow;
        domains.set(domain, known ? 'known' : next);
        if (known) opts.persisted?.add(domain, clock());
      }
    },
  };
}
