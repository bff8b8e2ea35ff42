// The operator's side of the SQLite queue: list, show, retry now, delete (the one delete, for held mail too).
import type { Classification } from '../classify/types.js';
import type { Db } from '../store/sqlite.js';
import type { QueueState } from '../shared/types.js';
import type { TimelineEvent } from './events.js';
import type { ChangeResult, MessageDetail, MessageSummary, RecipientStatus } from './types.js';

export interface SummaryRow {
  id: string;
  received_at: number;
  state: QueueState;
  account: string;
  sub_identity: string;
  mail_from: string;
  size: number;
  recipients: number;
  pending: number;
}

export const SUMMARY_SELECT = `
  SELECT m.id, m.received_at, m.state, m.account, m.sub_identity, m.mail_from, m.size,
    (SELECT count(*) FROM recipients r WHERE r.message_id = m.id) AS recipients,
    (SELECT count(*) FROM recipients r WHERE r.message_id = m.id AND r.state IN ('queued', 'deferred')) AS pending
  FROM messages m`;

export function summary(r: SummaryRow): MessageSummary {
  return {
    id: r.id, receivedAt: r.received_at, state: r.state, account: r.account, sub: r.sub_identity,
    mailFrom: r.mail_from, size: r.size, recipients: r.recipients, pending: r.pending,
  };
}

export function createAdminQueries(db: Db, writeEvent: (e: TimelineEvent) => void, settleMessage: (id: string) => void) {
  const listAll = db.prepare(`${SUMMARY_SELECT} ORDER BY m.received_at DESC LIMIT ?`);
  const listByState = db.prepare(`${SUMMARY_SELECT} WHERE m.state = ? ORDER BY m.received_at DESC LIMIT ?`);
  const one = db.prepare(`${SUMMARY_SELECT} WHERE m.id = ?`);
  const origin = db.prepare('SELECT identity_source, client_ip, helo FROM messages WHERE id = ?');
  const recipients = db.prepare(
    `SELECT rcpt, state, attempts, next_attempt_at, last_code, last_reply, last_attempt_at, remote_mta, classification
     FROM recipients WHERE message_id = ? ORDER BY rcpt`,
  );
  const retryPending = db.prepare(
    `UPDATE recipients SET next_attempt_at = ?, updated_at = ? WHERE message_id = ? AND state IN ('queued', 'deferred')`,
  );
  const deletePending = db.prepare(
    `UPDATE recipients SET state = 'deleted', updated_at = ? WHERE message_id = ? AND state IN ('queued', 'deferred', 'quarantined')`,
  );

  const retry = db.transaction((id: string, now: number): number => {
    const n = retryPending.run(now, now, id).changes;
    if (n > 0) writeEvent({ messageId: id, at: now, type: 'retry-requested', data: { recipients: n } });
    return n;
  });

  const stateOf = db.prepare('SELECT state FROM messages WHERE id = ?').pluck();
  /** Drop pending and held recipients and, once nothing is pending, the body; `onlyHeld` refuses any other state. */
  const remove = db.transaction((id: string, now: number, by: string, onlyHeld: boolean): ChangeResult => {
    const state = stateOf.get(id) as QueueState | undefined;
    if (state === undefined) return 'not-found';
    if (onlyHeld && state !== 'quarantined') return 'not-held';
    const n = deletePending.run(now, id).changes;
    settleMessage(id);
    writeEvent({ messageId: id, at: now, type: 'deleted', data: { recipients: n, by } });
    return 'done';
  });

  return {
    list(filter: { state?: QueueState; limit: number }): MessageSummary[] {
      const rows = (filter.state ? listByState.all(filter.state, filter.limit) : listAll.all(filter.limit)) as SummaryRow[];
      return rows.map(summary);
    },
    show(id: string): Omit<MessageDetail, 'timeline'> | null {
      const row = one.get(id) as SummaryRow | undefined;
      if (!row) return null;
      const o = origin.get(id) as { identity_source: string; client_ip: string; helo: string };
      const rcpts = (recipients.all(id) as Array<Record<string, unknown>>).map((r): RecipientStatus => ({
        rcpt: r.rcpt as string, state: r.state as QueueState, attempts: r.attempts as number,
        nextAttemptAt: r.next_attempt_at as number, lastCode: r.last_code as number | null,
        lastReply: r.last_reply as string | null, lastAttemptAt: r.last_attempt_at as number | null,
        remoteMta: r.remote_mta as string | null,
        classification: r.classification ? (JSON.parse(r.classification as string) as Classification) : null,
      }));
      return { ...summary(row), identitySource: o.identity_source, clientIp: o.client_ip, heloName: o.helo, recipientStatus: rcpts };
    },
    retry,
    remove,
  };
}
