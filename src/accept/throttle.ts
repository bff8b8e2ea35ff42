// Limits kept per client address: concurrent connections, and AUTH failures within a sliding window (so password
// guessing from one address does not scale). Plain data and an injected clock, so tests need no waiting.
import { isIPv4, isIPv6 } from 'node:net';

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
  /**
   * Count an AUTH attempt before its password is checked, so parallel guesses cannot all pass while the slow checks
   * run. Returns the epoch ms until which AUTH is refused (the attempt is then not counted) or 0 when it may go on,
   * and whether this attempt started a block (it still goes on; the ones after it are refused).
   */
  attempt(ip: string, now: number): { refusedUntil: number; blockStarted: boolean };
  /** A login that succeeded takes its attempt back: only failures count. */
  succeeded(ip: string, now: number): void;
}

interface FailureRecord {
  failures: number[]; // epoch ms, oldest first, at most `max`
  blockedUntil: number;
}

/** Bound on tracked keys: past it, records with no recent activity are dropped first. */
const MAX_TRACKED = 100_000;

/**
 * The keys an address is counted under: itself, and for IPv6 its /64 as well, because one host or customer usually
 * has a whole /64 and would otherwise get a fresh allowance per address.
 */
export function throttleKeys(ip: string): string[] {
  const v4 = ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  if (!isIPv6(v4)) return [v4];
  return [v4, `${prefix64(v4)}::/64`];
}

/** The first four groups of an IPv6 address, expanded (so "2001:db8::1" and "2001:db8:0:0::2" agree). */
function prefix64(ip: string): string {
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...left, ...new Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.slice(0, 4).map((g) => (parseInt(g, 16) || 0).toString(16)).join(':');
}

export function authThrottle(opts: { max: number; windowMs: number; blockMs: number }): AuthThrottle {
  const records = new Map<string, FailureRecord>();

  const prune = (now: number) => {
    for (const [key, r] of records) {
      const last = r.failures[r.failures.length - 1] ?? 0;
      if (r.blockedUntil <= now && last <= now - opts.windowMs) records.delete(key);
    }
  };

  return {
    attempt(ip, now) {
      const keys = throttleKeys(ip);
      const refusedUntil = Math.max(0, ...keys.map((k) => records.get(k)?.blockedUntil ?? 0).filter((t) => t > now));
      if (refusedUntil > 0) return { refusedUntil, blockStarted: false };
      if (records.size >= MAX_TRACKED) prune(now);
      let blockStarted = false;
      for (const key of keys) {
        const r = records.get(key) ?? { failures: [], blockedUntil: 0 };
        records.set(key, r);
        r.failures = r.failures.filter((t) => t > now - opts.windowMs);
        r.failures.push(now);
        if (r.failures.length >= opts.max) {
          r.blockedUntil = now + opts.blockMs;
          r.failures = [];
          blockStarted = true;
        }
      }
      return { refusedUntil: 0, blockStarted };
    },
    succeeded(ip, now) {
      for (const key of throttleKeys(ip)) {
        const r = records.get(key);
        if (!r) continue;
        // The block this very attempt started is lifted (it was the right password); any other stays.
        if (r.failures.length === 0 && r.blockedUntil === now + opts.blockMs) r.blockedUntil = 0;
        else r.failures.pop();
      }
    },
  };
}
