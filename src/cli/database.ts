// The relay's database for commands that read or change its state (the relay may be running: WAL lets both work).
import type { Command } from 'commander';
import type { Config } from '../config/schema.js';
import { createSqliteQueueStore } from '../queue/sqlite-store.js';
import type { QueueStore } from '../queue/store.js';
import { openDatabase, type Db } from '../store/sqlite.js';
import { configFrom } from './context.js';

export function withDatabase<T>(cmd: Command, work: (db: Db, config: Config) => T): T {
  const config = configFrom(cmd);
  const db = openDatabase(config.storage.sqlitePath);
  try {
    return work(db, config);
  } finally {
    db.close();
  }
}

/** The queue store on the relay's database; every change commits at once (no group commit to wait for). */
export async function withQueue<T>(cmd: Command, work: (store: QueueStore) => T): Promise<T> {
  const config = configFrom(cmd);
  const db = openDatabase(config.storage.sqlitePath);
  const store = createSqliteQueueStore(db, { groupCommitMs: 0 });
  try {
    return work(store);
  } finally {
    await store.close();
    db.close();
  }
}

/** `--json` of a listing command: JSON Lines, one object per line (streams, greps and appends well). */
export function jsonLines(items: readonly unknown[]): string {
  return items.map((item) => JSON.stringify(item) + '\n').join('');
}

/** `--json` of a command that prints one thing: one indented JSON object. */
export function jsonObject(item: unknown): string {
  return JSON.stringify(item, null, 2) + '\n';
}

/** Plain columns for terminal output: each column as wide as its widest cell. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n') + '\n';
}
