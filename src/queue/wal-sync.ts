// Durability without blocking the event loop. With synchronous=FULL, SQLite fsyncs the WAL inside every commit, on
// the main thread: measured under the relay benchmark, that was a third of the process's time, during which no SMTP
// session moved. Instead the queue runs with synchronous=NORMAL (SQLite still syncs around checkpoints, so the
// database file itself stays consistent) and, after each group commit, fsyncs the WAL file on libuv's thread pool;
// the commit's callers (the SMTP sessions waiting for their 250) are resolved only when that fsync is done. A commit
// is on disk when its WAL frames are, so this is the same guarantee as FULL, paid off the main thread.
import { closeSync, fsync, openSync } from 'node:fs';
import type { Db } from '../store/sqlite.js';

export interface WalSync {
  /** Flush everything committed so far to disk; `done` runs on the event loop afterwards. */
  sync(done: (err: Error | null) => void): void;
  close(): void;
}

/** For an in-memory database there is nothing to sync: callbacks run on the next tick. */
const NO_SYNC: WalSync = { sync: (done) => process.nextTick(done, null), close: () => {} };

export function createWalSync(db: Db): WalSync {
  if (db.memory) return NO_SYNC;
  db.pragma('synchronous = NORMAL');
  let fd: number | null = null;
  // One fsync at a time. Commits that land while one runs may not be covered by it (their frames can arrive after
  // the kernel began writing back), so their callers wait for the next fsync, which then covers all of them: under
  // load one fsync acknowledges many group commits instead of each commit queueing its own on the thread pool.
  let running: Array<(err: Error | null) => void> | null = null;
  let next: Array<(err: Error | null) => void> = [];
  const start = () => {
    running = next;
    next = [];
    // The -wal file exists once something was committed, and keeps its inode while this connection is open
    // (SQLite rewrites it from the start after a checkpoint rather than replacing it).
    try {
      fd ??= openSync(`${db.name}-wal`, 'r');
    } catch (err) {
      process.nextTick(finish, err as Error);
      return;
    }
    fsync(fd, finish);
  };
  const finish = (err: Error | null) => {
    const done = running ?? [];
    running = null;
    if (next.length > 0) start();
    for (const d of done) d(err);
  };
  return {
    sync(done) {
      next.push(done);
      if (!running) start();
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
