// The embedded SQLite implementation of the queue store, with group commit: the writes of concurrent SMTP sessions
// and of delivery attempts that arrive within a few milliseconds share one transaction (and so one fsync), and each
// caller's promise resolves only after that commit. The 250 to a client waits for it; nothing is acknowledged early.
import type { Db } from '../store/sqlite.js';
import type { EventType, TimelineEvent } from '../shared/types.js';
import { createAdminQueries } from './sqlite-admin.js';
import { createDeliveryQueries } from './sqlite-delivery.js';
import { QUEUE_SCHEMA } from './sqlite-schema.js';
import { createWalSync } from './wal-sync.js';
import type { QueueStore } from './store.js';
import type { NewMessage } from './types.js';

interface PendingWrite {
  write: () => void;
  resolve: () => void;
  reject: (err: Error) => void;
}

export function recipientDomain(rcpt: string): string {
  const at = rcpt.lastIndexOf('@');
  return at < 0 ? '' : rcpt.slice(at + 1).toLowerCase();
}

export interface GroupCommitOptions {
  /** Longest wait of an enqueue (an SMTP client waits for its 250 on it). */
  groupCommitMs: number;
  /** Longest wait of a delivery outcome or event: they join the next enqueue's commit when one comes first. */
  outcomeCommitMs?: number;
}

export function createSqliteQueueStore(db: Db, opts: GroupCommitOptions): QueueStore {
  db.exec(QUEUE_SCHEMA);
  const wal = createWalSync(db);
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

  const delivery = createDeliveryQueries(db, writeEvent);
  const admin = createAdminQueries(db, writeEvent, delivery.settleMessage);

  let pending: PendingWrite[] = [];
  let pendingEvents: TimelineEvent[] = [];
  let timer: NodeJS.Timeout | null = null;
  let timerDue = Infinity;
  const listeners: Array<(msg: NewMessage) => void> = [];
  const syncing = new Set<Promise<void>>();

  const commit = db.transaction((batch: PendingWrite[], events: TimelineEvent[]) => {
    for (const p of batch) p.write();
    for (const e of events) writeEvent(e);
  });

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    timerDue = Infinity;
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
    // Committed, but acknowledged only once the WAL is on disk (wal-sync.ts); the next batch need not wait for it.
    const synced = new Promise<void>((resolve) => wal.sync((err) => {
      for (const p of batch) (err ? p.reject(err) : p.resolve());
      resolve();
    }));
    syncing.add(synced);
    void synced.then(() => syncing.delete(synced));
  }

  /** Make sure a commit happens within `withinMs`: an earlier scheduled commit serves, a later one is brought forward. */
  function schedule(withinMs: number): void {
    const due = Date.now() + withinMs;
    if (timer && timerDue <= due) return;
    if (timer) clearTimeout(timer);
    timerDue = due;
    timer = setTimeout(flush, withinMs);
  }

  /** Queue a write for a group commit within `withinMs`; the promise resolves once it is on disk. */
  function write(withinMs: number, fn: () => void, afterCommit?: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      pending.push({
        write: fn,
        resolve: () => {
          resolve();
          afterCommit?.();
        },
        reject,
      });
      schedule(withinMs);
    });
  }
  const outcomeCommitMs = opts.outcomeCommitMs ?? opts.groupCommitMs;

  return {
    enqueue(msg) {
      return write(opts.groupCommitMs, () => writeMessage(msg), () => {
        for (const l of listeners) l(msg);
      });
    },
    addEvents(events) {
      pendingEvents.push(...events);
      schedule(outcomeCommitMs);
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
    claimDue(now, limit, skip) {
      // Commit what is pending first, so an attempt just recorded is never read back as still due.
      flush();
      return delivery.claimDue(now, limit, skip);
    },
    recordAttempt(record) {
      return write(outcomeCommitMs, () => delivery.applyAttempt(record));
    },
    list(filter) {
      flush();
      return admin.list(filter);
    },
    show(id) {
      flush();
      const detail = admin.show(id);
      return detail && { ...detail, timeline: this.timeline(id) };
    },
    retry(id, now) {
      flush();
      return admin.retry(id, now);
    },
    remove(id, now) {
      flush();
      return admin.remove(id, now);
    },
    async close() {
      flush();
      await Promise.all([...syncing]);
      // Admin changes (retry, delete) commit outside the group path: one last sync covers them too.
      await new Promise<void>((resolve, reject) => wal.sync((err) => (err ? reject(err) : resolve())));
      wal.close();
    },
  };
}
