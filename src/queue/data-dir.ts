// The relay's claim on its data directory: one relay per directory, and a directory only its own user can read.
//
// Two relays on one queue would both deliver every message. The lock is an SQLite database held with an exclusive
// lock for the life of the process: the kernel releases it when the process ends, kill -9 included, so a crashed
// relay never leaves a stale lock behind (a PID file alone would). The PID file beside it only names the holder.
//
// The directory holds password and token hashes, the trace secret and message text: 0700 for the directory, 0600
// for files. We create them so, and warn at start about any that were loosened since (we do not tighten them
// behind the operator's back: a group-readable setup may be deliberate).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../shared/logger.js';

export const LOCK_FILE = 'mailwarden.lock';
export const PID_FILE = 'mailwarden.pid';

export class DataDirInUseError extends Error {}

export interface DataDirClaim {
  release(): void;
}

/** Create `dir` (0700) if needed and lock it; throws DataDirInUseError naming the holder when another relay has it. */
export function claimDataDir(dir: string): DataDirClaim {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lockFile = join(dir, LOCK_FILE);
  if (!existsSync(lockFile)) writeFileSync(lockFile, '', { mode: 0o600 });
  const lock = new Database(lockFile, { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    // A write transaction under locking_mode=EXCLUSIVE keeps its lock after COMMIT, until the connection closes.
    lock.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER); COMMIT;');
  } catch (err) {
    lock.close();
    if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
    const pid = readPid(join(dir, PID_FILE));
    throw new DataDirInUseError(`data directory ${dir} is in use by another mailwarden${pid ? ` (PID ${pid})` : ''}; stop it first or give this one its own dataDir`);
  }
  const pidFile = join(dir, PID_FILE);
  writeFileSync(pidFile, `${process.pid}\n`, { mode: 0o600 });
  return {
    release() {
      lock.close();
    },
  };
}

/** Whether a relay holds `dir` now (a command that must not act behind its back asks; it claims nothing). */
export function dataDirInUse(dir: string): boolean {
  const lockFile = join(dir, LOCK_FILE);
  if (!existsSync(lockFile)) return false;
  const lock = new Database(lockFile, { timeout: 0 });
  try {
    lock.exec('BEGIN IMMEDIATE; ROLLBACK;');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw err;
  } finally {
    lock.close();
  }
}

function readPid(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** Warn about each of `paths` (that exists) readable or writable by group or others. */
export function warnLoosePermissions(paths: readonly string[], logger: Logger): void {
  for (const path of paths) {
    let mode: number;
    try {
      mode = statSync(path).mode;
    } catch {
      continue;
    }
    if ((mode & 0o077) === 0) continue;
    const octal = (mode & 0o777).toString(8).padStart(3, '0');
    const want = (mode & 0o170000) === 0o040000 ? '700' : '600';
    logger.warn({ event: 'loose-permissions', path, mode: octal }, `${path} is accessible to other users (mode ${octal}); it holds secrets or mail: chmod ${want} ${path}`);
  }
}
