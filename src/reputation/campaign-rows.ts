// The campaign index on disk (campaign.ts): one row per campaign, written when it changed, so that a crash costs at
// most the last `flushMs` of campaigns, as for the counters and the window journals. The tracker tells the store which
// campaigns changed or were evicted; the store serialises each changed campaign once per batch (its state at that
// moment), in one transaction every `flushMs` and at close, so the message path never waits for an fsync. Rows
// untouched for a day are deleted now and then: no window of a campaign is longer.
import type { Db } from '../store/sqlite.js';
import { startFlushTimer } from './flush-timer.js';

/** What the tracker hands the store: a changed campaign (its plain data, taken when the batch is written), an evicted one. */
export interface CampaignSink {
  changed(id: number, lastAt: number, data: () => unknown): void;
  removed(id: number): void;
}

export interface CampaignRows extends CampaignSink {
  /** The campaigns touched after `notBefore`, least recently touched first, at most `max` (the most recent). */
  load(notBefore: number, max: number): Array<{ id: number; data: unknown }>;
  /** Writes what is pending and stops the timer. */
  close(): void;
}

/** Day-old rows are deleted after this many batches (and at load). */
const PRUNE_EVERY = 100;
/** Evictions that wait while writes fail (a full disk); past this the oldest are forgotten and their rows stay until pruned. */
const MAX_PENDING_REMOVALS = 100_000;
const DAY_MS = 24 * 3_600_000;

export function sqliteCampaignRows(db: Db, opts: { flushMs: number }): CampaignRows {
  // behaviour_snapshots held the whole index as one document written at close; these rows replace it.
  db.exec(`DROP TABLE IF EXISTS behaviour_snapshots;
  CREATE TABLE IF NOT EXISTS behaviour_campaigns (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, data TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS behaviour_campaigns_at ON behaviour_campaigns (at);`);
  const upsert = db.prepare('INSERT INTO behaviour_campaigns (id, at, data) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET at = excluded.at, data = excluded.data');
  const remove = db.prepare('DELETE FROM behaviour_campaigns WHERE id = ?');
  const prune = db.prepare('DELETE FROM behaviour_campaigns WHERE at <= ?');
  const select = db.prepare('SELECT id, data FROM behaviour_campaigns WHERE at > ? ORDER BY at DESC, id DESC LIMIT ?');
  const changed = new Map<number, { lastAt: number; data: () => unknown }>();
  const removed = new Set<number>();
  let batches = 0;
  const writeBatch = db.transaction(() => {
    let newest = 0;
    for (const id of removed) remove.run(id);
    for (const [id, c] of changed) {
      upsert.run(id, c.lastAt, JSON.stringify(c.data()));
      newest = Math.max(newest, c.lastAt);
    }
    if (++batches % PRUNE_EVERY === 0 && newest > 0) prune.run(newest - DAY_MS);
  });
  function flush(): void {
    if (changed.size === 0 && removed.size === 0) return;
    writeBatch();
    // Only after the commit: a failed batch stays pending for the next flush (flush-timer.ts).
    changed.clear();
    removed.clear();
  }
  const stopTimer = startFlushTimer(flush, opts.flushMs);
  return {
    load(notBefore, max) {
      prune.run(notBefore);
      const rows = select.all(notBefore, max) as Array<{ id: number; data: string }>;
      const out: Array<{ id: number; data: unknown }> = [];
      for (const row of rows.reverse()) {
        try {
          out.push({ id: row.id, data: JSON.parse(row.data) as unknown });
        } catch {
          // A damaged row is one campaign forgotten, no reason not to start.
        }
      }
      return out;
    },
    changed(id, lastAt, data) {
      removed.delete(id);
      changed.set(id, { lastAt, data });
      if (!stopTimer) flush();
    },
    removed(id) {
      changed.delete(id);
      removed.add(id);
      if (removed.size > MAX_PENDING_REMOVALS) removed.delete(removed.values().next().value!);
      if (!stopTimer) flush();
    },
    close() {
      stopTimer?.();
      flush();
    },
  };
}
