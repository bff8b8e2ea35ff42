import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/sqlite.js';
import { newQueueId } from './id.js';
import { createSqliteQueueStore } from './sqlite-store.js';
import type { NewMessage } from './types.js';
import { classifyReply } from '../classify/index.js';

function message(at: number, recipients: string[]): NewMessage {
  return {
    id: newQueueId(at), receivedAt: at, identity: { account: 'acme', sub: '', source: 'auth' }, mailFrom: 'a@acme.test',
    recipients, raw: Buffer.from('Subject: t\r\n\r\nhi\r\n'), clientIp: '127.0.0.1', heloName: 'c.test',
    initialState: 'queued', smtpUtf8: false, eightBit: false, events: [],
  };
}

function openStore() {
  const file = join(mkdtempSync(join(tmpdir(), 'mw-qd-')), 'q.sqlite');
  return createSqliteQueueStore(openDatabase(file), { groupCommitMs: 1, outcomeCommitMs: 5 });
}

describe('SQLite queue, delivery side', () => {
  it('claims a bounded window of due messages, oldest first, skipping those in flight', async () => {
    const store = openStore();
    const msgs = Array.from({ length: 10 }, (_, i) => message(1000 + i, [`r${i}@x.test`, `s${i}@y.test`]));
    await Promise.all(msgs.map((m) => store.enqueue(m)));
    const inFlight = new Set([msgs[0]!.id]);
    const due = store.claimDue(2000, 3, inFlight);
    expect(due.map((m) => m.id)).toEqual([msgs[1]!.id, msgs[2]!.id, msgs[3]!.id]);
    expect(due[0]!.recipients.map((r) => r.rcpt).sort()).toEqual(['r1@x.test', 's1@y.test']);
    expect(due[0]!.raw.toString()).toContain('Subject: t');
    expect(store.claimDue(1004, 50, new Set())).toHaveLength(5); // not yet due after 1004
    await store.close();
  });

  it('claims bodies up to a byte budget, and the first one whatever its size', async () => {
    const store = openStore();
    const msgs = Array.from({ length: 4 }, (_, i) => ({ ...message(1000 + i, [`r${i}@x.test`]), raw: Buffer.alloc(1000, 0x61) }));
    await Promise.all(msgs.map((m) => store.enqueue(m)));
    expect(store.claimDue(2000, 10, new Set(), 2500).map((m) => m.id)).toEqual([msgs[0]!.id, msgs[1]!.id]);
    expect(store.claimDue(2000, 10, new Set(), 10)).toHaveLength(1); // one larger than the budget still goes, alone
    expect(store.claimDue(2000, 10, new Set())).toHaveLength(4);
    await store.close();
  });

  it('records outcomes per recipient, settles the message state and frees the body when final', async () => {
    const store = openStore();
    const m = message(1000, ['a@x.test', 'b@x.test']);
    await store.enqueue(m);
    await store.recordAttempt({
      messageId: m.id, at: 2000, events: [],
      outcomes: [
        { rcpt: 'a@x.test', state: 'delivered', code: 250, reply: '250 ok', remoteMta: 'mx.x.test', nextAttemptAt: 2000, classification: classifyReply({ text: '250 ok' }) },
        { rcpt: 'b@x.test', state: 'deferred', code: 451, reply: '451 later', remoteMta: 'mx.x.test', nextAttemptAt: 9000, classification: classifyReply({ text: '451 later' }) },
      ],
    });
    expect(store.show(m.id)!.state).toBe('deferred');
    expect(store.claimDue(8999, 10, new Set())).toHaveLength(0);
    const again = store.claimDue(9000, 10, new Set());
    expect(again[0]!.recipients).toEqual([{ rcpt: 'b@x.test', domain: 'x.test', attempts: 1 }]);
    await store.recordAttempt({
      messageId: m.id, at: 9000, events: [],
      outcomes: [{ rcpt: 'b@x.test', state: 'bounced', code: 550, reply: '550 no', remoteMta: 'mx.x.test', nextAttemptAt: 9000, classification: classifyReply({ text: '550 no' }) }],
    });
    expect(store.show(m.id)!.state).toBe('bounced');
    expect(store.claimDue(99_999, 10, new Set())).toHaveLength(0);
    await store.close();
  });

  it('retry makes pending recipients due now; delete drops them and keeps the timeline', async () => {
    const store = openStore();
    const m = message(1000, ['a@x.test']);
    await store.enqueue(m);
    await store.recordAttempt({ messageId: m.id, at: 1000, events: [], outcomes: [
      { rcpt: 'a@x.test', state: 'deferred', code: 421, reply: '421 busy', remoteMta: '', nextAttemptAt: 50_000, classification: classifyReply({ text: '421 busy' }) }] });
    expect(store.retry(m.id, 1500)).toBe(1);
    expect(store.claimDue(1500, 10, new Set())).toHaveLength(1);
    expect(store.remove(m.id, 1600)).toBe(true);
    expect(store.show(m.id)!.state).toBe('deleted');
    expect(store.claimDue(99_999, 10, new Set())).toHaveLength(0);
    expect(store.timeline(m.id).map((e) => e.type)).toEqual(['retry-requested', 'deleted']);
    expect(store.remove('NOPE', 1)).toBe(false);
    await store.close();
  });
});
