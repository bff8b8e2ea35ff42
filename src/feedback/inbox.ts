// Reports `mailwarden feedback import` hands to the running relay. The relay's metrics, webhooks and reputation
// counters live in its process: a report the CLI acted upon itself would reach the database but none of those. So
// while a relay holds the data directory, the CLI puts each report here, the relay takes the waiting ones in every
// second through its own intake (as if posted to `POST /api/v1/feedback`) and writes each one's results back, and the
// CLI prints them. Answered rows are kept for an hour (a CLI that gave up waiting may still read them), then dropped.
import type { Db } from '../store/sqlite.js';
import type { Intake, IntakeResult } from './intake.js';

export interface Inbox {
  put(raw: Buffer, at: number): number;
  /** The results for a report put here, once the relay took it in; null while it waits. */
  results(id: number): IntakeResult[] | null;
  /** Takes the waiting reports in through `intake`; drops answers older than an hour. Returns how many it took. */
  drain(intake: Intake, now: number): number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS feedback_inbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  raw BLOB NOT NULL,
  results TEXT,                     -- JSON of the intake's results, once the relay took the report in
  answered_at INTEGER
);
`;

const KEEP_ANSWERS_MS = 3_600_000;
/** Reports taken per drain: an import of thousands of files is worked off over a few seconds, not in one stall. */
const PER_DRAIN = 50;

export function createInbox(db: Db): Inbox {
  db.exec(SCHEMA);
  const insert = db.prepare('INSERT INTO feedback_inbox (at, raw) VALUES (?, ?)');
  const answerOf = db.prepare('SELECT results FROM feedback_inbox WHERE id = ?');
  const waiting = db.prepare('SELECT id, raw FROM feedback_inbox WHERE results IS NULL ORDER BY id LIMIT ?');
  const answer = db.prepare('UPDATE feedback_inbox SET results = ?, raw = X\'\', answered_at = ? WHERE id = ?');
  // Looked for first: the drain runs every second, and a read costs nothing where a DELETE takes the write lock.
  const stale = db.prepare('SELECT 1 FROM feedback_inbox WHERE answered_at < ? LIMIT 1');
  const purge = db.prepare('DELETE FROM feedback_inbox WHERE answered_at < ?');
  return {
    put: (raw, at) => Number(insert.run(at, raw).lastInsertRowid),
    results(id) {
      const row = answerOf.get(id) as { results: string | null } | undefined;
      return row?.results ? (JSON.parse(row.results) as IntakeResult[]) : null;
    },
    drain(intake, now) {
      const rows = waiting.all(PER_DRAIN) as Array<{ id: number; raw: Buffer }>;
      for (const r of rows) {
        let results: IntakeResult[];
        try {
          results = intake.process(r.raw, { source: 'import' });
        } catch (err) {
          // A bug, not the report's fault: answered all the same, so that it is not taken in again every second.
          results = [{ status: 'rejected', error: `internal error: ${(err as Error).message}` }];
        }
        answer.run(JSON.stringify(results), now, r.id);
      }
      if (stale.get(now - KEEP_ANSWERS_MS)) purge.run(now - KEEP_ANSWERS_MS);
      return rows.length;
    },
  };
}
