import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/sqlite.js';
import { newQueueId } from './id.js';
import { createSqliteQueueStore } from './sqlite-store.js';
import { purgeFinished } from './sqlite-retention.js';

const DAY = 86_400_000;

describe('retention', () => {
  it('purges finished messages past the cut-off with their recipients and timeline, and keeps the rest', async () => {
    const db = openDatabase(':memory:');
    const store = createSqliteQueueStore(db, { groupCommitMs: 1 });
    const now = 100 * DAY;
    const message = (receivedAt: number) => ({
      id: newQueueId(receivedAt), receivedAt, identity: { account: 'a', sub: '', source: 'none' }, mailFrom: 's@x.test',
      recipients: ['r@y.test'], raw: Buffer.from('Subject: x\r\n\r\nx\r\n'), clientIp: '127.0.0.1', heloName: 'h',
      initialState: 'queued' as const, smtpUtf8: false, eightBit: false, events: [{ at: receivedAt, type: 'queued' as const, data: {} }],
    });
    const oldDone = message(now - 40 * DAY);
    const oldPending = message(now - 40 * DAY + 1);
    const newDone = message(now - DAY);
    for (const m of [oldDone, oldPending, newDone]) await store.enqueue(m);
    store.remove(oldDone.id, now - 39 * DAY);
    store.remove(newDone.id, now - DAY);
    // Reports tied to no message: the old one goes with the old messages, the recent one stays.
    const untied = (at: number) => ({ messageId: '', at, type: 'report-untraceable' as const, data: { reportId: 1, kind: 'arf' as const, source: 'smtp' as const, reason: 'no-trace' as const } });
    store.addEvents([untied(now - 40 * DAY), untied(now - DAY)]);
    await store.close();

    expect(purgeFinished(db, now - 30 * DAY)).toBe(1);
    const ids = db.prepare('SELECT id FROM messages ORDER BY id').pluck().all();
    expect(ids).toEqual([oldPending.id, newDone.id].sort());
    expect(db.prepare('SELECT count(*) FROM events WHERE message_id = ?').pluck().get(oldDone.id)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM recipients WHERE message_id = ?').pluck().get(oldDone.id)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM events WHERE message_id = ?').pluck().get(newDone.id)).toBeGreaterThan(0);
    expect(db.prepare("SELECT at FROM events WHERE message_id = ''").pluck().all()).toEqual([now - DAY]);
    expect(purgeFinished(db, now - 30 * DAY)).toBe(0);
  });
});
