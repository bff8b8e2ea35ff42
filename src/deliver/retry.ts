// What one reply means for a recipient: delivered (2xx), failed for good (5xx, RFC 5321 §4.2.1), or to be tried
// again on the retry schedule (4xx and no reply at all) until the message's lifetime is over.
import type { AttemptState } from '../queue/types.js';

export interface RetryPolicy {
  /** Seconds between attempts; the last interval repeats. */
  scheduleS: readonly number[];
  maxLifetimeS: number;
}

export interface Verdict {
  state: AttemptState;
  nextAttemptAt: number;
}

/** Delay before attempt number `attemptsSoFar + 1`. */
export function retryDelayMs(policy: RetryPolicy, attemptsSoFar: number): number {
  const s = policy.scheduleS;
  return s[Math.min(Math.max(attemptsSoFar - 1, 0), s.length - 1)]! * 1000;
}

/**
 * @param attemptsSoFar attempts including the one that produced `code`
 */
export function judgeReply(code: number | null, policy: RetryPolicy, receivedAt: number, attemptsSoFar: number, now: number): Verdict {
  if (code !== null && code >= 200 && code < 300) return { state: 'delivered', nextAttemptAt: now };
  if (code !== null && code >= 500) return { state: 'bounced', nextAttemptAt: now };
  const next = now + retryDelayMs(policy, attemptsSoFar);
  if (next > receivedAt + policy.maxLifetimeS * 1000) return { state: 'expired', nextAttemptAt: now };
  return { state: 'deferred', nextAttemptAt: next };
}

/** The RFC 3463 enhanced status in a reply ("550 5.1.1 ..."), or one derived from the basic code. */
export function enhancedStatus(reply: string, code: number | null): string {
  const m = /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(reply.trim());
  if (m) return m[1]!;
  if (code !== null && code >= 500) return '5.0.0';
  if (code !== null && code >= 200 && code < 300) return '2.0.0';
  return '4.0.0';
}
