// Token buckets per route (source IP x provider): one for the per-minute rate (holding ten seconds' worth, so that a
// burst is smoothed rather than sent at once), one for the per-hour volume. A rate of 0 is no limit: destinations
// without shipped defaults, loopback test and benchmark sinks among them, are never held back.

interface Bucket {
  tokens: number;
  at: number;
}

export interface Rates {
  perMinute: number;
  perHour: number;
}

export interface Shaper {
  /** Take one message's token at `now`: 0 when it may go now, else the milliseconds until it may. */
  take(route: string, rates: Rates, now: number): number;
  /** Messages the route was admitted over roughly the last minute (what a slowdown is measured from). */
  recentPerMinute(route: string, now: number): number;
}

const BURST_SECONDS = 10;

function refill(b: Bucket, perMs: number, capacity: number, now: number): void {
  b.tokens = Math.min(capacity, b.tokens + Math.max(0, now - b.at) * perMs);
  b.at = now;
}

export function createShaper(): Shaper {
  const minute = new Map<string, Bucket>();
  const hour = new Map<string, Bucket>();
  /** Admissions per route in the current and the previous whole minute. */
  const counts = new Map<string, { minute: number; current: number; previous: number }>();

  /** How long until a token is there, refilling first; does not take it. */
  function wait(map: Map<string, Bucket>, route: string, perPeriod: number, periodMs: number, capacity: number, now: number): number {
    if (perPeriod <= 0) return 0;
    const perMs = perPeriod / periodMs;
    let b = map.get(route);
    if (!b) map.set(route, (b = { tokens: capacity, at: now }));
    refill(b, perMs, capacity, now);
    return b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) / perMs);
  }

  function count(route: string, now: number): void {
    const m = Math.floor(now / 60_000);
    const c = counts.get(route) ?? { minute: m, current: 0, previous: 0 };
    if (c.minute !== m) Object.assign(c, { previous: c.minute === m - 1 ? c.current : 0, current: 0, minute: m });
    c.current += 1;
    counts.set(route, c);
  }

  return {
    take(route, rates, now) {
      const minuteCap = Math.max(1, (rates.perMinute * BURST_SECONDS) / 60);
      const ms = Math.max(
        wait(minute, route, rates.perMinute, 60_000, minuteCap, now),
        wait(hour, route, rates.perHour, 3_600_000, Math.max(1, rates.perHour), now),
      );
      if (ms > 0) return ms;
      if (rates.perMinute > 0) minute.get(route)!.tokens -= 1;
      if (rates.perHour > 0) hour.get(route)!.tokens -= 1;
      count(route, now);
      return 0;
    },
    recentPerMinute(route, now) {
      const c = counts.get(route);
      if (!c) return 0;
      const m = Math.floor(now / 60_000);
      if (c.minute === m) return c.current + c.previous * (1 - (now % 60_000) / 60_000);
      return c.minute === m - 1 ? c.current * (1 - (now % 60_000) / 60_000) : 0;
    },
  };
}
