import { describe, expect, it } from 'vitest';
import { classifyReply } from '../classify/index.js';
import { enhancedStatus, outcomeOf, retryDelayMs } from './retry.js';

const schedule = { scheduleS: [60, 300, 900], maxLifetimeS: 3600 };
const first = { attempts: 1, receivedAt: 0, now: 0 };

describe('retry schedule', () => {
  it('grows the interval and repeats the last one', () => {
    expect([1, 2, 3, 4, 9].map((n) => retryDelayMs(schedule, n))).toEqual([60_000, 300_000, 900_000, 900_000, 900_000]);
  });
});

describe('outcomeOf', () => {
  it('delivers on 2xx', () => {
    expect(outcomeOf({ code: 250, permanent: false }, schedule, first).state).toBe('delivered');
  });
  it('bounces a 5xx the classifier calls permanent', () => {
    expect(outcomeOf({ code: 550, permanent: true }, schedule, first).state).toBe('bounced');
  });
  it('retries a 5xx the classifier calls temporary', () => {
    expect(outcomeOf({ code: 550, permanent: false }, schedule, first)).toEqual({ state: 'deferred', nextAttemptAt: 60_000 });
  });
  it('retries a 4xx even when the classifier calls it permanent (RFC 5321 §4.2.1: the server said "later")', () => {
    expect(outcomeOf({ code: 452, permanent: true }, schedule, first)).toEqual({ state: 'deferred', nextAttemptAt: 60_000 });
  });
  it('retries when no reply came at all', () => {
    expect(outcomeOf({ code: null, permanent: true }, schedule, { attempts: 2, receivedAt: 0, now: 1000 })).toEqual({ state: 'deferred', nextAttemptAt: 301_000 });
  });
  it('expires a recipient whose next attempt would fall after the lifetime', () => {
    expect(outcomeOf({ code: 451, permanent: false }, schedule, { attempts: 5, receivedAt: 0, now: 3_000_000 }).state).toBe('expired');
    expect(outcomeOf({ code: null, permanent: false }, schedule, { attempts: 5, receivedAt: 0, now: 3_000_000 }).state).toBe('expired');
  });
  it('follows the real classifier: unknown user bounces, a full mailbox (4xx) and a timeout are retried', () => {
    const at = (text: string) => outcomeOf(classifyReply({ text, phase: 'rcpt' }), schedule, first).state;
    expect(at('550 5.1.1 <x@y.test>: Recipient address rejected: User unknown')).toBe('bounced');
    expect(at('452 4.2.2 Mailbox full')).toBe('deferred');
    expect(at('ETIMEDOUT: connection timed out')).toBe('deferred');
    // A greylister that answers with a 5xx: the greylisting rule calls it temporary, so it is retried.
    expect(classifyReply({ text: '550 5.7.1 Greylisted, please come back later' }).permanent).toBe(false);
    expect(at('550 5.7.1 Greylisted, please come back later')).toBe('deferred');
  });
});

describe('enhancedStatus', () => {
  it('reads the enhanced status of a reply, or derives one', () => {
    expect(enhancedStatus('550 5.1.1 <x@y>: no such user', 550)).toBe('5.1.1');
    expect(enhancedStatus('550-5.7.1 blocked\n550 5.7.1 more', 550)).toBe('5.7.1');
    expect(enhancedStatus('554 go away', 554)).toBe('5.0.0');
    expect(enhancedStatus('connection refused', null)).toBe('4.0.0');
  });
});
