import { describe, expect, it } from 'vitest';
import { authThrottle, connectionCounter } from './throttle.js';

describe('AUTH failure throttle', () => {
  const opts = { max: 3, windowMs: 60_000, blockMs: 300_000 };
  it('blocks an address after max failures within the window, for blockMs', () => {
    const t = authThrottle(opts);
    expect(t.recordFailure('10.0.0.1', 0)).toBe(false);
    expect(t.recordFailure('10.0.0.1', 1000)).toBe(false);
    expect(t.blockedUntil('10.0.0.1', 1500)).toBe(0);
    expect(t.recordFailure('10.0.0.1', 2000)).toBe(true);
    expect(t.blockedUntil('10.0.0.1', 2001)).toBe(302_000);
    expect(t.blockedUntil('10.0.0.2', 2001)).toBe(0);
    expect(t.blockedUntil('10.0.0.1', 302_000)).toBe(0);
  });
  it('forgets failures older than the window', () => {
    const t = authThrottle(opts);
    t.recordFailure('10.0.0.1', 0);
    t.recordFailure('10.0.0.1', 1000);
    expect(t.recordFailure('10.0.0.1', 70_000)).toBe(false);
  });
});

describe('connections per address', () => {
  it('counts per address and frees slots on close', () => {
    const c = connectionCounter(2);
    expect([c.open('a'), c.open('a'), c.open('a'), c.open('b')]).toEqual([true, true, false, true]);
    c.close('a');
    expect(c.open('a')).toBe(true);
  });
});
