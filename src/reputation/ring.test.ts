import { describe, expect, it } from 'vitest';
import { addToRing, newRing, ringSums } from './ring.js';

describe('bucketed ring counters', () => {
  it('sums what was added inside the window', () => {
    const ring = newRing(1000, 60);
    addToRing(ring, 10_000, { messages: 1, recipients: 3 });
    addToRing(ring, 30_500, { messages: 2, recipients: 2 });
    expect(ringSums(ring, 31_000)).toMatchObject({ messages: 3, recipients: 5 });
  });

  it('forgets buckets that rolled out of the window', () => {
    const ring = newRing(1000, 60);
    addToRing(ring, 0, { messages: 5 });
    addToRing(ring, 59_999, { messages: 1 });
    expect(ringSums(ring, 59_999).messages).toBe(6);
    expect(ringSums(ring, 60_000).messages).toBe(1);
    expect(ringSums(ring, 120_000).messages).toBe(0);
  });

  it('clears the whole ring after a pause longer than the window, and a late event still lands in its bucket', () => {
    const ring = newRing(1000, 10);
    addToRing(ring, 1000, { messages: 4 });
    addToRing(ring, 1_000_000, { messages: 1 });
    addToRing(ring, 995_500, { messages: 2 }); // 4.5 s late: still inside the 10 s window
    addToRing(ring, 900_000, { messages: 7 }); // older than the window: dropped
    expect(ringSums(ring, 1_000_000).messages).toBe(3);
  });

  it('reads and extends a ring stored before a metric was added', () => {
    const ring = newRing(1000, 10);
    for (const bucket of ring.buckets) bucket.length = 8; // a day ring written before blockNamings and blockRisk
    addToRing(ring, 5000, { messages: 1, blockNamings: 1, blockRisk: 0.75 });
    expect(ringSums(ring, 5000)).toMatchObject({ messages: 1, blockNamings: 1, blockRisk: 0.75 });
  });
});
