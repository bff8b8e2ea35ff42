// The one suspension model, for sender identities and whole accounts alike (an account's key is its name): in the
// shared database so that the relay and the CLI see the same list. A suspension made by the policy is visible to
// `mailwarden senders`, one made with `accounts suspend` refuses the login (the account store reads it here), and a
// reinstatement takes effect on the relay's next message without a restart.
import type { Db } from '../store/sqlite.js';
import type { Evidence } from '../shared/types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS suspensions (
  identity TEXT PRIMARY KEY,
  since INTEGER NOT NULL,
  until INTEGER NOT NULL,          -- epoch ms; 0 = until an operator reinstates it
  by TEXT NOT NULL,                -- 'policy' or 'operator'
  reason TEXT NOT NULL,
  evidence TEXT NOT NULL,          -- JSON SuspensionEvidence
  reinstated_at INTEGER
);
`;

/** What a suspension records so that an operator can judge it: why, with counts and samples. */
export interface SuspensionEvidence {
  signals: Evidence[];
  counts: Record<string, number>;
  sampleSubjects: string[];
  fingerprints: string[];
}

export interface Suspension {
  identity: string;
  since: number;
  until: number;
  by: 'policy' | 'operator';
  reason: string;
  evidence: SuspensionEvidence;
  reinstatedAt: number | null;
}

export interface Suspensions {
  /** The suspension on record for this identity key (in force or not). */
  find(identity: string): Suspension | undefined;
  /** The suspension in force for this identity key at `now`, if any. */
  active(identity: string, now: number): Suspension | undefined;
  /** Every suspension on record (in force, expired or reinstated), newest first. */
  list(): Suspension[];
  suspend(s: Omit<Suspension, 'reinstatedAt'>): void;
  /** Lift a suspension; returns false when none was in force. */
  reinstate(identity: string, now: number): boolean;
}

interface Row {
  identity: string;
  since: number;
  until: number;
  by: 'policy' | 'operator';
  reason: string;
  evidence: string;
  reinstated_at: number | null;
}

const fromRow = (r: Row): Suspension => ({
  identity: r.identity,
  since: r.since,
  until: r.until,
  by: r.by,
  reason: r.reason,
  evidence: JSON.parse(r.evidence) as SuspensionEvidence,
  reinstatedAt: r.reinstated_at,
});

/** An operator's suspension of an identity key or account: no signals to show, only the operator's reason. */
export function operatorSuspension(identity: string, reason: string, now: number, until = 0): Omit<Suspension, 'reinstatedAt'> {
  return { identity, since: now, until, by: 'operator', reason, evidence: { signals: [], counts: {}, sampleSubjects: [], fingerprints: [] } };
}

export function isInForce(s: Suspension, now: number): boolean {
  return s.reinstatedAt === null && (s.until === 0 || s.until > now);
}

export function createSuspensions(db: Db): Suspensions {
  db.exec(SCHEMA);
  const selectOne = db.prepare('SELECT * FROM suspensions WHERE identity = ?');
  const selectAll = db.prepare('SELECT * FROM suspensions ORDER BY since DESC');
  const upsert = db.prepare(
    `INSERT INTO suspensions (identity, since, until, by, reason, evidence, reinstated_at) VALUES (?, ?, ?, ?, ?, ?, NULL)
     ON CONFLICT(identity) DO UPDATE SET since = excluded.since, until = excluded.until, by = excluded.by,
       reason = excluded.reason, evidence = excluded.evidence, reinstated_at = NULL`,
  );
  const lift = db.prepare('UPDATE suspensions SET reinstated_at = ? WHERE identity = ?');

  const find = (identity: string) => {
    const row = selectOne.get(identity) as Row | undefined;
    return row && fromRow(row);
  };

  return {
    find,
    active(identity, now) {
      const s = find(identity);
      return s && isInForce(s, now) ? s : undefined;
    },
    list: () => (selectAll.all() as Row[]).map(fromRow),
    suspend(s) {
      upsert.run(s.identity, s.since, s.until, s.by, s.reason, JSON.stringify(s.evidence));
    },
    reinstate(identity, now) {
      const s = find(identity);
      if (!s || !isInForce(s, now)) return false;
      lift.run(now, identity);
      return true;
    },
  };
}
