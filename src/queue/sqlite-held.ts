// The SQLite queue's side for mail the policy held for review (state 'quarantined'): list with why it was held, show
// with its header section, release to delivery. Deleting a held message is the queue's one delete (sqlite-admin.ts).
import libmime from 'libmime';
import { fieldValue, messageHeader } from '../shared/mime/header.js';
import type { Db } from '../store/sqlite.js';
import type { TimelineEvent } from './events.js';
import type { HeldMessage, HeldMessageDetail } from './types.js';

/** The subject is read from the first 64 KiB at most: a header section longer than that is not a list line's business. */
const SUBJECT_BYTES = 64 * 1024;

function subjectOf(raw: Buffer): string {
  const value = fieldValue(messageHeader(raw.subarray(0, SUBJECT_BYTES)), 'subject') ?? '';
  try {
    return libmime.decodeWords(value);
  } catch {
    return value; // a malformed encoded word: show it as it came
  }
}

interface Row {
  id: string;
  received_at: number;
  account: string;
  sub_identity: string;
  mail_from: string;
  size: number;
  raw: Buffer;
  recipients: number;
  verdict: string | null;
}

type VerdictData = Extract<TimelineEvent, { type: 'verdict' }>['data'];

function held(row: Row): HeldMessage {
  const verdict = row.verdict ? (JSON.parse(row.verdict) as VerdictData) : null;
  return {
    id: row.id,
    receivedAt: row.received_at,
    account: row.account,
    sub: row.sub_identity,
    mailFrom: row.mail_from,
    size: row.size,
    recipients: row.recipients,
    subject: subjectOf(row.raw),
    code: verdict?.code ?? '',
    evidence: (verdict?.evidence ?? []).filter((e) => e.score > 0).map((e) => e.name),
  };
}

const SELECT = `
  SELECT m.id, m.received_at, m.account, m.sub_identity, m.mail_from, m.size, b.raw,
    (SELECT COUNT(*) FROM recipients r WHERE r.message_id = m.id) AS recipients,
    (SELECT data FROM events e WHERE e.message_id = m.id AND e.type = 'verdict' ORDER BY seq DESC LIMIT 1) AS verdict
  FROM messages m JOIN bodies b ON b.message_id = m.id`;

export function createHeldQueries(db: Db, writeEvent: (e: TimelineEvent) => void) {
  const list = db.prepare(`${SELECT} WHERE m.state = 'quarantined' ORDER BY m.id LIMIT ?`);
  const one = db.prepare(`${SELECT} WHERE m.id = ? AND m.state = 'quarantined'`);
  const rcpts = db.prepare('SELECT rcpt FROM recipients WHERE message_id = ? ORDER BY rcpt').pluck();
  const stateOf = db.prepare('SELECT state FROM messages WHERE id = ?').pluck();
  const queueMessage = db.prepare(`UPDATE messages SET state = 'queued' WHERE id = ?`);
  const queueRecipients = db.prepare(
    `UPDATE recipients SET state = 'queued', next_attempt_at = ?, updated_at = ? WHERE message_id = ? AND state = 'quarantined'`,
  );

  return {
    list: (limit: number): HeldMessage[] => (list.all(limit) as Row[]).map(held),
    /** The held message without its timeline (the store adds it); null when there is none or it is not held. */
    show(id: string): Omit<HeldMessageDetail, 'timeline'> | null {
      const row = one.get(id) as Row | undefined;
      if (!row) return null;
      const end = row.raw.indexOf('\r\n\r\n');
      return { ...held(row), recipientList: rcpts.all(id) as string[], headers: row.raw.subarray(0, end < 0 ? row.raw.length : end).toString('utf8') };
    },
    raw: (id: string): Buffer | null => (one.get(id) as Row | undefined)?.raw ?? null,
    /** Hand a held message to delivery: its held recipients become due now. */
    release: db.transaction((id: string, now: number, by: string): 'done' | 'not-found' | 'not-held' => {
      const state = stateOf.get(id) as string | undefined;
      if (state === undefined) return 'not-found';
      if (state !== 'quarantined') return 'not-held';
      queueMessage.run(id);
      queueRecipients.run(now, now, id);
      writeEvent({ messageId: id, at: now, type: 'released', data: { by } });
      return 'done';
    }),
  };
}
