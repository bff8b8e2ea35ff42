// Message bodies kept for the local content model (src/learn): the queue drops a body once its message is finished,
// so the few the model may learn from are set aside at that moment, in the same transaction, by one INSERT ... SELECT
// (no copy through JavaScript). Two kinds:
// - a sample of delivered messages, chosen by a hash of the queue id at `sampleRate` (the same message always gets
//   the same answer, and the choice costs no state); they may become ham once old enough without a complaint;
// - held messages an operator deleted as spam (`quarantine delete --spam`): the only spam the local model learns.
// The relay's own DSNs (identity mailwarden/dsn) are never samples. The table is bounded by `trim`.
import type { Db } from '../store/sqlite.js';

export const SAMPLES_SCHEMA = `
CREATE TABLE IF NOT EXISTS learn_samples (
  message_id TEXT PRIMARY KEY,
  account TEXT NOT NULL,
  sub_identity TEXT NOT NULL,
  at INTEGER NOT NULL,            -- delivered (delivered samples) or confirmed (spam), epoch ms
  kind TEXT NOT NULL,             -- 'delivered' | 'spam'
  confirmed_by TEXT NOT NULL DEFAULT '',
  complained INTEGER NOT NULL DEFAULT 0,
  raw BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS learn_samples_at ON learn_samples (kind, at);
`;

export interface LearnSample {
  messageId: string;
  account: string;
  sub: string;
  at: number;
  kind: 'delivered' | 'spam';
  confirmedBy: string;
  complained: boolean;
  raw: Buffer;
}

/** FNV-1a of the id, as a fraction in [0, 1): a stable, stateless coin for "is this message a sample". */
export function sampleFraction(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 0x1_0000_0000;
}

export function createSampleQueries(db: Db) {
  db.exec(SAMPLES_SCHEMA);
  const keepDelivered = db.prepare(
    `INSERT OR IGNORE INTO learn_samples (message_id, account, sub_identity, at, kind, raw)
     SELECT m.id, m.account, m.sub_identity, ?, 'delivered', b.raw FROM messages m JOIN bodies b ON b.message_id = m.id
     WHERE m.id = ? AND m.identity_source != 'none'`,
  );
  const keepSpam = db.prepare(
    `INSERT INTO learn_samples (message_id, account, sub_identity, at, kind, confirmed_by, raw)
     SELECT m.id, m.account, m.sub_identity, ?, 'spam', ?, b.raw FROM messages m JOIN bodies b ON b.message_id = m.id
     WHERE m.id = ?
     ON CONFLICT (message_id) DO UPDATE SET kind = 'spam', confirmed_by = excluded.confirmed_by, at = excluded.at`,
  );
  // A complaint on a message's timeline (the feedback stage traced it there) marks its sample for good: events are
  // purged with the message, the mark stays with the sample.
  const markComplaints = db.prepare(
    `UPDATE learn_samples SET complained = 1 WHERE complained = 0
     AND message_id IN (SELECT message_id FROM events WHERE type = 'complaint')`,
  );
  const all = db.prepare('SELECT message_id, account, sub_identity, at, kind, confirmed_by, complained, raw FROM learn_samples ORDER BY at');
  const totals = db.prepare("SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(raw)), 0) AS bytes FROM learn_samples WHERE kind = 'delivered'");
  const oldestDelivered = db.prepare("SELECT message_id, LENGTH(raw) AS bytes FROM learn_samples WHERE kind = 'delivered' ORDER BY at LIMIT 500");
  const drop = db.prepare('DELETE FROM learn_samples WHERE message_id = ?');

  return {
    /** Called as a message becomes final and delivered, before its body is dropped. */
    keepDelivered(id: string, now: number): void {
      keepDelivered.run(now, id);
    },
    /** An operator confirmed a held message as spam; its body must still be there (call before removing it). */
    keepSpam(id: string, by: string, now: number): boolean {
      return keepSpam.run(now, by, id).changes > 0;
    },
    markComplaints: (): number => markComplaints.run().changes,
    list(): LearnSample[] {
      return (all.all() as Array<{ message_id: string; account: string; sub_identity: string; at: number; kind: 'delivered' | 'spam'; confirmed_by: string; complained: number; raw: Buffer }>)
        .map((r) => ({ messageId: r.message_id, account: r.account, sub: r.sub_identity, at: r.at, kind: r.kind, confirmedBy: r.confirmed_by, complained: r.complained === 1, raw: r.raw }));
    },
    /** Drop the oldest delivered samples until at most `maxCount` and `maxBytes` remain; confirmed spam is kept. */
    trim(maxCount: number, maxBytes: number): number {
      let dropped = 0;
      for (;;) {
        let { n, bytes } = totals.get() as { n: number; bytes: number };
        if (n <= maxCount && bytes <= maxBytes) return dropped;
        const oldest = oldestDelivered.all() as Array<{ message_id: string; bytes: number }>;
        db.transaction(() => {
          for (const o of oldest) {
            if (n <= maxCount && bytes <= maxBytes) break;
            drop.run(o.message_id);
            n -= 1;
            bytes -= o.bytes;
            dropped += 1;
          }
        })();
      }
    },
  };
}

export type SampleQueries = ReturnType<typeof createSampleQueries>;
