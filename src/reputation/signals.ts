// Behaviour signals: each a small pure function from the identity's counters (this message included) to a piece of
// evidence, or null when it does not fire. Signals that measure a deviation from the identity's own history are
// scaled by trust, because a new identity has no history to deviate from; it is held by the new-identity limit and
// the absolute signals instead ("strict at first").
import type { PolicyThresholds } from '../config/schema.js';
import type { Evidence } from '../shared/types.js';

export interface SignalInput {
  t: PolicyThresholds;
  /** 0 (no history) .. 1 (trustDays clean days). */
  trust: number;
  minuteMessages: number;
  peakMinute: number;
  hourMessages: number;
  expectedHour: number;
  hourRecipients: number;
  hourNewDomainRecipients: number;
  hourNewFroms: number;
  repeatRecipients: number;
  peakRepeat: number;
  campaignIdentities: number;
  campaignRecipients: number;
  dayDelivered: number;
  dayBounced: number;
  dayUnknownRecipients: number;
  dayComplaints: number;
  /** Times a provider's block named this identity as a likely cause in the last day, and the sum of its shares. */
  dayBlockNamings: number;
  dayBlockRisk: number;
  /** Signals left by a suspicious AUTH of this login from this client address. */
  authFlags: Array<{ signal: 'new-network' | 'auth-failures'; detail: string }>;
}

const evidence = (name: string, score: number, description: string): Evidence => ({ kind: 'behaviour', name, score, description });
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Burst points grow with the size of the burst, up to 1.6 times `burstPoints` at four times the limit: never enough
 * for a suspension alone (a trusted sender may have one unusual busy minute), but a large burst plus any second
 * signal is.
 */
function burstScore(points: number, observed: number, limit: number): number {
  return round(points * Math.min(1.6, 1 + 0.5 * Math.log2(observed / limit)));
}

export function burst(i: SignalInput): Evidence | null {
  const minuteLimit = Math.max(i.t.burstMinMessages, i.t.burstRatio * i.peakMinute);
  const hourLimit = Math.max(3 * i.t.burstMinMessages, i.t.burstRatio * i.expectedHour);
  const points = i.t.burstPoints * i.trust;
  if (points <= 0) return null;
  const byMinute = i.minuteMessages / minuteLimit;
  const byHour = i.hourMessages / hourLimit;
  if (byMinute < 1 && byHour < 1) return null;
  return byMinute >= byHour
    ? evidence('BURST', burstScore(points, i.minuteMessages, minuteLimit), `${i.minuteMessages} messages in the last minute; its busiest minute is usually ${round(i.peakMinute)}`)
    : evidence('BURST', burstScore(points, i.hourMessages, hourLimit), `${i.hourMessages} messages in the last hour; about ${round(i.expectedHour)} are usual at this time`);
}

export function newDomainFanOut(i: SignalInput): Evidence | null {
  const score = i.t.newDomainPoints * i.trust;
  if (score <= 0 || i.hourNewDomainRecipients < i.t.newDomainMinRecipients) return null;
  const share = i.hourNewDomainRecipients / Math.max(1, i.hourRecipients);
  if (share < i.t.newDomainShare) return null;
  return evidence('NEW_DOMAIN_FANOUT', score, `${i.hourNewDomainRecipients} of ${i.hourRecipients} recipients in the last hour are at domains it never wrote to`);
}

export function repeatedContent(i: SignalInput): Evidence | null {
  const score = i.t.repeatPoints * i.trust;
  if (score <= 0) return null;
  if (i.repeatRecipients < Math.max(i.t.repeatMinRecipients, i.t.burstRatio * i.peakRepeat)) return null;
  return evidence('REPEATED_CONTENT', score, `the same text went to ${i.repeatRecipients} recipients this hour; usually at most ${round(i.peakRepeat)}`);
}

export function campaign(i: SignalInput): Evidence | null {
  // Both many senders and many recipients: a few shops on the same software sending the same order confirmation
  // in one hour is not a campaign.
  if (i.campaignIdentities < i.t.campaignIdentities || i.campaignRecipients < i.t.campaignMinRecipients) return null;
  return evidence('CAMPAIGN', i.t.campaignPoints,
    `the same text went to ${i.campaignRecipients} recipients from ${i.campaignIdentities} sender identities this hour`);
}

export function hardBounces(i: SignalInput): Evidence | null {
  const finished = i.dayDelivered + i.dayBounced;
  if (i.dayBounced < i.t.bounceMinCount || i.dayBounced / Math.max(1, finished) < i.t.bounceShare) return null;
  return evidence('HARD_BOUNCES', i.t.bouncePoints,
    `${i.dayBounced} of ${finished} recipients bounced in the last day (${i.dayUnknownRecipients} unknown addresses)`);
}

export function complaints(i: SignalInput): Evidence | null {
  if (i.dayComplaints < i.t.complaintMinCount) return null;
  return evidence('COMPLAINTS', i.t.complaintPoints, `${i.dayComplaints} spam complaints in the last day`);
}

/** A provider blocked the relay just after this identity sent much of the mail it received: points by its share. */
export function namedInBlock(i: SignalInput): Evidence | null {
  if (i.dayBlockNamings === 0) return null;
  const score = round(i.t.blockSuspectPoints * Math.min(1, i.dayBlockRisk));
  if (score <= 0) return null;
  return evidence('NAMED_IN_BLOCK', score, `named ${i.dayBlockNamings} time(s) in the last day as a likely cause of a provider's block of the relay (blame share ${Math.round(Math.min(1, i.dayBlockRisk) * 100)} %)`);
}

export function manyFromAddresses(i: SignalInput): Evidence | null {
  if (i.hourNewFroms < i.t.newFromAddresses) return null;
  return evidence('MANY_FROM_ADDRESSES', i.t.newFromPoints, `${i.hourNewFroms} From addresses it never used before, in the last hour`);
}

export function suspiciousAuth(i: SignalInput): Evidence[] {
  return i.authFlags.map((f) =>
    f.signal === 'new-network'
      ? evidence('AUTH_NEW_NETWORK', i.t.newNetworkPoints, f.detail)
      : evidence('AUTH_FAILURES_BEFORE_SUCCESS', i.t.authFailurePoints, f.detail),
  );
}

export function newIdentity(i: SignalInput): Evidence | null {
  const score = round(i.t.newIdentityPoints * (1 - i.trust));
  if (score <= 0) return null;
  return evidence('NEW_IDENTITY', score, `little clean history yet (trust ${Math.round(i.trust * 100)} %)`);
}

/** Every signal that fires for this message. */
export function allSignals(i: SignalInput): Evidence[] {
  const single = [burst, newDomainFanOut, repeatedContent, campaign, hardBounces, complaints, namedInBlock, manyFromAddresses, newIdentity]
    .map((signal) => signal(i))
    .filter((e): e is Evidence => e !== null);
  return [...single, ...suspiciousAuth(i)];
}
