// Messages held for review by the policy (state 'quarantined' in the queue tables): list, show, release to delivery,
// delete. Works on the queue store's own tables and columns (src/queue/sqlite-store.ts) in one transaction per change,
// and records each change in the message's timeline.
import libmime from 'libmime';
import { headerValues, splitMessage } from '../identify/message-parts.js';
import type { TimelineEvent } from '../queue/events.js';
import type { Db } from '../store/sqlite.js';

export interface HeldMessage {
  id: string;
  receivedAt: number;
  account: string;
  sub: string;
  mailFrom: string;
  size: number;
  recipients: number;
  subject: string;
  /** Verdict code and the names of the signals and rules that held it. */
  code: string;
  evidence: string[];
}

export interface HeldMessageDetail extends HeldMessage {
  recipientList: string[];
  headers: string;
  timeline: TimelineEvent[];
}

export class QuarantineError extends Error {}

function hasQueueTables(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'messages'").get() !== undefined;
}

function subjectOf(raw: Buffer): string {
  const value = headerValues(splitMessage(raw.subarray(0, 64 * 1024)).headers, 'subject')[0] ?? '';
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

function held(row: Row): HeldMessage {
  const verdict = row.verdict ? (JSON.parse(row.verdict) as { code?: string; evidence?: Array<{ name: string; score: number }> }) : {};
  return {
    id: row.id,
    receivedAt: row.received_at,
    account: row.account,
    sub: row.sub_identity,
    mailFrom: row.mail_from,
    size: row.size,
    recipients: row.recipients,
    subject: subjectOf(row.raw),
    code: verdict.code ?? '',
    evidence: (verdict.evidence ?? []).filter((e) => e.score > 0).map((e) => e.name),
  };
}

const SELECT = `
  SELECT m.id, m.received_at, m.account, m.sub_identity, m.mail_from, m.size, b.raw,
    (SELECT COUNT(*) FROM recipients r WHERE r.message_id = m.id) AS recipients,
    (SELECT data FROM events e WHERE e.message_id = m.id AND e.type = 'verdict' ORDER BY seq DESC LIMIT 1) AS verdict
  FROM messages m JOIN bodies b ON b.message_id = m.id`;

export function listQuarantine(db: Db, limit = 100): HeldMessage[] {
  if (!hasQueueTables(db)) return [];
  return (db.prepare(`${SELECT} WHERE m.state = 'quarantined' ORDER BY m.id LIMIT ?`).all(limit) as Row[]).map(held);
}

function findHeld(db: Db, id: string): Row {
  const row = hasQueueTables(db) ? (db.prepare(`${SELECT} WHERE m.id = ?`).get(id) as Row | undefined) : undefined;
  if (!row) throw new QuarantineError(`no message ${id}`);
  const state = db.prepare('SELECT state FROM messages WHERE id = ?').pluck().get(id) as string;
  if (state !== 'quarantined') throw new QuarantineError(`message ${id} is not in quarantine (state: ${state})`);
  return row;
}

export function showQuarantined(db: Db, id: string): HeldMessageDetail {
  const row = findHeld(db, id);
  type EventRow = { at: number; type: TimelineEvent['type']; recipient: string | null; data: string };
  const events = db.prepare('SELECT at, type, recipient, data FROM events WHERE message_id = ? ORDER BY seq').all(id) as EventRow[];
  const end = row.raw.indexOf('\r\n\r\n');
  return {
    ...held(row),
    recipientList: (db.prepare('SELECT rcpt FROM recipients WHERE message_id = ? ORDER BY rcpt').pluck().all(id) as string[]),
    headers: row.raw.subarray(0, end < 0 ? row.raw.length : end).toString('utf8'),
    timeline: events.map((e) => ({ messageId: id, at: e.at, type: e.type, ...(e.recipient ? { recipient: e.recipient } : {}), data: JSON.parse(e.data) }) as TimelineEvent),
  };
}

function change(db: Db, id: string, now: number, to: 'queued' | 'deleted', event: 'released' | 'deleted', by: string): void {
  db.transaction(() => {
    findHeld(db, id);
    db.prepare('UPDATE messages SET state = ? WHERE id = ?').run(to, id);
    db.prepare(`UPDATE recipients SET state = ?, next_attempt_at = ?, updated_at = ? WHERE message_id = ? AND state = 'quarantined'`).run(to, now, now, id);
    if (to === 'deleted') db.prepare('DELETE FROM bodies WHERE message_id = ?').run(id);
    db.prepare('INSERT INTO events (message_id, at, type, recipient, data) VALUES (?, ?, ?, NULL, ?)').run(id, now, event, JSON.stringify({ by }));
  })();
}

/** Hand a held message to delivery: every held recipient becomes due now. */
export function releaseQuarantined(db: Db, id: string, now: number, by = 'operator'): void {
  change(db, id, now, 'queued', 'released', by);
}

/** Drop a held message: its body is removed, its timeline kept. */
export function deleteQuarantined(db: Db, id: string, now: number, by = 'operator'): void {
  change(db, id, now, 'deleted', 'deleted', by);
}
