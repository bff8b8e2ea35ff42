// Limits kept per client address: concurrent connections, and AUTH failures within a sliding window (so password
// guessing from one address does not scale). Plain data and an injected clock, so tests need no waiting.

export interface ConnectionCounter {
  /** Count a new connection; false (and nothing counted) when the address is at its limit. */
  open(ip: string): boolean;
  close(ip: string): void;
}

export function connectionCounter(maxPerIp: number): ConnectionCounter {
  const open = new Map<string, number>();
  return {
    open(ip) {
      const n = open.get(ip) ?? 0;
      if (n >= maxPerIp) return false;
      open.set(ip, n + 1);
      return true;
    },
    close(ip) {
      const n = (open.get(ip) ?? 1) - 1;
      if (n <= 0) open.delete(ip);
      else open.set(ip, n);
    },
  };
}

export interface AuthThrottle {
  /** Epoch ms until which AUTH from this address is refused, or 0 when it is allowed now. */
  blockedUntil(ip: string, now: number): number;
  /** Record a failure; returns true when this failure starts a block. */
  recordFailure(ip: string, now: number): boolean;
}

interface FailureRecord {
  failures: number[]; // epoch ms, oldest first, at most `max`
  blockedUntil: number;
}

/** Bound on tracked addresses: past it, records with no recent activity are dropped first. */
const MAX_TRACKED = 100_000;

export function authThrottle(opts: { max: number; windowMs: number; blockMs: number }): AuthThrottle {
  const records = new Map<string, FailureRecord>();

  const prune = (now: number) => {
    for (const [ip, r] of records) {
      const last = r.failures[r.failures.length - 1] ?? 0;
      if (r.blockedUntil <= now && last <= now - opts.windowMs) records.delete(ip);
    }
  };

  return {
    blockedUntil(ip, now) {
      const until = records.get(ip)?.blockedUntil ?? 0;
      return until > now ? until : 0;
    },
    recordFailure(ip, now) {
      if (records.size >= MAX_TRACKED) prune(now);
      const r = records.get(ip) ?? { failures: [], blockedUntil: 0 };
      records.set(ip, r);
      r.failures = r.failures.filter((t) => t > now - opts.windowMs);
      r.failures.push(now);
      if (r.failures.length >= opts.max && r.blockedUntil <= now) {
        r.blockedUntil = now + opts.blockMs;
        r.failures = [];
        return true;
      }
      return false;
    },
  };
}
