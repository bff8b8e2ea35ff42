// Counts behind the rates (rates.ts): deliveries, complaints, hard and unknown-user bounces per identity and per
// account, in five-minute buckets so that a window of any length in minutes is a sum. Deliveries arrive on the hot
// path, one per recipient: they are added up in memory and written in one transaction every `flushMs` (and at close);
// a crash loses at most that much of the denominator, never a complaint (those are written at once).
import type { Db } from '../store/sqlite.js';
import type { WindowCounts } from './rates.js';

const BUCKET_MS = 5 * 60_000;

export type CountKind = 'delivered' | 'complaints' | 'hard_bounces' | 'unknown_users';

export type SubjectCounts = WindowCounts & { unknownUsers: number };

export interface RateStore {
  add(keys: readonly string[], kind: CountKind, now: number, immediate?: boolean): void;
  /** Sums over the window ending at `now`. */
  window(key: string, windowMs: number, now: number): SubjectCounts;
  /** Sums over the window for every subject that starts with `prefix`, by subject. */
  windowsUnder(prefix: string, windowMs: number, now: number): Map<string, SubjectCounts>;
  flush(): void;
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS feedback_counts (
  subject TEXT NOT NULL,            -- 'identity:<account/sub>', 'account:<name>' or 'provider:<name>:<account/sub>'
  bucket INTEGER NOT NULL,          -- epoch ms of the bucket's start
  delivered INTEGER NOT NULL DEFAULT 0,
  complaints INTEGER NOT NULL DEFAULT 0,
  hard_bounces INTEGER NOT NULL DEFAULT 0,
  unknown_users INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (subject, bucket)
);
`;

export const identitySubject = (identityKey: string) => `identity:${identityKey}`;
export const accountSubject = (account: string) => `account:${account}`;
/** One identity's mail toward one provider (its sends there, and its complaints and hard bounces from there). */
export const providerPrefix = (provider: string) => `provider:${provider}:`;
export const providerSubject = (provider: string, identityKey: string) => `${providerPrefix(provider)}${identityKey}`;

export function createRateStore(db: Db, opts: { flushMs: number }): RateStore {
  db.exec(SCHEMA);
  const bumpOf = (k: CountKind) => db.prepare<[string, number, number]>(
    `INSERT INTO feedback_counts (subject, bucket, ${k}) VALUES (?, ?, ?)
     ON CONFLICT(subject, bucket) DO UPDATE SET ${k} = ${k} + excluded.${k}`,
  );
  const bump: Record<CountKind, ReturnType<typeof bumpOf>> = {
    delivered: bumpOf('delivered'), complaints: bumpOf('complaints'), hard_bounces: bumpOf('hard_bounces'), unknown_users: bumpOf('unknown_users'),
  };
  const sum = db.prepare(
    `SELECT coalesce(sum(delivered), 0) AS delivered, coalesce(sum(complaints), 0) AS complaints,
       coalesce(sum(hard_bounces), 0) AS hardBounces, coalesce(sum(unknown_users), 0) AS unknownUsers
     FROM feedback_counts WHERE subject = ? AND bucket > ?`,
  );
  const sumUnder = db.prepare(
    `SELECT subject, sum(delivered) AS delivered, sum(complaints) AS complaints, sum(hard_bounces) AS hardBounces,
       sum(unknown_users) AS unknownUsers
     FROM feedback_counts WHERE subject >= ? AND subject < ? AND bucket > ? GROUP BY subject`,
  );
  /** subject \t bucket \t kind -> count not yet written */
  let pending = new Map<string, number>();
  const write = db.transaction((entries: Array<[string, number]>) => {
    for (const [key, n] of entries) {
      const [subject, bucket, kind] = key.split('\t') as [string, string, CountKind];
      bump[kind].run(subject, Number(bucket), n);
    }
  });
  const flush = () => {
    if (pending.size === 0) return;
    const entries = [...pending];
    pending = new Map();
    try {
      write(entries);
    } catch (err) {
      for (const [key, n] of entries) pending.set(key, (pending.get(key) ?? 0) + n); // kept for the next flush
      throw err;
    }
  };
  const timer = setInterval(() => {
    try {
      flush();
    } catch {
      // A full disk: the counts wait in memory for the next flush; a timer must never take the relay down.
    }
  }, opts.flushMs);
  timer.unref();
  return {
    add(keys, kind, now, immediate = false) {
      const bucket = now - (now % BUCKET_MS);
      for (const k of keys) {
        const key = `${k}\t${bucket}\t${kind}`;
        pending.set(key, (pending.get(key) ?? 0) + 1);
      }
      if (immediate) flush();
    },
    window(key, windowMs, now) {
      flush(); // the read sees every count so far
      // A bucket counts when any of it lies in the window: slightly generous at the edge, never blind to the last minutes.
      const r = sum.get(key, now - windowMs - BUCKET_MS) as SubjectCounts;
      return { delivered: r.delivered, complaints: r.complaints, hardBounces: r.hardBounces, unknownUsers: r.unknownUsers };
    },
    windowsUnder(prefix, windowMs, now) {
      flush();
      // The range [prefix, prefix with its last character raised) reads exactly the subjects under it, on the key's index.
      const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
      const rows = sumUnder.all(prefix, end, now - windowMs - BUCKET_MS) as Array<SubjectCounts & { subject: string }>;
      return new Map(rows.map(({ subject, ...counts }) => [subject, counts]));
    },
    flush,
    close() {
      clearInterval(timer);
      flush();
    },
  };
}
