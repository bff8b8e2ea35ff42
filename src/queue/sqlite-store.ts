// The embedded SQLite implementation of the queue store, with group commit: the writes of concurrent SMTP sessions
// and of delivery attempts that arrive within a few milliseconds share one transaction (and so one fsync), and each
// caller's promise resolves only after that commit. The 250 to a client waits for it; nothing is acknowledged early.
import type { Db } from '../store/sqlite.js';
import type { EventType, TimelineEvent } from './events.js';
import { createAdminQueries } from './sqlite-admin.js';
import { createDeliveryQueries } from './sqlite-delivery.js';
import { createSampleQueries, sampleFraction } from './sqlite-samples.js';
import { createHeldQueries } from './sqlite-held.js';
import { headerMessageId, migrateQueueSchema, QUEUE_SCHEMA } from './sqlite-schema.js';
import { createWalSync } from './wal-sync.js';
import type { InFlightSet, QueueStore } from './store.js';
import type { NewMessage } from './types.js';
import { domainOf } from '../shared/address.js';

interface PendingWrite {
  write: () => void;
  resolve: () => void;
  reject: (err: Error) => void;
  /**
   * Kept and retried when the commit fails (a full disk), instead of rejected: a delivery outcome or a DSN. Nobody can
   * be told "try again" for them, and dropping an outcome would make its message due again and be sent twice.
   */
  keep: boolean;
  /** The message whose delivery outcome this is: it must not be claimed again while the outcome waits. */
  messageId?: string;
  /** Whether it is counted in heldOutcomes (kept after a failed commit, not yet committed). */
  held?: boolean;
  /**
   * Take back a committed write whose WAL sync failed, before its caller hears the failure: a message answered 4xx
   * must not also be delivered, or the sender's retry arrives twice.
   */
  undo?: () => void;
  /** The message this write enqueues: not handed to delivery until its commit is on disk (see unsynced). */
  enqueues?: string;
}

/** How long a failed commit of kept writes waits before it is tried again. */
const RETRY_FAILED_COMMIT_MS = 1000;

/**
 * Failures of the disk or the file rather than of the write itself: worth trying again. Anything else (a constraint)
 * fails the same way every time, and keeping such a write would block every later commit behind it.
 */
function isStorageFailure(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^SQLITE_(FULL|IOERR|BUSY|LOCKED|CANTOPEN|READONLY)/.test(code);
}

export interface EventRow {
  message_id: string;
  at: number;
  type: EventType;
  recipient: string | null;
  data: string;
}

/** A stored event back as written: only writeEvent fills the table, always from a typed TimelineEvent. */
export const eventFromRow = (r: EventRow): TimelineEvent =>
  ({ messageId: r.message_id, at: r.at, type: r.type, ...(r.recipient ? { recipient: r.recipient } : {}), data: JSON.parse(r.data) as unknown }) as TimelineEvent;

export interface GroupCommitOptions {
  /** Longest wait of an enqueue (an SMTP client waits for its 250 on it). */
  groupCommitMs: number;
  /** Longest wait of a delivery outcome or event: they join the next enqueue's commit when one comes first. */
  outcomeCommitMs?: number;
}

/** What the local content model asks of the queue: the share of delivered messages whose body it keeps (0: none). */
export interface SampleOptions {
  sampleRate: number;
}

