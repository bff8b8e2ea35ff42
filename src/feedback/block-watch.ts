// "A block names its suspects", wired to the queue's event stream: each delivery outcome counts the sender's mail
// toward the provider that answered (sends, and hard bounces); when a reply classifies as a block of the relay's
// address or domain, the identities that sent most to that provider in the window before are named (suspects.ts) in
// a `block-suspects` event on the refused message's timeline, and each one's risk rises in the reputation stage.
// Complaints count toward the provider too (intake.ts), so a suspect's own complaints there weigh on its risk.
import type { TimelineEvent } from '../queue/events.js';
import type { Reputation } from '../reputation/index.js';
import { providerOf } from '../routes/providers.js';
import { domainOf } from '../shared/address.js';
import { isHardReason } from './intake.js';
import { providerPrefix, providerSubject, type RateStore } from './rate-store.js';
import { isReputationBlock, nameSuspects } from './suspects.js';

export interface BlockWatchDeps {
  rates: RateStore;
  /** The window before a block in which sends count, and within which one provider's block names suspects once. */
  windowMs: number;
  emit: (event: TimelineEvent) => void;
  reputation?: Pick<Reputation, 'recordBlockSuspect'>;
}

type Attempt = Extract<TimelineEvent, { type: 'attempt' }>;

/** The provider a recipient's mail went to: by the MX that answered, else by the recipient's domain (routes' naming). */
export const providerOfAttempt = (a: Pick<Attempt, 'recipient' | 'data'>) => providerOf(a.data.host || undefined, domainOf(a.recipient));

/** A bound on providers remembered as recently named (unknown destinations are providers of their own). */
const MAX_NAMED = 10_000;

export function createBlockWatch(deps: BlockWatchDeps): { onEvents(events: readonly TimelineEvent[]): void } {
  const { rates, windowMs } = deps;
  /** Provider -> when its last block named suspects. */
  const named = new Map<string, number>();

  function nameFor(a: Attempt): void {
    const provider = providerOfAttempt(a);
    const last = named.get(provider);
    if (last !== undefined && a.at - last < windowMs) return; // one block, however many recipients it refused
    const prefix = providerPrefix(provider);
    const sends = [...rates.windowsUnder(prefix, windowMs, a.at)].map(([subject, c]) => ({
      identity: subject.slice(prefix.length), sent: c.delivered, complaints: c.complaints, hardBounces: c.hardBounces,
    }));
    const suspects = nameSuspects({ ...a.data.classification, provider }, sends);
    if (suspects.length === 0) return;
    named.delete(provider);
    named.set(provider, a.at);
    if (named.size > MAX_NAMED) named.delete(named.keys().next().value!);
    deps.emit({
      type: 'block-suspects', at: a.at, messageId: a.messageId, recipient: a.recipient,
      data: { provider, code: a.data.code, reason: a.data.classification.reason, suspects },
    });
    for (const s of suspects) deps.reputation?.recordBlockSuspect(s.identity, s.risk, a.at);
  }

  return {
    onEvents(events) {
      // The delivery stage writes each recipient's attempt just before its outcome: the attempt says where the mail
      // went, the outcome whose it was.
      let attempt: Attempt | undefined;
      for (const e of events) {
        if (e.type === 'attempt') {
          attempt = e;
          if (isReputationBlock(e.data.classification)) nameFor(e);
          continue;
        }
        if ((e.type === 'delivered' || e.type === 'bounced') && attempt?.messageId === e.messageId && attempt.recipient === e.recipient) {
          const subject = [providerSubject(providerOfAttempt(attempt), e.data.identity)];
          if (e.type === 'delivered') rates.add(subject, 'delivered', e.at);
          else if (isHardReason(e.data.reason)) rates.add(subject, 'hard_bounces', e.at);
        }
        attempt = undefined;
      }
    },
  };
}
