// The relay's database for commands that read or change its state (the relay may be running: WAL lets both work).
// Every such command says on stderr which configuration and data directory it uses, so an answer from the wrong
// folder is visible; commands that only read never create a database (a fresh one would answer "queue is empty").
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { Config } from '../config/schema.js';
import { createSuppressionList } from '../feedback/suppressions.js';
import { createAuditLog } from '../operate/audit.js';
import { createRouteActions } from '../operate/route-actions.js';
import { createSqliteQueueStore } from '../queue/sqlite-store.js';
import type { QueueStore } from '../queue/store.js';
import { createRouteStore } from '../routes/store.js';
import { openDatabase, type Db } from '../store/sqlite.js';
import { configFrom, describeSource } from './context.js';
import { CliError } from './errors.js';

/** Sub-commands that only read: `queue list`, `accounts show` ... */
const READ_ONLY_COMMANDS: ReadonlySet<string> = new Set(['list', 'show', 'audit', 'changes']);

/** Open the relay's database for `cmd`; a read-only command fails when there is none instead of creating one. */
export function openCliDatabase(cmd: Command): { db: Db; config: Config } {
  const config = configFrom(cmd);
  process.stderr.write(describeSource(cmd, config));
  const file = config.storage.sqlitePath;
  if (READ_ONLY_COMMANDS.has(cmd.name()) && !existsSync(file)) {
    throw new CliError(`no database at ${file}: the relay has not run with this data directory (give --config FILE or MAILWARDEN_CONFIG)`);
  }
  return { db: openDatabase(file), config };
}

export function withDatabase<T>(cmd: Command, work: (db: Db, config: Config) => T): T {
  const { db, config } = openCliDatabase(cmd);
  try {
    return work(db, config);
  } finally {
    db.close();
  }
}

/** The queue store on the relay's database; every change commits at once (no group commit to wait for). */
export async function withQueue<T>(cmd: Command, work: (store: QueueStore, db: Db) => T): Promise<T> {
  const { db } = openCliDatabase(cmd);
  const store = createSqliteQueueStore(db, { groupCommitMs: 0 });
  try {
    return work(store, db);
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

/**
 * Who a change made from the command line is in the audit log: `cli:` and the operating-system user that ran it (the
 * API and the console record the token's name). 'cli' alone where the system cannot name the user.
 */
export function cliOperator(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/**
 * Record a change made from the command line in the relay's audit log (the one `mailwarden audit` and the API read).
 * Returns `done`, so a change that did not happen (no such account) is not recorded: `return auditCli(db, ok, ...)`.
 */
export function auditCli(db: Db, done: boolean, action: string, target: string, detail: Record<string, unknown> = {}): boolean {
  if (done) createAuditLog(db).record({ at: Date.now(), who: cliOperator(), action, target, detail });
  return done;
}

/** Route pauses and suppressions from the command line: the same changes, and audit entries, as the API's. */
export function cliRouteActions(db: Db) {
  return createRouteActions({ routes: createRouteStore(db), suppressions: createSuppressionList(db), audit: createAuditLog(db), clock: Date.now });
}
