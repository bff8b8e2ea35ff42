// Held mail through the queue store: listed with why it was held, shown, released to delivery, deleted by the same
// delete as `queue delete`, each change in the timeline and on the event stream.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/sqlite.js';
import type { TimelineEvent } from './events.js';
import { newQueueId } from './id.js';
import { createSqliteQueueStore } from './sqlite-store.js';
import type { NewMessage } from './types.js';

function message(at: number, initialState: NewMessage['initialState']): NewMessage {
  return {
    id: newQueueId(at), receivedAt: at, identity: { account: 'host', sub: 'shop', source: 'header:x-authuser' }, mailFrom: 'shop@site.test',
    recipients: ['a@x.test', 'b@y.test'], raw: Buffer.from('Subject: =?UTF-8?Q?Caf=C3=A9?=\r\nFrom: shop@site.test\r\n\r\nhi\r\n'),
    clientIp: '127.0.0.1', heloName: 'c.test', initialState, smtpUtf8: false, eightBit: false,
    events: [{ at, type: 'verdict', data: { verdict: 'quarantine', code: 'MW-HELD', reason: 'held', evidence: [
      { kind: 'behaviour', name: 'BURST', score: 4, description: 'd' }, { kind: 'behaviour', name: 'QUIET', score: 0, description: 'd' }] } }],
  };
}

function openStore() {
  const file = join(mkdtempSync(join(tmpdir(), 'mw-held-')), 'q.sqlite');
  return createSqliteQueueStore(openDatabase(file), { groupCommitMs: 1 });
}

describe('SQLite queue, held mail', () => {
  it('lists and shows held mail, releases it to delivery and deletes it through the one delete', async () => {
    const store = openStore();
    const seen: TimelineEvent[] = [];
    store.onEvents((events) => seen.push(...events));
    const [one, two, normal] = [message(1000, 'quarantined'), message(1001, 'quarantined'), message(1002, 'queued')];
    for (const m of [one, two, normal]) await store.enqueue(m);

    expect(store.listHeld(10).map((m) => [m.id, m.subject, m.code, m.evidence])).toEqual([
      [one.id, 'Café', 'MW-HELD', ['BURST']], [two.id, 'Café', 'MW-HELD', ['BURST']]]);
    expect(store.showHeld(one.id)).toMatchObject({ recipientList: ['a@x.test', 'b@y.test'], headers: expect.stringContaining('From: shop@site.test') });
    expect(store.showHeld(normal.id)).toBeNull();
    expect(store.claimDue(5000, 10, new Set()).map((m) => m.id)).toEqual([normal.id]); // held mail is never due

    expect(store.release(one.id, 2000, 'operator')).toBe('done');
    expect(store.release(one.id, 2000, 'operator')).toBe('not-held');
    expect(store.release('NOSUCH', 2000, 'operator')).toBe('not-found');
    expect(store.claimDue(2000, 10, new Set()).map((m) => m.id).sort()).toEqual([one.id, normal.id].sort());

    expect(store.removeHeld(normal.id, 2100, 'operator')).toBe('not-held');
    expect(store.removeHeld(two.id, 2100, 'operator')).toBe('done');
    expect(store.show(two.id)).toMatchObject({ state: 'deleted', recipientStatus: [{ state: 'deleted' }, { state: 'deleted' }] });
    expect(store.listHeld(10)).toEqual([]);
    await store.close();
    expect(seen.filter((e) => e.type === 'released' || e.type === 'deleted').map((e) => [e.type, e.messageId, e.data]))
      .toEqual([['released', one.id, { by: 'operator' }], ['deleted', two.id, { recipients: 2, by: 'operator' }]]);
  });
});
