// The admin server over a real SQLite file whose connection is then closed under it: health turns 503, and a
// request that fails inside answers a bare 500 while the database's own error text stays in the log.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { expect, it } from 'vitest';
import { createSqliteAccountStore } from '../accounts/sqlite-accounts.js';
import { parseConfig } from '../config/load.js';
import { createQueueDepth } from '../queue/sqlite-depth.js';
import { createSqliteQueueStore } from '../queue/sqlite-store.js';
import { openDatabase } from '../store/sqlite.js';
import { createOperate } from './index.js';
import { createTokenStore } from './tokens.js';

it('reports a queue database that does not answer, and keeps internal errors out of responses', async () => {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'mw-admin-unit-')), 'q.sqlite'));
  const store = createSqliteQueueStore(db, { groupCommitMs: 1 });
  const tokens = createTokenStore(db);
  const token = tokens.create('ops', Date.now());
  const queueDepth = createQueueDepth(db);
  const logs: string[] = [];
  const logger = pino(new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  }));
  const operate = createOperate({ config: parseConfig({ admin: { port: 0 } }), db, store, accounts: createSqliteAccountStore(db), queueDepth, logger });
  const server = await operate.start();
  const get = async (path: string) => {
    const res = await fetch(`http://127.0.0.1:${server.port}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: await res.json() };
  };
  expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok', queue: 'ok' } });

  await store.close();
  db.close();
  expect(await get('/healthz')).toEqual({ status: 503, body: { status: 'error', queue: 'unavailable' } });
  expect(await get('/api/v1/queue')).toEqual({ status: 500, body: { error: 'internal error' } });
  expect(logs.join('')).toContain('The database connection is not open');
  await operate.close();
});
