import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/sqlite.js';
import { newQueueId } from './id.js';
import { createSqliteQueueStore } from './sqlite-store.js';
import type { NewMessage } from './types.js';

function message(i: number): NewMessage {
  const id = newQueueId();
  return {
    id, receivedAt: Date.now(), identity: { account: 'acme', sub: `user${i}`, source: 'header:x-authuser' },
    mailFrom: `a${i}@acme.test`, recipients: [`r${i}@dest.test`, `s${i}@other.test`], raw: Buffer.from(`Subject: ${i}\r\n\r\nhi\r\n`),
    clientIp: '127.0.0.1', heloName: 'client.test', initialState: 'queued', smtpUtf8: false, eightBit: false,
    events: [{ at: Date.now(), type: 'received', data: { clientIp: '127.0.0.1', helo: 'client.test', listener: 'submission', tls: false, size: 20, mailFrom: 'a@acme.test', recipients: [] } }],
  };
}

describe('SQLite queue store', () => {
  it('commits concurrent messages in one group and finds them again after reopening the file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mw-queue-')), 'q.sqlite');
    const store = createSqliteQueueStore(openDatabase(file), { groupCommitMs: 5 });
    const seen: string[] = [];
    store.onEnqueued((m) => seen.push(m.id));
    const msgs = Array.from({ length: 20 }, (_, i) => message(i));
    await Promise.all(msgs.map((m) => store.enqueue(m)));
    expect(seen.sort()).toEqual(msgs.map((m) => m.id).sort());
    await store.close();

    const db = openDatabase(file);
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 20 });
    expect(db.prepare('SELECT count(*) AS n FROM recipients WHERE state = ?').get('queued')).toEqual({ n: 40 });
    const reopened = createSqliteQueueStore(db, { groupCommitMs: 5 });
    expect(reopened.timeline(msgs[3]!.id).map((e) => e.type)).toEqual(['received']);
    await reopened.close();
  });
});
