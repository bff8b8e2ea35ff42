import { expect, it } from 'vitest';
import { openDatabase } from '../store/sqlite.js';
import { newQueueId } from './id.js';
import { headerMessageId } from './sqlite-schema.js';
import { recentEvents, searchQueue } from './sqlite-search.js';
import { createSqliteQueueStore } from './sqlite-store.js';

const message = (raw: string, receivedAt = Date.now()) => ({
  id: newQueueId(receivedAt), receivedAt, identity: { account: 'a', sub: '', source: 'none' as const }, mailFrom: 's@x.test',
  recipients: ['r@y.test'], raw: Buffer.from(raw), clientIp: '127.0.0.1', heloName: 'h',
  initialState: 'queued' as const, smtpUtf8: false, eightBit: false, events: [{ at: receivedAt, type: 'queued' as const, data: {} }],
});

it('reads the Message-ID of the header only: folded, without brackets, never one quoted in the body', () => {
  expect(headerMessageId(Buffer.from('Received: x\r\nMessage-ID:\r\n <abc.1@x.test>\r\nSubject: y\r\n\r\nbody\r\n'))).toBe('abc.1@x.test');
  expect(headerMessageId(Buffer.from('message-id: <A@B>\r\n\r\n'))).toBe('A@B');
  expect(headerMessageId(Buffer.from('X-Original-Message-ID: <no@x>\r\nSubject: y\r\n\r\nMessage-ID: <no@body>\r\n'))).toBeNull();
});

it('finds a message by Message-ID after its body is gone, and fills the column when an older database is upgraded', async () => {
  const db = openDatabase(':memory:');
  const store = createSqliteQueueStore(db, { groupCommitMs: 1 });
  const done = message('Message-ID: <done@x.test>\r\nSubject: a\r\n\r\nx\r\n');
  const waiting = message('Message-ID: <waiting@x.test>\r\nSubject: b\r\n\r\nx\r\n');
  await store.enqueue(done);
  await store.enqueue(waiting);
  store.remove(done.id, Date.now()); // finished: its body is deleted
  await store.close();
  expect(db.prepare('SELECT count(*) FROM bodies WHERE message_id = ?').pluck().get(done.id)).toBe(0);
  const ids = (mid: string) => searchQueue(db, { messageId: mid, limit: 10 }).map((m) => m.id);
  expect(ids('<done@x.test>')).toEqual([done.id]);
  expect(ids('waiting@x.test')).toEqual([waiting.id]);

  // A database from before the column: the upgrade reads it from the bodies still stored.
  db.exec('DROP INDEX messages_header_message_id; ALTER TABLE messages DROP COLUMN header_message_id');
  await createSqliteQueueStore(db, { groupCommitMs: 1 }).close();
  expect(ids('waiting@x.test')).toEqual([waiting.id]);
  expect(ids('done@x.test')).toEqual([]); // finished before the upgrade: its body, and so its Message-ID, was gone
  db.close();
});

it('reads back the events of the last span, newest first, of the chosen types only', async () => {
  const db = openDatabase(':memory:');
  const store = createSqliteQueueStore(db, { groupCommitMs: 1 });
  const now = Date.now();
  const old = message('Subject: old\r\n\r\nx\r\n', now - 2 * 86_400_000);
  const recent = message('Subject: new\r\n\r\nx\r\n', now - 60_000);
  await store.enqueue({ ...old, events: [{ at: old.receivedAt, type: 'queued', data: {} }] });
  await store.enqueue(recent);
  store.remove(recent.id, now);
  await store.close();
  expect(recentEvents(db, now - 86_400_000, ['queued', 'deleted'])).toEqual([{ type: 'deleted', at: now }, { type: 'queued', at: recent.receivedAt }]);
  expect(recentEvents(db, now - 86_400_000, ['delivered'])).toEqual([]);
  db.close();
});
