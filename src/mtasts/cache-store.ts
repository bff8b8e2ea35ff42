// MTA-STS policies kept in the relay's database. A policy protects a domain only while the relay remembers it
// (RFC 8461 §5: the cache is what defeats an attacker who blocks the policy fetch or strips the TXT record), so it
// must outlive a restart: otherwise each restart reopens a window in which the first messages to an enforcing
// domain go out with opportunistic TLS, exactly what an on-path attacker waits for.
import type { Db } from '../store/sqlite.js';
import type { StsPolicy } from './policy.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS mta_sts_policies (
  domain TEXT PRIMARY KEY,
  id TEXT NOT NULL,                -- the _mta-sts TXT id the policy was fetched for
  mode TEXT NOT NULL,
  mx TEXT NOT NULL,                -- JSON array of the policy's mx patterns
  max_age_s INTEGER NOT NULL,
  expires_at INTEGER NOT NULL      -- epoch ms: fetched at + max_age
);
`;

export interface CachedPolicy {
  policy: StsPolicy;
  expiresAt: number;
}

export interface StsCacheStore {
  get(domain: string): CachedPolicy | undefined;
  put(domain: string, entry: CachedPolicy): void;
  /** Forget policies that expired before `now`; returns how many. */
  prune(now: number): number;
}

interface Row { domain: string; id: string; mode: StsPolicy['mode']; mx: string; max_age_s: number; expires_at: number }

export function createStsCacheStore(db: Db): StsCacheStore {
  db.exec(SCHEMA);
  const select = db.prepare('SELECT * FROM mta_sts_policies WHERE domain = ?');
  const upsert = db.prepare(
    `INSERT INTO mta_sts_policies (domain, id, mode, mx, max_age_s, expires_at) VALUES (@domain, @id, @mode, @mx, @maxAgeS, @expiresAt)
     ON CONFLICT (domain) DO UPDATE SET id = excluded.id, mode = excluded.mode, mx = excluded.mx, max_age_s = excluded.max_age_s, expires_at = excluded.expires_at`,
  );
  const remove = db.prepare('DELETE FROM mta_sts_policies WHERE expires_at <= ?');
  return {
    get(domain) {
      const r = select.get(domain) as Row | undefined;
      return r && { policy: { id: r.id, mode: r.mode, mx: JSON.parse(r.mx) as string[], maxAgeS: r.max_age_s }, expiresAt: r.expires_at };
    },
    put(domain, { policy, expiresAt }) {
      upsert.run({ domain, id: policy.id, mode: policy.mode, mx: JSON.stringify(policy.mx), maxAgeS: policy.maxAgeS, expiresAt });
    },
    prune: (now) => remove.run(now).changes,
  };
}
