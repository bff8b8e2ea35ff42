// "A block names its suspects", wired to the queue's event stream: each delivery outcome counts the sender's mail
// toward the provider that answered (sends, and hard bounces); when a reply classifies as a block of the relay's
// address or domain, the identities that sent most to that provider in the window before are named (suspects.ts) in
// a `block-suspects` event on the refused message's timeline, and each one's risk rises in the reputation stage.
// Complaints count toward the provider too (intake.ts), so a suspect's own complaints there weigh on its risk.
// The routes stage names the same list in the `why` of the pause the block causes (`suspectsOf`, asked when the reply
// comes, before its events are committed): one naming per provider and window serves both.
import type { Classification } from '../classify/types.js';
import type { TimelineEvent } from '../queue/events.js';
import type { Reputation } from '../reputation/index.js';
import { providerOf } from '../routes/providers.js';
import { domainOf } from '../shared/address.js';
import { isHardReason } from './intake.js';
import { providerPrefix, providerSubject, type RateStore } from './rate-store.js';
import { isReputationBlock, nameSuspects, type Suspect } from './suspects.js';

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

export interface BlockWatch {
  onEvents(events: readonly TimelineEvent[]): void;
  /** The suspects of a block by `provider` at `at`: those already named within the window, else named now. */
  suspectsOf(provider: string, block: Pick<Classification, 'reason' | 'blame' | 'scope'>, at: number): Suspect[];
}

interface Naming {
  at: number;
  suspects: Suspect[];
  /** Whether its `block-suspects` event went out (the routes stage may have asked first). */
  emitted: boolean;
}

export function createBlockWatch(deps: BlockWatchDeps): BlockWatch {
  const { rates, windowMs } = deps;
  /** Provider -> what its last block named, and when. */
  const named = new Map<string, Naming>();

  /** One naming per provider and window, however many recipients the block refused and whoever asks first. */
  function namingFor(provider: string, block: Pick<Classification, 'reason' | 'blame' | 'scope'>, at: number): Naming | null {
    const last = named.get(provider);
    if (last !== undefined && at - last.at < windowMs) return last;
    const prefix = providerPrefix(provider);
    const sends = [...rates.windowsUnder(prefix, windowMs, at)].map(([subject, c]) => ({
      identity: subject.slice(prefix.length), sent: c.delivered, complaints: c.complaints, hardBounces: c.hardBounces,
    }));
    const suspects = nameSuspects({ ...block, provider }, sends);
    if (suspects.length === 0) return null;
    const naming = { at, suspects, emitted: false };
    named.delete(provider);
    named.set(provider, naming);
    if (named.size > MAX_NAMED) named.delete(named.keys().next().value!);
    return naming;
  }

  function nameFor(a: Attempt): void {
    const provider = providerOfAttempt(a);
    const naming = namingFor(provider, a.data.classification, a.at);
    if (!naming || naming.emitted) return;
    naming.emitted = true;
    const { suspects } = naming;
    deps.emit({
      type: 'block-suspects', at: a.at, messageId: a.messageId, recipient: a.recipient,
      data: { provider, code: a.data.code, reason: a.data.classification.reason, suspects },
    });
    for (const s of suspects) deps.reputation?.recordBlockSuspect(s.identity, s.risk, a.at);
  }

  return {
    suspectsOf: (provider, block, at) => (isReputationBlock(block) ? namingFor(provider, block, at)?.suspects ?? [] : []),
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
