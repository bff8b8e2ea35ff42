// The queue's event stream (store.onEvents): every committed event once, after its commit; nothing of a failed one.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from './events.js';
import { openDatabase } from '../store/sqlite.js';
import { newQueueId } from './id.js';
import { createSqliteQueueStore } from './sqlite-store.js';
import type { NewMessage } from './types.js';
import { classifyReply } from '../classify/index.js';

function message(): NewMessage {
  const now = Date.now();
  return {
    id: newQueueId(now), receivedAt: now, identity: { account: 'acme', sub: '', source: 'none' }, mailFrom: 'a@acme.test',
    recipients: ['r@dest.test'], raw: Buffer.from('Subject: x\r\n\r\nhi\r\n'), clientIp: '127.0.0.1', heloName: 'client.test',
    initialState: 'queued', smtpUtf8: false, eightBit: false,
    events: [{ at: now, type: 'received', data: { clientIp: '127.0.0.1', helo: 'client.test', listener: 'submission', tls: false, size: 20, mailFrom: 'a@acme.test', recipients: [] } }, { at: now, type: 'queued', data: {} }],
  };
}

/** Listeners run just after the commit's callers resolve: let that turn of the event loop finish. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

const openStore = () => {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'mw-events-')), 'q.sqlite'));
  return { db, store: createSqliteQueueStore(db, { groupCommitMs: 1 }) };
};

describe('queue event stream', () => {
  it("passes on accept's, delivery's and the operator's events once each, after their commit", async () => {
    const { store } = openStore();
    const seen: TimelineEvent[] = [];
    store.onEvents((events) => seen.push(...events));
    const m = message();
    const enqueued = store.enqueue(m);
    expect(seen).toEqual([]); // not before the commit is durable
    await enqueued;
    await settled();
    expect(seen.map((e) => [e.messageId, e.type])).toEqual([[m.id, 'received'], [m.id, 'queued']]);

    await store.recordAttempt({
      messageId: m.id, at: Date.now(),
      outcomes: [{ rcpt: 'r@dest.test', state: 'deferred', code: 451, reply: '451 later', remoteMta: 'mx.dest.test', nextAttemptAt: Date.now() + 60_000, classification: classifyReply({ text: '451 later' }) }],
      events: [{ messageId: m.id, at: Date.now(), type: 'deferred', recipient: 'r@dest.test', data: { identity: 'acme', code: 451, reason: 'systemerror', nextAttemptAt: 0 } }],
    });
    await settled();
    expect(seen.at(-1)).toMatchObject({ type: 'deferred', recipient: 'r@dest.test' });

    expect(store.retry(m.id, Date.now())).toBe(1);
    expect(store.remove(m.id, Date.now())).toBe(true);
    await store.close(); // waits for the WAL sync the operator's events go out after
    expect(seen.slice(3).map((e) => e.type)).toEqual(['retry-requested', 'deleted']);
  });

  it('passes on nothing of a commit that failed', async () => {
    const { db, store } = openStore();
    const seen: TimelineEvent[] = [];
    store.onEvents((events) => seen.push(...events));
    const m = message();
    await store.enqueue(m);
    await settled();
    seen.length = 0;
    await expect(store.enqueue(m)).rejects.toThrow(/UNIQUE/); // the same queue id again: the transaction rolls back
    const next = message();
    await store.enqueue(next);
    await settled();
    expect(seen.map((e) => e.messageId)).toEqual([next.id, next.id]);
    await store.close();
    db.close();
  });
});