export function createSqliteQueueStore(db: Db, opts: GroupCommitOptions, learning: SampleOptions = { sampleRate: 0 }): QueueStore {
  db.exec(QUEUE_SCHEMA);
  migrateQueueSchema(db);
  const wal = createWalSync(db);
  const insertMessage = db.prepare(
    `INSERT INTO messages (id, received_at, account, sub_identity, identity_source, mail_from, client_ip, helo, size,
       smtputf8, eightbit, state, header_message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertBody = db.prepare('INSERT INTO bodies (message_id, raw) VALUES (?, ?)');
  const insertRecipient = db.prepare(
    `INSERT INTO recipients (message_id, rcpt, domain, state, next_attempt_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare('INSERT INTO events (message_id, at, type, recipient, data) VALUES (?, ?, ?, ?, ?)');
  const selectEvents = db.prepare('SELECT message_id, at, type, recipient, data FROM events WHERE message_id = ? ORDER BY seq');

  const eventListeners: Array<(events: TimelineEvent[]) => void> = [];
  // Every event goes through writeEvent, whichever path wrote it; those of the open transaction wait here until it
  // commits (and are dropped if it rolls back). Nothing is collected while nobody listens.
  let uncommitted: TimelineEvent[] = [];
  const writeEvent = (e: TimelineEvent) => {
    insertEvent.run(e.messageId, e.at, e.type, e.recipient ?? null, JSON.stringify(e.data));
    if (eventListeners.length > 0) uncommitted.push(e);
  };
  /** Take the events of the transaction that just ended; `committed` false drops them. */
  const takeEvents = (committed: boolean): TimelineEvent[] => {
    const events = committed ? uncommitted : [];
    uncommitted = [];
    return events;
  };
  let emitted: Promise<void> = Promise.resolve();

  const writeMessage = (m: NewMessage) => {
    const state = m.initialState;
    insertMessage.run(m.id, m.receivedAt, m.identity.account, m.identity.sub, m.identity.source, m.mailFrom,
      m.clientIp, m.heloName, m.raw.length, m.smtpUtf8 ? 1 : 0, m.eightBit ? 1 : 0, state, headerMessageId(m.raw));
    insertBody.run(m.id, m.raw);
    for (const rcpt of new Set(m.recipients)) insertRecipient.run(m.id, rcpt, domainOf(rcpt), state, m.receivedAt, m.receivedAt);
    for (const e of m.events) writeEvent({ ...e, messageId: m.id });
  };

  const samples = learning.sampleRate > 0 ? createSampleQueries(db) : undefined;
  const delivery = createDeliveryQueries(db, writeEvent, samples && ((id) => {
    if (sampleFraction(id) < learning.sampleRate) samples.keepDelivered(id, Date.now());
  }));
  const admin = createAdminQueries(db, writeEvent, delivery.settleMessage);
  const held = createHeldQueries(db, writeEvent);

  let pending: PendingWrite[] = [];
  let pendingEvents: TimelineEvent[] = [];
  /** Why the last commit or WAL sync failed, while it has not succeeded since: what /healthz reports. */
  let writeFailure: { reason: string; since: number } | null = null;
  /**
   * Messages committed but not yet synced: readable, but their sender has no 250 yet and gets a 4xx if the sync
   * fails (and the message is taken back), so delivery must not claim them meanwhile.
   */
  const unsynced = new Set<string>();
  /** Messages with an outcome kept after a failed commit (see PendingWrite.keep). */
  const heldOutcomes = new Map<string, number>();
  const noteFailure = (err: Error) => {
    writeFailure ??= { reason: err.message, since: Date.now() };
    writeFailure.reason = err.message;
  };
  let timer: NodeJS.Timeout | null = null;
  let timerDue = Infinity;
  const listeners: Array<(msg: NewMessage) => void> = [];
  const syncing = new Set<Promise<boolean>>();

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
      takeEvents(false);
      noteFailure(err as Error);
      const retry = isStorageFailure(err);
      const kept = retry ? batch.filter((p) => p.keep) : [];
      for (const p of batch) if (!retry || !p.keep) p.reject(err as Error);
      // Outcomes and DSNs go back in front of what came since, in their order, and are tried again shortly.
      for (const p of kept) {
        if (!p.messageId || p.held) continue;
        p.held = true;
        heldOutcomes.set(p.messageId, (heldOutcomes.get(p.messageId) ?? 0) + 1);
      }
      pending = [...kept, ...pending];
      if (retry) pendingEvents = [...events, ...pendingEvents];
      if (pending.length > 0 || pendingEvents.length > 0) schedule(RETRY_FAILED_COMMIT_MS);
      return;
    }
    for (const p of batch) if (p.held && p.messageId) release(p.messageId);
    for (const p of batch) if (p.enqueues) unsynced.add(p.enqueues);
    const committed = takeEvents(true);
    // Committed, but acknowledged only once the WAL is on disk (wal-sync.ts); the next batch need not wait for it.
    emitAfter(committed, afterSync((err) => {
      if (err) noteFailure(err);
      else writeFailure = null;
      // A kept write is committed and readable whatever the sync says, so its message is no longer due: rejecting it
      // would only make the caller send again. A client waiting for its 250 hears 4xx instead.
      for (const p of batch) {
        if (p.enqueues) unsynced.delete(p.enqueues);
        if (!err || p.keep) {
          p.resolve();
          continue;
        }
        try {
          if (p.undo) withEvents(p.undo);
        } catch {
          // the store cannot write at all now: the message stays queued and may go out besides the sender's retry
        }
        p.reject(err);
      }
    }));
  }

  function release(messageId: string): void {
    const n = (heldOutcomes.get(messageId) ?? 0) - 1;
    if (n > 0) heldOutcomes.set(messageId, n);
    else heldOutcomes.delete(messageId);
  }

  /** Sync the WAL off the main thread, then run `done`; close() waits for every sync in progress. */
  function afterSync(done: (err: Error | null) => void): Promise<boolean> {
    const synced = new Promise<boolean>((resolve) => wal.sync((err) => {
      done(err);
      resolve(err === null);
    }));
    syncing.add(synced);
    void synced.then(() => syncing.delete(synced));
    return synced;
  }

  /**
   * Pass on a commit's events once its WAL sync succeeded, in commit order: two syncs on the thread pool may finish
   * out of order, so each emission also waits for the one before.
   */
  function emitAfter(events: TimelineEvent[], synced: Promise<boolean>): void {
    if (events.length === 0) return;
    emitted = Promise.all([emitted, synced]).then(([, ok]) => {
      if (ok) for (const l of eventListeners) l(events);
    });
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
  function write(withinMs: number, fn: () => void, opts: { afterCommit?: () => void; keep?: boolean; messageId?: string; undo?: () => void; enqueues?: string } = {}): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      pending.push({
        write: fn,
        resolve: () => {
          resolve();
          opts.afterCommit?.();
        },
        reject,
        keep: opts.keep ?? false,
        ...(opts.messageId ? { messageId: opts.messageId } : {}),
        ...(opts.undo ? { undo: opts.undo } : {}),
        ...(opts.enqueues ? { enqueues: opts.enqueues } : {}),
      });
      schedule(withinMs);
    });
  }
  /** Run one of the operator's own transactions; its events go out once the WAL holding them is on disk. */
  function withEvents<T>(transaction: () => T): T {
    let result: T;
    try {
      result = transaction();
    } catch (err) {
      takeEvents(false);
      throw err;
    }
    const committed = takeEvents(true);
    if (committed.length > 0) emitAfter(committed, afterSync(() => {}));
    return result;
  }
  const outcomeCommitMs = opts.outcomeCommitMs ?? opts.groupCommitMs;

  return {
    enqueue(msg, options) {
      const keep = options?.keepOnFailure ?? false;
      return write(keep ? outcomeCommitMs : opts.groupCommitMs, () => writeMessage(msg), {
        keep,
        // The client was answered 4xx: take the message back so its retry is not a second copy.
        undo: () => admin.remove(msg.id, Date.now(), 'relay: not on disk, client told to retry', false),
        enqueues: msg.id,
        afterCommit: () => {
          for (const l of listeners) l(msg);
        },
      });
    },
    addEvents(events) {
      pendingEvents.push(...events);
      schedule(outcomeCommitMs);
    },
    timeline(messageId) {
      flush();
      return (selectEvents.all(messageId) as EventRow[]).map(eventFromRow);
    },
    onEnqueued(listener) {
      listeners.push(listener);
    },
    onEvents(listener) {
      eventListeners.push(listener);
    },
    claimDue(now, limit, skip, maxBytes = Infinity) {
      // Commit what is pending first, so an attempt just recorded is never read back as still due.
      flush();
      // A message whose outcome is still waiting for the disk is not due again: its send happened.
      // Nor is one whose enqueue is not on disk yet.
      const skipAlso: InFlightSet = heldOutcomes.size === 0 && unsynced.size === 0 ? skip : {
        has: (id) => skip.has(id) || heldOutcomes.has(id) || unsynced.has(id),
        get size() {
          return skip.size + heldOutcomes.size + unsynced.size;
        },
      };
      return delivery.claimDue(now, limit, skipAlso, maxBytes);
    },
    recordAttempt(record) {
      return write(outcomeCommitMs, () => delivery.applyAttempt(record), { keep: true, messageId: record.messageId });
    },
    writeHealth() {
      return writeFailure
        ? { writable: false, reason: writeFailure.reason, since: writeFailure.since, keptWrites: pending.filter((p) => p.keep).length }
        : { writable: true, keptWrites: 0 };
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
      return withEvents(() => admin.retry(id, now));
    },
    remove(id, now) {
      flush();
      return withEvents(() => admin.remove(id, now, 'operator', false)) === 'done';
    },
    listHeld(limit) {
      flush();
      return held.list(limit);
    },
    showHeld(id) {
      flush();
      const detail = held.show(id);
      return detail && { ...detail, timeline: this.timeline(id) };
    },
    heldRaw(id) {
      flush();
      return held.raw(id);
    },
    release(id, now, by) {
      flush();
      return withEvents(() => held.release(id, now, by));
    },
    removeHeld(id, now, by) {
      flush();
      return withEvents(() => admin.remove(id, now, by, true));
    },
    async close() {
      flush();
      await Promise.all([...syncing]);
      await emitted;
      // Admin changes (retry, delete) commit outside the group path: one last sync covers them too.
      await new Promise<void>((resolve, reject) => wal.sync((err) => (err ? reject(err) : resolve())));
      wal.close();
    },
  };
}
