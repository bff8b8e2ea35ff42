// Opening the embedded SQLite database that every store module (queue, accounts, counters ...) shares.
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Open (creating if needed) the database file with the settings durability depends on:
 * WAL so that readers (the CLI, the admin API) never block the relay, and synchronous=FULL so that a commit has been
 * fsync'd before it returns; the relay acknowledges a message only after its commit returns.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // Created 0600 by us: SQLite gives the -wal and -shm files the database file's permissions.
    closeSync(openSync(file, 'a', 0o600));
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}
