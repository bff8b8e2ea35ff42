// The delivery side of the SQLite queue: read a bounded window of due work, write each attempt's outcome.
import type { Db } from '../store/sqlite.js';
import type { QueueState } from '../shared/types.js';
import type { TimelineEvent } from './events.js';
import { isFinal, messageStateOf } from './message-state.js';
import type { InFlightSet } from './store.js';
import type { AttemptRecord, DueMessage } from './types.js';

interface MessageRow {
  id: string;
  received_at: number;
  account: string;
  sub_identity: string;
  identity_source: string;
  mail_from: string;
  smtputf8: number;
  eightbit: number;
  delay_warned: number;
  raw: Buffer;
}

/** How many recipient rows one claim reads per message wanted; bounds the read whatever the queue size. */
const ROWS_PER_MESSAGE = 4;

export function createDeliveryQueries(db: Db, writeEvent: (e: TimelineEvent) => void) {
  const dueRows = db.prepare(
    `SELECT message_id FROM recipients WHERE state IN ('queued', 'deferred') AND next_attempt_at <= ?
     ORDER BY next_attempt_at LIMIT ?`,
  );
  const messageRow = db.prepare(
    `SELECT m.id, m.received_at, m.account, m.sub_identity, m.identity_source, m.mail_from, m.smtputf8, m.eightbit,
       m.delay_warned, b.raw FROM messages m JOIN bodies b ON b.message_id = m.id WHERE m.id = ?`,
  );
  const dueRecipients = db.prepare(
    `SELECT rcpt, domain, attempts FROM recipients
     WHERE message_id = ? AND state IN ('queued', 'deferred') AND next_attempt_at <= ?`,
  );
  const updateRecipient = db.prepare(
    `UPDATE recipients SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_code = ?, last_reply = ?,
       last_attempt_at = ?, remote_mta = ?, classification = ?, updated_at = ?
     WHERE message_id = ? AND rcpt = ? AND state IN ('queued', 'deferred')`,
  );
  const recipientStates = db.prepare('SELECT state FROM recipients WHERE message_id = ?');
  const setMessageState = db.prepare('UPDATE messages SET state = ? WHERE id = ?');
  const setDelayWarned = db.prepare('UPDATE messages SET delay_warned = 1 WHERE id = ?');
  const deleteBody = db.prepare('DELETE FROM bodies WHERE message_id = ?');

  /** Recompute the message's state from its recipients; drop the body once nobody needs it any more. */
  function settleMessage(id: string): void {
    const state = messageStateOf((recipientStates.all(id) as Array<{ state: QueueState }>).map((r) => r.state));
    setMessageState.run(state, id);
    if (isFinal(state)) deleteBody.run(id);
  }

  return {
    settleMessage,
    claimDue(now: number, limit: number, skip: InFlightSet): DueMessage[] {
      const rows = dueRows.all(now, (limit + skip.size) * ROWS_PER_MESSAGE) as Array<{ message_id: string }>;
      const ids: string[] = [];
      for (const { message_id } of rows) {
        if (ids.length >= limit) break;
        if (!skip.has(message_id) && !ids.includes(message_id)) ids.push(message_id);
      }
      const out: DueMessage[] = [];
      for (const id of ids) {
        const m = messageRow.get(id) as MessageRow | undefined;
        if (!m) continue; // body gone: the message was deleted between the two reads
        out.push({
          id: m.id, receivedAt: m.received_at, mailFrom: m.mail_from, raw: m.raw,
          identity: { account: m.account, sub: m.sub_identity, source: m.identity_source },
          smtpUtf8: m.smtputf8 === 1, eightBit: m.eightbit === 1, delayWarned: m.delay_warned === 1,
          recipients: dueRecipients.all(id, now) as DueMessage['recipients'],
        });
      }
      return out;
    },
    applyAttempt(r: AttemptRecord): void {
      for (const o of r.outcomes) {
        updateRecipient.run(o.state, o.nextAttemptAt, o.code, o.reply, r.at, o.remoteMta || null,
          JSON.stringify(o.classification), r.at, r.messageId, o.rcpt);
      }
      if (r.delayWarned) setDelayWarned.run(r.messageId);
      for (const e of r.events) writeEvent(e);
      settleMessage(r.messageId);
    },
  };
}
