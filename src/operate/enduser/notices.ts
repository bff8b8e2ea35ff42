// What an end user's link points at: one notice per (identity, refusal code), holding what the policy said and the
// evidence about that identity only. The link names a notice by number, with an expiry and an HMAC over both, so it
// is short (24 characters), cannot be forged or extended, and reveals nothing by itself.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Evidence } from '../../shared/types.js';
import type { Db } from '../../store/sqlite.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS enduser_notices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  identity TEXT NOT NULL,
  code TEXT NOT NULL,
  verdict TEXT NOT NULL,
  reason TEXT NOT NULL,
  evidence TEXT NOT NULL,          -- JSON Evidence[]
  at INTEGER NOT NULL,
  review_requested_at INTEGER,
  UNIQUE (identity, code)
);
`;

const MAC_BYTES = 10;
/** The same refusal again within this time reuses the stored notice without writing (a refused spammer retries fast). */
const REWRITE_AFTER_MS = 60_000;

export interface Notice {
  id: number;
  identity: string;
  code: string;
  verdict: string;
  reason: string;
  evidence: Evidence[];
  at: number;
  reviewRequestedAt: number | null;
}

export function createNotices(db: Db, secret: string) {
  db.exec(SCHEMA);
  const upsert = db.prepare(
    `INSERT INTO enduser_notices (identity, code, verdict, reason, evidence, at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (identity, code) DO UPDATE SET verdict = excluded.verdict, reason = excluded.reason, evidence = excluded.evidence, at = excluded.at
     RETURNING id`,
  ).pluck();
  const byId = db.prepare('SELECT * FROM enduser_notices WHERE id = ?');
  const markReview = db.prepare('UPDATE enduser_notices SET review_requested_at = ? WHERE id = ? AND review_requested_at IS NULL');
  const recent = new Map<string, { id: number; at: number }>();
  const mac = (body: Buffer) => createHmac('sha256', secret).update(body).digest().subarray(0, MAC_BYTES);

  return {
    /** Store (or refresh) the notice and return its id. */
    note(n: Omit<Notice, 'id' | 'reviewRequestedAt'>): number {
      const key = `${n.identity}\n${n.code}`;
      const seen = recent.get(key);
      if (seen && n.at - seen.at < REWRITE_AFTER_MS) return seen.id;
      const id = upsert.get(n.identity, n.code, n.verdict, n.reason, JSON.stringify(n.evidence), n.at) as number;
      if (recent.size >= 10_000) recent.clear(); // bounded: at worst a few extra writes
      recent.set(key, { id, at: n.at });
      return id;
    },
    token(id: number, expiresAt: number): string {
      const body = Buffer.alloc(8);
      body.writeUInt32BE(id, 0);
      body.writeUInt32BE(Math.floor(expiresAt / 1000), 4);
      return Buffer.concat([body, mac(body)]).toString('base64url');
    },
    /** The notice a token names, or why not. */
    open(token: string, now: number): { notice: Notice } | { error: 'invalid' | 'expired' } {
      const raw = /^[A-Za-z0-9_-]{24}$/.test(token) ? Buffer.from(token, 'base64url') : null;
      if (!raw || raw.length !== 8 + MAC_BYTES) return { error: 'invalid' };
      const body = raw.subarray(0, 8);
      if (!timingSafeEqual(mac(body), raw.subarray(8))) return { error: 'invalid' };
      if (body.readUInt32BE(4) * 1000 < now) return { error: 'expired' };
      const r = byId.get(body.readUInt32BE(0)) as (Omit<Notice, 'evidence' | 'reviewRequestedAt'> & { evidence: string; review_requested_at: number | null }) | undefined;
      if (!r) return { error: 'invalid' };
      return { notice: { id: r.id, identity: r.identity, code: r.code, verdict: r.verdict, reason: r.reason, evidence: JSON.parse(r.evidence) as Evidence[], at: r.at, reviewRequestedAt: r.review_requested_at } };
    },
    /** False when a review was already asked for (once per notice). */
    requestReview: (id: number, now: number): boolean => markReview.run(now, id).changes > 0,
  };
}

export type Notices = ReturnType<typeof createNotices>;
