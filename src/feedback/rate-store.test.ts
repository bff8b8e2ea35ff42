import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/sqlite.js';
import { createRateStore, providerPrefix, providerSubject } from './rate-store.js';

describe('rate counts', () => {
  it('keeps counts that could not be written (a full disk) for the next flush', () => {
    const db = openDatabase(':memory:');
    const rates = createRateStore(db, { flushMs: 60_000 });
    rates.add(['identity:a/x'], 'delivered', 1000);
    db.pragma('query_only = ON'); // every write fails, as on a full disk
    expect(() => rates.add(['identity:a/x'], 'complaints', 2000, true)).toThrow();
    db.pragma('query_only = OFF');
    expect(rates.window('identity:a/x', 3_600_000, 3000)).toEqual({ delivered: 1, complaints: 1, hardBounces: 0, unknownUsers: 0 });
    rates.close();
  });

  it('sums every identity under one provider, and none of another provider', () => {
    const db = openDatabase(':memory:');
    const rates = createRateStore(db, { flushMs: 60_000 });
    rates.add([providerSubject('yahoo', 'a/x'), providerSubject('yahoo', 'b')], 'delivered', 1000);
    rates.add([providerSubject('yahoo', 'a/x')], 'delivered', 2000);
    rates.add([providerSubject('yahoo.example', 'c'), providerSubject('google', 'a/x')], 'delivered', 2000);
    const under = rates.windowsUnder(providerPrefix('yahoo'), 3_600_000, 3000);
    expect([...under].map(([s, c]) => [s, c.delivered])).toEqual([['provider:yahoo:a/x', 2], ['provider:yahoo:b', 1]]);
    rates.close();
  });
});
