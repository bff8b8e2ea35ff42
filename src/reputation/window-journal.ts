// The rows behind a sliding-window list of a login's messages (stopped-content.ts, new-link-outreach.ts): each entry
// is written to a SQLite table and read back when the relay starts, so a restart in the middle of an attack does not
// hand the attacker a clean slate. Written like the behaviour counters (sqlite-counter-store.ts): gathered in memory
// and written in one transaction every `flushMs` and at close, so the message path never waits for an fsync; a crash
// loses at most the last `flushMs`. Entries older than the window are deleted now and then: the table holds about one
// window of them.
import type { Db } from '../store/sqlite.js';
import { startFlushTimer } from './flush-timer.js';

export interface JournalEntry {
  account: string;
  identityKey: string;
  at: number;
  /** What the list keeps beside who and when (a sketch), as bytes; empty when it keeps nothing more. */
  data: Buffer;
}

export interface WindowJournal {
  /** The entries of the last window before `now`, oldest first. */
  load(now: number): JournalEntry[];
  /** Written with the next batch (every `flushMs`; with 0, at once). */
  add(entry: JournalEntry): void;
  /** Writes what is pending and stops the timer. */
  close(): void;
}

/** Old rows are deleted after this many additions (and at load): cheap, and the table stays about one window long. */
const PRUNE_EVERY = 1_000;
/** While writes fail (a full disk), at most this many entries wait; beyond it the oldest are dropped, not the relay. */
const MAX_PENDING = 10_000;

/** `table` is a fixed name chosen by the caller, never user input. */
export function sqliteWindowJournal(db: Db, table: string, windowMs: number, opts: { flushMs: number }): WindowJournal {
  db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
    account TEXT NOT NULL,
    identity TEXT NOT NULL,
    at INTEGER NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX IF NOT EXISTS ${table}_at ON ${table} (at);`);
  const insert = db.prepare(`INSERT INTO ${table} (account, identity, at, data) VALUES (?, ?, ?, ?)`);
  const prune = db.prepare(`DELETE FROM ${table} WHERE at <= ?`);
  const select = db.prepare(`SELECT account, identity AS identityKey, at, data FROM ${table} WHERE at > ? ORDER BY at, rowid`);
  let sincePrune = 0;
  let pending: JournalEntry[] = [];
  const writeBatch = db.transaction((entries: JournalEntry[]) => {
    for (const e of entries) insert.run(e.account, e.identityKey, e.at, e.data);
    sincePrune += entries.length;
    if (sincePrune >= PRUNE_EVERY) {
      prune.run(entries[entries.length - 1]!.at - windowMs);
      sincePrune = 0;
    }
  });
  function flush(): void {
    if (pending.length === 0) return;
    writeBatch(pending);
    pending = [];
  }
  // What a failed batch held stays pending for the next flush.
  const stopTimer = startFlushTimer(flush, opts.flushMs);
  return {
    load(now) {
      prune.run(now - windowMs);
      return select.all(now - windowMs) as JournalEntry[];
    },
    add(entry) {
      pending.push(entry);
      if (pending.length > MAX_PENDING) pending.shift();
      if (!stopTimer) flush();
    },
    close() {
      stopTimer?.();
      flush();
    },
  };
}
