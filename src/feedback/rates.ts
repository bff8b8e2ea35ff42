// Complaint and hard-bounce rates over the relay's own deliveries, and the list-hygiene signal, as pure functions:
// counts in, a typed recommendation with its evidence out. Thresholds follow the big providers' bulk-sender rules
// (Gmail and Yahoo, 2024: keep complaints under 0.3 %; bounce rates of a few percent mark a bad list), and count
// only on a meaningful volume: two complaints on ten messages say little.
import type { Config } from '../config/schema.js';
import type { Evidence } from '../shared/types.js';

export type RateThresholds = Config['feedback']['thresholds'];

export interface WindowCounts {
  delivered: number;
  complaints: number;
  hardBounces: number;
}

/** Whose rates: one identity (`account/sub` key) or a whole account. */
export interface RateSubject {
  kind: 'identity' | 'account';
  key: string;
}

export type Recommendation = 'none' | 'hold' | 'suspend';

export interface RateAssessment {
  subject: RateSubject;
  recommendation: Recommendation;
  evidence: Evidence[];
  counts: WindowCounts & { unknownUsers: number };
}

const pct = (x: number) => `${(Math.round(x * 10000) / 100).toString()} %`;

function rateFinding(name: string, what: string, count: number, delivered: number, threshold: number, t: RateThresholds): { evidence: Evidence; level: Recommendation } | null {
  if (delivered < t.minDeliveries || count === 0) return null;
  const rate = count / delivered;
  if (rate <= threshold) return null;
  const level = rate > threshold * t.suspendFactor ? 'suspend' : 'hold';
  return {
    level,
    evidence: { kind: 'feedback', name, score: rate, description: `${count} ${what} on ${delivered} deliveries (${pct(rate)}, limit ${pct(threshold)})` },
  };
}

const RANK: Record<Recommendation, number> = { none: 0, hold: 1, suspend: 2 };

/**
 * `unknownUsers`: unknown-user bounces in the (shorter) list-hygiene window. That signal holds on count alone:
 * a burst of addresses that never existed is a bought or scraped list whatever the volume around it.
 */
export function assessRates(subject: RateSubject, counts: WindowCounts, unknownUsers: number, t: RateThresholds): RateAssessment {
  const findings = [
    rateFinding('complaint-rate', 'complaints', counts.complaints, counts.delivered, t.complaintRate, t),
    rateFinding('hard-bounce-rate', 'hard bounces', counts.hardBounces, counts.delivered, t.hardBounceRate, t),
  ].filter((f) => f !== null);
  if (unknownUsers >= t.unknownUserBurst) {
    findings.push({
      level: 'hold',
      evidence: { kind: 'feedback', name: 'unknown-user-burst', score: unknownUsers, description: `${unknownUsers} bounces for recipients that do not exist (limit ${t.unknownUserBurst}): a bought or stale list` },
    });
  }
  const recommendation = findings.reduce<Recommendation>((worst, f) => (RANK[f.level] > RANK[worst] ? f.level : worst), 'none');
  return { subject, recommendation, evidence: findings.map((f) => f.evidence), counts: { ...counts, unknownUsers } };
}
