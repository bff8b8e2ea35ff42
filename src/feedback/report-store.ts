// Every report the stage read (traced, forged or untraceable: kept with the reason, the raw bytes of those we could
// not use, for an operator to look at) and the replay guard (one key per message, recipient and kind of report). The
// stage's events are not kept here: they join the queue's one event stream (store.addEvents).
import type { BounceKind } from '../bounce/index.js';
import type { ReportSource } from '../queue/events.js';
import type { Db } from '../store/sqlite.js';

export type ReportStatus = 'applied' | 'duplicate' | 'forged' | 'untraceable' | 'ignored';

export interface StoredReport {
  id: number;
  at: number;
  source: ReportSource;
  kind: BounceKind;
  status: ReportStatus;
  reason: string;
  messageId: string;
  identity: string;
  recipient: string;
}

export interface ReportStore {
  /** Records a report; returns its id. `raw` is kept only for reports we could not use. */
  add(r: Omit<StoredReport, 'id'> & { raw?: Buffer }): number;
  /** Sets the final status of a report recorded before it was acted upon. */
  settle(id: number, status: ReportStatus, reason: string): void;
  /** Claims a replay key; false when a report with the same key was already counted. */
  claim(key: string, at: number): boolean;
  list(filter?: { status?: ReportStatus; limit?: number }): StoredReport[];
  counts(): Record<ReportStatus, number>;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS feedback_reports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT NOT NULL,
  message_id TEXT NOT NULL,
  identity TEXT NOT NULL,
  recipient TEXT NOT NULL,
  raw BLOB
);
CREATE TABLE IF NOT EXISTS feedback_seen (
  key TEXT PRIMARY KEY,             -- kind:queue id:recipient: a replayed report finds its key taken
  at INTEGER NOT NULL
);
-- The stage's own event table of an earlier version: its events now go to the queue's events table.
DROP TABLE IF EXISTS feedback_events;
`;

interface ReportRow {
  id: number;
  at: number;
  source: ReportSource;
  kind: BounceKind;
  status: ReportStatus;
  reason: string;
  message_id: string;
  identity: string;
  recipient: string;
}

export function createReportStore(db: Db): ReportStore {
  db.exec(SCHEMA);
  const insert = db.prepare(
    'INSERT INTO feedback_reports (at, source, kind, status, reason, message_id, identity, recipient, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const update = db.prepare('UPDATE feedback_reports SET status = ?, reason = ? WHERE id = ?');
  const seen = db.prepare('INSERT INTO feedback_seen (key, at) VALUES (?, ?) ON CONFLICT(key) DO NOTHING');
  const byStatus = db.prepare('SELECT id, at, source, kind, status, reason, message_id, identity, recipient FROM feedback_reports WHERE status = ? ORDER BY id DESC LIMIT ?');
  const all = db.prepare('SELECT id, at, source, kind, status, reason, message_id, identity, recipient FROM feedback_reports ORDER BY id DESC LIMIT ?');
  const count = db.prepare('SELECT status, count(*) AS n FROM feedback_reports GROUP BY status');
  const toReport = (r: ReportRow): StoredReport => ({
    id: r.id, at: r.at, source: r.source, kind: r.kind, status: r.status, reason: r.reason, messageId: r.message_id, identity: r.identity, recipient: r.recipient,
  });
  return {
    add(r) {
      const keep = r.status === 'forged' || r.status === 'untraceable' ? (r.raw ?? null) : null;
      return Number(insert.run(r.at, r.source, r.kind, r.status, r.reason, r.messageId, r.identity, r.recipient, keep).lastInsertRowid);
    },
    settle(id, status, reason) {
      update.run(status, reason, id);
    },
    claim: (key, at) => seen.run(key, at).changes > 0,
    list: ({ status, limit = 100 } = {}) => ((status ? byStatus.all(status, limit) : all.all(limit)) as ReportRow[]).map(toReport),
    counts() {
      const out: Record<ReportStatus, number> = { applied: 0, duplicate: 0, forged: 0, untraceable: 0, ignored: 0 };
      for (const r of count.all() as Array<{ status: ReportStatus; n: number }>) out[r.status] = r.n;
      return out;
    },
  };
}
