import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/schema.js';
import { assessRates } from './rates.js';

const t = configSchema.parse({}).feedback.thresholds;
const who = { kind: 'identity' as const, key: 'acme/shop' };

describe('complaint and bounce rates', () => {
  it('holds above 0.3 % complaints on a meaningful volume, suspends far above, and says why', () => {
    expect(assessRates(who, { delivered: 1000, complaints: 3, hardBounces: 0 }, 0, t).recommendation).toBe('none'); // exactly 0.3 %
    const held = assessRates(who, { delivered: 1000, complaints: 5, hardBounces: 0 }, 0, t);
    expect(held.recommendation).toBe('hold');
    expect(held.evidence[0]!.description).toBe('5 complaints on 1000 deliveries (0.5 %, limit 0.3 %)');
    expect(assessRates(who, { delivered: 1000, complaints: 10, hardBounces: 0 }, 0, t).recommendation).toBe('suspend');
  });

  it('says nothing on too little volume', () => {
    expect(assessRates(who, { delivered: 50, complaints: 5, hardBounces: 20 }, 0, t).recommendation).toBe('none');
  });

  it('holds on hard bounces above the limit, and on a burst of unknown users whatever the volume', () => {
    expect(assessRates(who, { delivered: 400, complaints: 0, hardBounces: 30 }, 0, t).evidence.map((e) => e.name)).toEqual(['hard-bounce-rate']);
    const list = assessRates(who, { delivered: 10, complaints: 0, hardBounces: 30 }, 30, t);
    expect(list.recommendation).toBe('hold');
    expect(list.evidence.map((e) => e.name)).toEqual(['unknown-user-burst']);
  });
});
