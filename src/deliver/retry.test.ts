import { describe, expect, it } from 'vitest';
import { enhancedStatus, judgeReply, retryDelayMs } from './retry.js';

const policy = { scheduleS: [60, 300, 900], maxLifetimeS: 3600 };

describe('retry schedule', () => {
  it('grows the interval and repeats the last one', () => {
    expect([1, 2, 3, 4, 9].map((n) => retryDelayMs(policy, n))).toEqual([60_000, 300_000, 900_000, 900_000, 900_000]);
  });
  it('delivers on 2xx, bounces on 5xx, defers on 4xx and on no reply', () => {
    expect(judgeReply(250, policy, 0, 1, 0).state).toBe('delivered');
    expect(judgeReply(550, policy, 0, 1, 0).state).toBe('bounced');
    expect(judgeReply(451, policy, 0, 1, 0)).toEqual({ state: 'deferred', nextAttemptAt: 60_000 });
    expect(judgeReply(null, policy, 0, 2, 1000)).toEqual({ state: 'deferred', nextAttemptAt: 301_000 });
  });
  it('expires a message whose next attempt would fall after its lifetime', () => {
    expect(judgeReply(451, policy, 0, 5, 3_000_000).state).toBe('expired');
  });
  it('reads the enhanced status of a reply, or derives one', () => {
    expect(enhancedStatus('550 5.1.1 <x@y>: no such user', 550)).toBe('5.1.1');
    expect(enhancedStatus('550-5.7.1 blocked\n550 5.7.1 more', 550)).toBe('5.7.1');
    expect(enhancedStatus('554 go away', 554)).toBe('5.0.0');
    expect(enhancedStatus('connection refused', null)).toBe('4.0.0');
  });
});
