import { describe, expect, it } from 'vitest';
import { countMessage, expectedHour, newBaseline, newPeriod, notePeaks, rollover, trust } from './baseline.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function sendDays(days: number, perDay: Array<[hour: number, count: number]>, flagged = false) {
  const b = newBaseline();
  const p = newPeriod(0);
  for (let d = 0; d < days; d++) {
    for (const [hour, count] of perDay) {
      const now = d * DAY + hour * HOUR + 60_000;
      rollover(b, p, now);
      for (let i = 0; i < count; i++) countMessage(p);
      notePeaks(p, Math.min(count, 10), 0, 0);
      if (flagged) p.dayFlagged = true;
    }
  }
  rollover(b, p, days * DAY);
  return b;
}

describe('hour-of-day baseline', () => {
  it('learns when an identity usually sends, and how much', () => {
    const b = sendDays(7, [[9, 300], [14, 5]]);
    expect(b.hourOfDay[9]).toBe(300);
    expect(b.hourOfDay[3]).toBe(0);
    expect(b.peakHour).toBe(300);
    expect(b.peakMinute).toBe(10);
    expect(b.activeDays).toBe(7);
    expect(expectedHour(b, 7 * DAY + 9 * HOUR)).toBe(300);
    // At 03:00 only a share of a usual day is unsurprising.
    expect(expectedHour(b, 7 * DAY + 3 * HOUR)).toBeCloseTo(305 / 8);
  });

  it('earns trust only from clean active days', () => {
    expect(trust(sendDays(2, [[10, 4]]), 3)).toBeCloseTo(2 / 3);
    expect(trust(sendDays(5, [[10, 4]]), 3)).toBe(1);
    expect(trust(sendDays(5, [[10, 4]], true), 3)).toBe(0);
  });

  it('fades after a long pause without looping over every missed hour', () => {
    const b = sendDays(3, [[9, 100]]);
    const p = newPeriod(3 * DAY);
    rollover(b, p, 400 * DAY);
    expect(b.hourOfDay[9]).toBeLessThan(1);
    expect(p.hourIndex).toBe(400 * 24);
  });
});
