// Scenario: an operator changes things from the command line (accounts, sender identities, held and queued mail,
// suppressions, routes, tokens, webhooks) while nobody watches the console. Each change lands in the same audit log
// as the API's, recorded as `cli:<os user>` with the time, readable with `mailwarden audit` and `GET /api/v1/audit`.
// A change that did not happen (an unknown account) records nothing. Runs the built CLI (dist/), as an operator would.
import { userInfo } from 'node:os';
import { expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { createSqliteQueueStore } from '../src/queue/sqlite-store.js';
import { startRelay } from '../src/relay.js';
import { silentLogger } from '../src/shared/logger.js';
import { openDatabase } from '../src/store/sqlite.js';
import { tempDir, testMessage } from './helpers/queue-fixture.js';
import { cli, writeConfig } from './helpers/relay-process.js';

it('records every change made from the CLI with who and when, read by `mailwarden audit` and the API', async () => {
  const dataDir = tempDir('mw-cli-audit-');
  const raw = {
    hostname: 'relay.mailwarden.test', dataDir, log: { level: 'silent' },
    listeners: { submission: { enabled: false }, smtps: { enabled: false }, relay: { port: 0 } }, admin: { port: 0 },
    delivery: { routes: { '*': '127.0.0.1:9' }, pollIntervalMs: 60_000 },
  };
  const configFile = writeConfig(dataDir, raw);
  const config = parseConfig(raw);
  // Two messages in the queue to change: one waiting for delivery, one held for review.
  const db = openDatabase(config.storage.sqlitePath);
  const store = createSqliteQueueStore(db, { groupCommitMs: 0 });
  const queued = testMessage(['bob@dest.test']);
  const held = { ...testMessage(['carol@dest.test']), initialState: 'quarantined' as const };
  await store.enqueue(queued);
  await store.enqueue(held);
  await store.close();
  db.close();

  const started = Date.now();
  cli(configFile, 'accounts', 'add', 'web-01', '--no-login');
  cli(configFile, 'accounts', 'suspend', 'web-01', '--reason', 'spam run');
  cli(configFile, 'accounts', 'reinstate', 'web-01');
  expect(() => cli(configFile, 'accounts', 'suspend', 'nobody', '--reason', 'x')).toThrow(/no account "nobody"/);
  cli(configFile, 'senders', 'suspend', 'web-01/form', '--minutes', '30', '--reason', 'hacked form');
  cli(configFile, 'senders', 'reinstate', 'web-01/form');
  cli(configFile, 'queue', 'retry', queued.id);
  cli(configFile, 'queue', 'delete', queued.id);
  cli(configFile, 'quarantine', 'release', held.id);
  cli(configFile, 'suppressions', 'add', 'gone@dest.test', '--reason', 'complaint');
  cli(configFile, 'suppressions', 'remove', 'gone@dest.test');
  cli(configFile, 'routes', 'pause', '127.0.0.2', 'yahoo', '--minutes', '10', '--reason', 'complaints');
  expect(() => cli(configFile, 'routes', 'pause', 'not-an-ip', 'yahoo')).toThrow(/source "not-an-ip": expected an IP address/);
  cli(configFile, 'routes', 'resume', '127.0.0.2');
  const token = cli(configFile, 'tokens', 'create', 'ops').trim();

  const who = `cli:${userInfo().username}`;
  const entries = cli(configFile, 'audit', '--json', '--limit', '100').trim().split('\n').map((l) => JSON.parse(l) as { at: number; who: string; action: string; target: string; detail: Record<string, unknown> });
  expect(entries.map((e) => [e.action, e.target]).reverse()).toEqual([
    ['account.add', 'web-01'], ['account.suspend', 'web-01'], ['account.reinstate', 'web-01'],
    ['sender.suspend', 'web-01/form'], ['sender.reinstate', 'web-01/form'],
    ['message.retry', queued.id], ['message.delete', queued.id], ['quarantine.release', held.id],
    ['suppression.add', '* gone@dest.test'], ['suppression.remove', '* gone@dest.test'],
    ['route.pause', '127.0.0.2 yahoo'], ['route.resume', '127.0.0.2 *'], ['token.create', 'ops'],
  ]);
  expect(entries.every((e) => e.who === who && e.at >= started && e.at <= Date.now())).toBe(true);
  expect(entries.find((e) => e.action === 'route.pause')!.detail).toEqual({ minutes: 10, reason: 'complaints' });
  expect(JSON.stringify(entries)).not.toContain(token);
  expect(cli(configFile, 'audit', '--action', 'sender.suspend')).toMatch(new RegExp(`^20\\S+\\s+${who}\\s+sender\\.suspend\\s+web-01/form\\s+\\{"minutes":30`, 'm'));

  // The relay's API reads the same log.
  const relay = await startRelay({ config, logger: silentLogger });
  try {
    const res = await fetch(`http://127.0.0.1:${relay.ports.admin}/api/v1/audit?action=quarantine.release`, { headers: { authorization: `Bearer ${token}` } });
    expect(await res.json()).toEqual([expect.objectContaining({ who, action: 'quarantine.release', target: held.id })]);
  } finally {
    await relay.close();
  }
}, 240_000); // a dozen CLI processes: each loads Node and the command, slow on a loaded machine
