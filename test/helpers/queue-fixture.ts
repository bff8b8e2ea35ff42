// A real SQLite queue in a fresh temp folder, a configuration routing test domains to local servers, and messages.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { newQueueId } from '../../src/queue/id.js';
import type { TimelineEvent } from '../../src/queue/events.js';
import { createSqliteQueueStore, eventFromRow, type EventRow } from '../../src/queue/sqlite-store.js';
import type { QueueStore } from '../../src/queue/store.js';
import type { NewMessage } from '../../src/queue/types.js';
import { openDatabase } from '../../src/store/sqlite.js';

export function tempDir(prefix = 'mw-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function testConfig(dataDir: string, delivery: Record<string, unknown>, extra: Record<string, unknown> = {}): Config {
  return parseConfig({ hostname: 'relay.mailwarden.test', dataDir, log: { level: 'silent' }, delivery: { pollIntervalMs: 50, ...delivery }, ...extra });
}

export function openQueue(config: Config): QueueStore {
  return createSqliteQueueStore(openDatabase(config.storage.sqlitePath), config.storage);
}

export function testMessage(recipients: string[], opts: { from?: string; subject?: string; body?: string; now?: number } = {}): NewMessage {
  const now = opts.now ?? Date.now();
  const id = newQueueId(now);
  const raw = Buffer.from(
    `From: Sender <${opts.from ?? 'alice@sender.test'}>\r\nTo: ${recipients.join(', ')}\r\nSubject: ${opts.subject ?? 'hello'}\r\n` +
      `Message-ID: <${id}@sender.test>\r\n\r\n${opts.body ?? 'Hello there.\r\nSecond line.\r\n'}`,
  );
  return {
    id, receivedAt: now, identity: { account: 'acme', sub: 'shop', source: 'header:x-authuser' },
    mailFrom: opts.from ?? 'alice@sender.test', recipients, raw, clientIp: '127.0.0.1', heloName: 'client.test',
    initialState: 'queued', smtpUtf8: false, eightBit: false,
    events: [{ at: now, type: 'received', data: { clientIp: '127.0.0.1', helo: 'client.test', listener: 'submission', tls: false, size: raw.length, mailFrom: 'a@acme.test', recipients: [] } }, { at: now, type: 'queued', data: {} }],
  };
}

/** A message's committed timeline as `queue show` reads it, through a second handle on a running relay's database. */
export function committedTimeline(databaseFile: string, messageId: string): TimelineEvent[] {
  const db = openDatabase(databaseFile);
  try {
    return (db.prepare('SELECT message_id, at, type, recipient, data FROM events WHERE message_id = ? ORDER BY seq').all(messageId) as EventRow[]).map(eventFromRow);
  } finally {
    db.close();
  }
}
