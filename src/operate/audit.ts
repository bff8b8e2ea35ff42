// The audit log: every change made through the admin API, the console, the end-user page or the command line, with
// who made it (the token's name, `enduser:<identity>`, or `cli:<os user>`), when, what and to which target.
// Append-only; read with `GET /api/v1/audit`, the console's Audit page or `mailwarden audit`.
import type { Db } from '../store/sqlite.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  who TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_action ON audit_log (action, seq);
`;

export interface AuditEntry {
  seq: number;
  at: number; // epoch ms
  who: string;
  action: string;
  target: string;
  detail: Record<string, unknown>;
}

export interface AuditLog {
  record(entry: Omit<AuditEntry, 'seq'>): void;
  /** Newest first; `action` and `target` filter, `before` pages back by sequence number. */
  list(filter: { limit: number; action?: string; target?: string; before?: number }): AuditEntry[];
}

interface Row {
  seq: number;
  at: number;
  who: string;
  action: string;
  target: string;
  detail: string;
}

export function createAuditLog(db: Db): AuditLog {
  db.exec(SCHEMA);
  const insert = db.prepare('INSERT INTO audit_log (at, who, action, target, detail) VALUES (?, ?, ?, ?, ?)');
  const select = db.prepare(
    `SELECT * FROM audit_log WHERE (:action IS NULL OR action = :action) AND (:target IS NULL OR target = :target) AND (:before IS NULL OR seq < :before)
     ORDER BY seq DESC LIMIT :limit`,
  );
  return {
    record: (e) => void insert.run(e.at, e.who, e.action, e.target, JSON.stringify(e.detail)),
    list: (f) =>
      (select.all({ action: f.action ?? null, target: f.target ?? null, before: f.before ?? null, limit: f.limit }) as Row[]).map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> })),
  };
}
