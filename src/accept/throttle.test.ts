import { describe, expect, it } from 'vitest';
import { authThrottle, connectionCounter } from './throttle.js';

describe('AUTH failure throttle', () => {
  const opts = { max: 3, windowMs: 60_000, blockMs: 300_000 };
  it('counts attempts before they are checked and refuses after max within the window, for blockMs', () => {
    const t = authThrottle(opts);
    expect(t.attempt('10.0.0.1', 0)).toEqual({ refusedUntil: 0, blockStarted: false });
    expect(t.attempt('10.0.0.1', 1000)).toEqual({ refusedUntil: 0, blockStarted: false });
    expect(t.attempt('10.0.0.1', 2000)).toEqual({ refusedUntil: 0, blockStarted: true });
    expect(t.attempt('10.0.0.1', 2001)).toEqual({ refusedUntil: 302_000, blockStarted: false });
    expect(t.attempt('10.0.0.2', 2001).refusedUntil).toBe(0);
    expect(t.attempt('10.0.0.1', 302_000).refusedUntil).toBe(0);
  });
  it('forgets failures older than the window, and a success takes its attempt back', () => {
    const t = authThrottle(opts);
    t.attempt('10.0.0.1', 0);
    t.attempt('10.0.0.1', 1000);
    expect(t.attempt('10.0.0.1', 70_000).blockStarted).toBe(false);
    t.succeeded('10.0.0.1', 70_000);
    expect(t.attempt('10.0.0.1', 70_001).blockStarted).toBe(false);
    t.succeeded('10.0.0.1', 70_001);
    t.attempt('10.0.0.1', 70_002);
    t.attempt('10.0.0.1', 70_003);
    expect(t.attempt('10.0.0.1', 70_004).blockStarted).toBe(true);
  });
  it('counts IPv6 addresses per /64 too: a new address in the same /64 gets no fresh allowance', () => {
    const t = authThrottle(opts);
    t.attempt('2001:db8:1:2::a', 0);
    t.attempt('2001:db8:1:2:0:0:0:b', 0);
    expect(t.attempt('2001:db8:1:2::c', 0).blockStarted).toBe(true);
    expect(t.attempt('2001:db8:1:2:ffff::d', 1).refusedUntil).toBe(300_000);
    expect(t.attempt('2001:db8:1:3::a', 1).refusedUntil).toBe(0);
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
