// The operator's search over the queue tables (API and console): by id, envelope sender, recipient, account,
// Message-ID, state and time. Every filter is optional and every answer bounded by `limit`, newest first.
import type { QueueState } from '../shared/types.js';
import type { Db } from '../store/sqlite.js';
import type { EventType, TimelineEvent } from './events.js';
import { SUMMARY_SELECT, summary, type SummaryRow } from './sqlite-admin.js';
import { eventFromRow, type EventRow } from './sqlite-store.js';
import type { MessageSummary } from './types.js';

export interface QueueSearch {
  id?: string;
  /** Substring of the envelope sender. */
  sender?: string;
  /** Substring of any recipient. */
  recipient?: string;
  account?: string;
  /**
   * The Message-ID header, with or without angle brackets: exact. Indexed at acceptance, so a finished message (whose
   * body is gone) is found until retention purges it.
   */
  messageId?: string;
  state?: QueueState;
  /** Received at or after / before, epoch ms. */
  from?: number;
  to?: number;
  limit: number;
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function searchQueue(db: Db, q: QueueSearch): MessageSummary[] {
  const where: string[] = [];
  const args: Record<string, unknown> = { limit: q.limit };
  /** One condition with its named parameter. */
  const add = (condition: string, name: string, value: unknown) => {
    where.push(condition);
    args[name] = value;
  };
  if (q.id) add('m.id = :id', 'id', q.id);
  if (q.sender) add("m.mail_from LIKE :sender ESCAPE '\\'", 'sender', like(q.sender));
  if (q.recipient) add("EXISTS (SELECT 1 FROM recipients r WHERE r.message_id = m.id AND r.rcpt LIKE :recipient ESCAPE '\\')", 'recipient', like(q.recipient));
  if (q.account) add('m.account = :account', 'account', q.account);
  if (q.messageId) {
    add('m.header_message_id = :mid', 'mid', q.messageId.replace(/\s+/g, '').replace(/^<|>$/g, ''));
  }
  if (q.state) add('m.state = :state', 'state', q.state);
  if (q.from !== undefined) add('m.received_at >= :from', 'from', q.from);
  if (q.to !== undefined) add('m.received_at < :to', 'to', q.to);
  const sql = `${SUMMARY_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.received_at DESC LIMIT :limit`;
  return (db.prepare(sql).all(args) as SummaryRow[]).map(summary);
}

/**
 * Events of the given types recorded at or after `since` (epoch ms), newest first: what the overview's flow chart
 * reads back at start, so a restart does not blank its history. Walks back from the newest event and stops at the
 * first older one (events are written in time order), so it reads only that span, bounded by `max`.
 */
export function recentEvents<T extends EventType>(db: Db, since: number, types: readonly T[], max = 1_000_000): Array<{ type: T; at: number }> {
  const wanted: ReadonlySet<string> = new Set(types);
  const out: Array<{ type: T; at: number }> = [];
  let read = 0;
  for (const e of db.prepare('SELECT type, at FROM events ORDER BY seq DESC').iterate() as Iterable<{ type: T; at: number }>) {
    if (e.at < since || ++read > max) break;
    if (wanted.has(e.type)) out.push(e);
  }
  return out;
}

/**
 * The newest events of the given types that belong to no message (message id ''; a route change no reply caused, a
 * report traced to none), newest first: they have no timeline of their own to be read on.
 */
export function eventsWithoutMessage<T extends EventType>(db: Db, types: readonly T[], limit: number): Array<Extract<TimelineEvent, { type: T }>> {
  const rows = db.prepare(`SELECT message_id, at, type, recipient, data FROM events WHERE message_id = '' AND type IN (${types.map(() => '?').join(', ')}) ORDER BY seq DESC LIMIT ?`)
    .all(...types, limit) as EventRow[];
  return rows.map(eventFromRow) as Array<Extract<TimelineEvent, { type: T }>>;
}

/** Receipt time of the oldest message still waiting for delivery, null when none waits. */
export function oldestPending(db: Db): number | null {
  return db.prepare("SELECT min(received_at) FROM messages WHERE state IN ('queued', 'deferred')").pluck().get() as number | null;
}
