// The relay's database for commands that read or change its state (the relay may be running: WAL lets both work).
import type { Command } from 'commander';
import type { Config } from '../config/schema.js';
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

/** Plain columns for terminal output: each column as wide as its widest cell. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n') + '\n';
}
