// Structured logs: one JSON line per event, with the queue id where there is one (pino).
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, file = ''): Logger {
  const destination = file ? pino.destination({ dest: file, mkdir: true, sync: false }) : pino.destination(1);
  return pino({ level, base: { svc: 'mailwarden' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

/** A logger that writes nothing: for library use and tests that do not read logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
