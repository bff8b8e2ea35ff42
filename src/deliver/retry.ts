// What one classified reply means for a recipient: delivered, bounced, or tried again on the retry schedule until the
// message's lifetime is over (then expired). The one place that decides it; see outcomeOf.
import type { Classification } from '../classify/types.js';
import type { AttemptState } from '../queue/types.js';

export interface RetrySchedule {
  /** Seconds between attempts; the last interval repeats. */
  scheduleS: readonly number[];
  maxLifetimeS: number;
}

/** Where the recipient stands after the attempt; `nextAttemptAt` matters only when deferred. */
export interface Outcome {
  state: AttemptState;
  nextAttemptAt: number;
}

/** The recipient's history as the outcome needs it. */
export interface AttemptClock {
  /** Attempts including the one that produced the reply. */
  attempts: number;
  receivedAt: number;
  now: number;
  /**
   * A set time for the next attempt that the route reactions chose (src/routes): after the delay a greylisting server
   * asked for, or at once when the refusal was of the source IP and the retry leaves from another one. Such a refusal
   * is not the recipient's, so even a permanent one is retried then, within the message's lifetime.
   */
  retryAt?: number;
}

/** Delay before attempt number `attemptsSoFar + 1`. */
export function retryDelayMs(schedule: RetrySchedule, attemptsSoFar: number): number {
  const s = schedule.scheduleS;
  return s[Math.min(Math.max(attemptsSoFar - 1, 0), s.length - 1)]! * 1000;
}

/**
 * The outcome of one classified reply. It reads the reply code and the classifier's `permanent`, never its action
 * names:
 * - 2xx: delivered.
 * - 5xx that the classifier calls permanent: bounced (RFC 5321 §4.2.1: the command failed for good).
 * - 5xx that the classifier calls temporary: retried. Providers answer some passing conditions (rate limits, a
 *   reputation hold "try again later") with a 5xx; a rule that recognises one knows better than the first digit, and
 *   the lifetime still ends the retries.
 * - 4xx, whatever the classifier says: retried. RFC 5321 §4.2.1 makes a 4yz a statement by the server that the
 *   condition is temporary and the request may be repeated; a full mailbox or a greylist clears up, and bouncing on
 *   our own guess would lose mail the server said it may take later.
 * - no reply (network error, timeout): retried.
 * - a set `retryAt` (a refusal of the route, not of the recipient): retried at that time.
 */
export function outcomeOf(c: Pick<Classification, 'code' | 'permanent'>, schedule: RetrySchedule, at: AttemptClock): Outcome {
  if (c.code !== null && c.code >= 200 && c.code < 300) return { state: 'delivered', nextAttemptAt: at.now };
  const next = at.retryAt ?? at.now + retryDelayMs(schedule, at.attempts);
  if (at.retryAt === undefined && c.code !== null && c.code >= 500 && c.permanent) return { state: 'bounced', nextAttemptAt: at.now };
  if (next > at.receivedAt + schedule.maxLifetimeS * 1000) return { state: 'expired', nextAttemptAt: at.now };
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
