// The queue's tables in portable SQL (plain types, no SQLite-only syntax beyond AUTOINCREMENT), so the PostgreSQL
// implementation of a later issue can use the same shape.
import type { Db } from '../store/sqlite.js';

export const QUEUE_SCHEMA = `
CREATE TABLE IF NOT EXISTS messages (
  id TEXT PRIMARY KEY,
  received_at INTEGER NOT NULL,
  account TEXT NOT NULL,
  sub_identity TEXT NOT NULL,
  identity_source TEXT NOT NULL,
  mail_from TEXT NOT NULL,
  client_ip TEXT NOT NULL,
  helo TEXT NOT NULL,
  size INTEGER NOT NULL,
  smtputf8 INTEGER NOT NULL,
  eightbit INTEGER NOT NULL,
  state TEXT NOT NULL,
  delay_warned INTEGER NOT NULL DEFAULT 0,
  header_message_id TEXT            -- the Message-ID header without <>, kept when the body is gone; NULL when none
);
CREATE TABLE IF NOT EXISTS bodies (
  message_id TEXT PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
  raw BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS recipients (
  message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  rcpt TEXT NOT NULL,
  domain TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_code INTEGER,
  last_reply TEXT,
  last_attempt_at INTEGER,
  remote_mta TEXT,
  classification TEXT,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (message_id, rcpt)
);
CREATE INDEX IF NOT EXISTS recipients_due ON recipients (state, next_attempt_at);
CREATE INDEX IF NOT EXISTS messages_state ON messages (state, received_at);
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  message_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  recipient TEXT,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_message ON events (message_id, seq);
`;

/** The Message-ID header field at the start of a line, with any folded continuation lines. */
const MESSAGE_ID_FIELD = /^message-id:[ \t]*((?:.*)(?:\r?\n[ \t].*)*)/im;
/** Header sections longer than this are not searched for it (a Message-ID sits near the top). */
const MAX_HEADER_BYTES = 64 * 1024;

/** The Message-ID of a raw message, without angle brackets or white space; null when it has none. */
export function headerMessageId(raw: Buffer): string | null {
  const head = raw.subarray(0, MAX_HEADER_BYTES);
  const end = head.indexOf('\r\n\r\n');
  const header = head.subarray(0, end < 0 ? head.length : end).toString('latin1');
  const value = MESSAGE_ID_FIELD.exec(header)?.[1]?.replace(/\s+/g, '');
  const id = value?.replace(/^<|>$/g, '');
  return id ? id.slice(0, 998) : null;
}

/**
 * Bring an older database up to this schema: the Message-ID column came later. It is filled from the bodies still
 * stored; a message finished before the upgrade has lost its body and cannot be found by Message-ID.
 */
export function migrateQueueSchema(db: Db): void {
  const columns = db.prepare('PRAGMA table_info(messages)').all() as Array<{ name: string }>;
  if (!columns.some((c) => c.name === 'header_message_id')) {
    db.transaction(() => {
      db.exec('ALTER TABLE messages ADD COLUMN header_message_id TEXT');
      const update = db.prepare('UPDATE messages SET header_message_id = ? WHERE id = ?');
      // In pages: a large queue's bodies never sit in memory at once.
      const page = db.prepare('SELECT message_id AS id, raw FROM bodies WHERE message_id > ? ORDER BY message_id LIMIT 200');
      for (let after = ''; ;) {
        const rows = page.all(after) as Array<{ id: string; raw: Buffer }>;
        if (rows.length === 0) break;
        for (const row of rows) update.run(headerMessageId(row.raw), row.id);
        after = rows.at(-1)!.id;
      }
    })();
  }
  db.exec('CREATE INDEX IF NOT EXISTS messages_header_message_id ON messages (header_message_id)');
}
