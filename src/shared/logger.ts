// Structured logs: one JSON line per event, with the queue id where there is one (pino).
import { mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, file = ''): Logger {
  // The file is opened here, synchronously: the logger is usable at once, so a start-up failure right after can still
  // be logged and the process exit cleanly (an asynchronous open threw "sonic boom is not ready yet" on exit), and
  // the log, which names accounts and addresses, is created 0600.
  const destination = file ? pino.destination({ fd: openLogFile(file), sync: false }) : pino.destination(1);
  return pino({ level, base: { svc: 'mailwarden' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

function openLogFile(file: string): number {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  return openSync(file, 'a', 0o600);
}

/** A logger that writes nothing: for library use and tests that do not read logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
