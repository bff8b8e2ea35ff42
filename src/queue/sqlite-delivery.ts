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

/**
 * `keepSample`, when given, is told of each message that became delivered just before its body is dropped (the local
 * content model's sample, sqlite-samples.ts).
 */
export function createDeliveryQueries(db: Db, writeEvent: (e: TimelineEvent) => void, keepSample?: (id: string) => void) {
  const dueRows = db.prepare(
    `SELECT r.message_id, m.size FROM recipients r JOIN messages m ON m.id = r.message_id
     WHERE r.state IN ('queued', 'deferred') AND r.next_attempt_at <= ? ORDER BY r.next_attempt_at LIMIT ?`,
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
    if (state === 'delivered') keepSample?.(id);
    if (isFinal(state)) deleteBody.run(id);
  }

  return {
    settleMessage,
    claimDue(now: number, limit: number, skip: InFlightSet, maxBytes: number): DueMessage[] {
      const rows = dueRows.all(now, (limit + skip.size) * ROWS_PER_MESSAGE) as Array<{ message_id: string; size: number }>;
      const ids: string[] = [];
      let bytes = 0;
      for (const { message_id, size } of rows) {
        if (ids.length >= limit) break;
        if (skip.has(message_id) || ids.includes(message_id)) continue;
        // Sizes come from the messages table, so a body past the budget is never loaded.
        if (ids.length > 0 && bytes + size > maxBytes) break;
        bytes += size;
        ids.push(message_id);
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
