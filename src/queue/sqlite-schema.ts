// The queue's tables in portable SQL (plain types, no SQLite-only syntax beyond AUTOINCREMENT), so the PostgreSQL
// implementation of a later issue can use the same shape.
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
  delay_warned INTEGER NOT NULL DEFAULT 0
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
