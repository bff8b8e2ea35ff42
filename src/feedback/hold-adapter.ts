// The one place where the feedback stage acts on a sender: a hold or suspend recommendation becomes a suspension in
// reputation's one suspension model (checked at every message and login), with the rates and reports as its evidence.
// Nothing else in src/feedback knows how a sender is stopped.
import { createSuspensions } from '../reputation/suspensions.js';
import type { Db } from '../store/sqlite.js';
import type { RateAssessment } from './rates.js';

/** Applies an assessment; returns whether a suspension was written (false when none was recommended). */
export type SenderAction = (a: RateAssessment, now: number) => boolean;

export function suspendThroughDecide(db: Db): SenderAction {
  const suspensions = createSuspensions(db);
  return (a, now) => {
    if (a.recommendation === 'none') return false;
    // An identity key is `account/sub` or the account itself: the suspension table keys both the same way.
    const identity = a.subject.key;
    if (suspensions.active(identity, now)) return false;
    suspensions.suspend({
      identity,
      since: now,
      until: 0, // held until an operator has looked at the reports (`senders reinstate`)
      by: 'policy',
      reason: `feedback ${a.recommendation}: ${a.evidence.map((e) => e.name).join(', ')}`,
      evidence: {
        signals: a.evidence,
        counts: { delivered: a.counts.delivered, complaints: a.counts.complaints, hardBounces: a.counts.hardBounces, unknownUsers: a.counts.unknownUsers },
        sampleSubjects: [],
        fingerprints: [],
      },
    });
    return true;
  };
}
