// `feedback import` with no relay on the data directory takes the report in itself, the sender's reputation included
// (a complaint counts against the identity as at the listener); with a relay holding the directory it hands the report
// over instead (operator-manages-suppressions-and-imports-reports.test.ts runs that side).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { traceValue } from '../src/accept/trace.js';
import { parseConfig } from '../src/config/load.js';
import { claimDataDir, dataDirInUse } from '../src/queue/data-dir.js';
import { createSqliteQueueStore } from '../src/queue/sqlite-store.js';
import { openDatabase } from '../src/store/sqlite.js';
import { arfComplaint } from './helpers/provider-reports.js';
import { tempDir, testMessage } from './helpers/queue-fixture.js';
import { cli, writeConfig } from './helpers/relay-process.js';

it('tells a data directory a relay holds from one it does not', () => {
  const dir = tempDir('mw-inuse-');
  expect(dataDirInUse(dir)).toBe(false);
  const claim = claimDataDir(dir);
  expect(dataDirInUse(dir)).toBe(true);
  claim.release();
  expect(dataDirInUse(dir)).toBe(false);
});

it('imports a complaint with no relay running: suppressed, and counted in the sender\'s reputation', async () => {
  const dir = tempDir('mw-import-offline-');
  const raw = { dataDir: dir, log: { level: 'silent' }, identity: { traceSecret: 'import-secret' }, feedback: { bounceDomain: 'bounces.test' } };
  const configFile = writeConfig(dir, raw);
  const config = parseConfig(raw);
  const db = openDatabase(config.storage.sqlitePath);
  const store = createSqliteQueueStore(db, config.storage);
  const m = testMessage(['zoe@dest.test']);
  await store.enqueue(m);
  await store.close();
  db.close();

  const quoted = `X-Mailwarden-Trace: ${traceValue(m.id, m.identity, 'import-secret', 'zoe@dest.test')}\r\n${m.raw.toString()}`;
  const file = join(dir, 'complaint.eml');
  writeFileSync(file, arfComplaint({ delivered: quoted }));
  expect(cli(configFile, 'feedback', 'import', file)).toMatch(/arf applied \(complaint \(abuse\)\), message \w+ of acme\/shop\n/);
  expect(cli(configFile, 'suppressions', 'list')).toMatch(/zoe@dest\.test/);
  expect(cli(configFile, 'senders', 'show', 'acme/shop')).toMatch(/last day +\d+ msgs.* 1 complaints, /);
});
