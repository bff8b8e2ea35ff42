import { expect, it } from 'vitest';
import type { TimelineEvent } from '../queue/events.js';
import { createFlow } from './flow.js';

it('counts outcomes per bucket over the chosen range and forgets minutes older than a day', () => {
  let now = 10 * 86_400_000;
  const flow = createFlow(() => now);
  const ev = (type: 'delivered' | 'bounced' | 'quarantined' | 'attempt', at: number) => ({ messageId: 'M', at, type, recipient: 'r@x.test', data: {} }) as unknown as TimelineEvent;
  flow.record([ev('delivered', now - 30 * 60_000), ev('delivered', now), ev('bounced', now), ev('attempt', now), ev('quarantined', now - 61 * 60_000)]);
  flow.refused('reject');
  const hour = flow.series(60, 6);
  expect(hour.starts).toHaveLength(6);
  expect(hour.counts.delivered.reduce((a, b) => a + b)).toBe(2);
  expect(hour.counts.delivered.at(-1)).toBe(1);
  expect(hour.counts.bounced.at(-1)).toBe(1);
  expect(hour.counts.refused.at(-1)).toBe(1);
  expect(hour.counts.held.reduce((a, b) => a + b)).toBe(0); // 61 minutes ago: outside the last hour
  expect(flow.series(120, 12).counts.held.reduce((a, b) => a + b)).toBe(1);
  now += 86_400_000; // a day later the same slots hold new minutes: nothing old is read back
  expect(Object.values(flow.series(1440, 24).counts).flat().reduce((a, b) => a + b)).toBe(0);
});
