// The embedded SQLite implementation of the queue store, with group commit: messages accepted by concurrent SMTP
// sessions within a few milliseconds share one transaction (and so one fsync), and each session's 250 waits for it.
import type { Db } from '../store/sqlite.js';
import type { EventType, TimelineEvent } from '../shared/types.js';
import type { QueueStore } from './store.js';
import type { NewMessage } from './types.js';

const SCHEMA = `
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
  state TEXT NOT NULL
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
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (message_id, rcpt)
);
CREATE INDEX IF NOT EXISTS recipients_due ON recipients (state, next_attempt_at);
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

interface Pending {
  msg: NewMessage;
  resolve: () => void;
  reject: (err: Error) => void;
}

export function recipientDomain(rcpt: string): string {
  const at = rcpt.lastIndexOf('@');
  return at < 0 ? '' : rcpt.slice(at + 1).toLowerCase();
}

export function createSqliteQueueStore(db: Db, opts: { groupCommitMs: number }): QueueStore {
  db.exec(SCHEMA);
  const insertMessage = db.prepare(
    `INSERT INTO messages (id, received_at, account, sub_identity, identity_source, mail_from, client_ip, helo, size,
       smtputf8, eightbit, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertBody = db.prepare('INSERT INTO bodies (message_id, raw) VALUES (?, ?)');
  const insertRecipient = db.prepare(
    `INSERT INTO recipients (message_id, rcpt, domain, state, next_attempt_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare('INSERT INTO events (message_id, at, type, recipient, data) VALUES (?, ?, ?, ?, ?)');
  const selectEvents = db.prepare('SELECT message_id, at, type, recipient, data FROM events WHERE message_id = ? ORDER BY seq');

  const writeEvent = (e: TimelineEvent) =>
    insertEvent.run(e.messageId, e.at, e.type, e.recipient ?? null, JSON.stringify(e.data));

  const writeMessage = (m: NewMessage) => {
    const state = m.initialState;
    insertMessage.run(m.id, m.receivedAt, m.identity.account, m.identity.sub, m.identity.source, m.mailFrom,
      m.clientIp, m.heloName, m.raw.length, m.smtpUtf8 ? 1 : 0, m.eightBit ? 1 : 0, state);
    insertBody.run(m.id, m.raw);
    for (const rcpt of new Set(m.recipients)) insertRecipient.run(m.id, rcpt, recipientDomain(rcpt), state, m.receivedAt, m.receivedAt);
    for (const e of m.events) writeEvent({ ...e, messageId: m.id });
  };

  let pending: Pending[] = [];
  let pendingEvents: TimelineEvent[] = [];
  let timer: NodeJS.Timeout | null = null;
  const listeners: Array<(msg: NewMessage) => void> = [];

  const commit = db.transaction((batch: Pending[], events: TimelineEvent[]) => {
    for (const p of batch) writeMessage(p.msg);
    for (const e of events) writeEvent(e);
  });

  function flush(): void {
    timer = null;
    const batch = pending;
    const events = pendingEvents;
    pending = [];
    pendingEvents = [];
    if (batch.length === 0 && events.length === 0) return;
    try {
      commit(batch, events);
    } catch (err) {
      for (const p of batch) p.reject(err as Error);
      return;
    }
    for (const p of batch) {
      p.resolve();
      for (const l of listeners) l(p.msg);
    }
  }

  function schedule(): void {
    if (!timer) timer = setTimeout(flush, opts.groupCommitMs);
  }

  return {
    enqueue(msg) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ msg, resolve, reject });
        schedule();
      });
    },
    addEvents(events) {
      pendingEvents.push(...events);
      schedule();
    },
    timeline(messageId) {
      flush();
      return (selectEvents.all(messageId) as Array<{ message_id: string; at: number; type: EventType; recipient: string | null; data: string }>).map(
        (r) => ({ messageId: r.message_id, at: r.at, type: r.type, ...(r.recipient ? { recipient: r.recipient } : {}), data: JSON.parse(r.data) }),
      );
    },
    onEnqueued(listener) {
      listeners.push(listener);
    },
    async close() {
      if (timer) clearTimeout(timer);
      flush();
    },
  };
}
