// The data directory holds password and token hashes, the trace secret and message text: a new one is 0700 and its
// files 0600 (the database's WAL and shared-memory files and the log too). Permissions loosened later are reported
// at the next start.
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { tempDir } from './helpers/queue-fixture.js';
import { spawnRelay, writeConfig, type RelayProcess } from './helpers/relay-process.js';
import { waitUntil } from './helpers/wait.js';

let relay: RelayProcess | undefined;
afterAll(async () => {
  relay?.proc.kill('SIGTERM');
  await relay?.exited;
});

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

it('the data directory is 0700, its files 0600, and loosened permissions are warned about', async () => {
  const dir = join(tempDir('mw-perms-'), 'data'); // does not exist yet: the relay creates it
  const log = join(dir, 'mailwarden.log');
  const configFile = writeConfig(tempDir('mw-perms-config-'), {
    hostname: 'relay.mailwarden.test', dataDir: dir, log: { level: 'warn', file: log },
    listeners: { submission: { port: 0 }, smtps: { port: 0 }, relay: { port: 0 } }, admin: { port: 0 },
  });
  relay = await spawnRelay(configFile);
  const db = join(dir, 'mailwarden.sqlite');
  await waitUntil('the WAL file', () => { try { statSync(`${db}-wal`); return true; } catch { return false; } });
  expect(mode(dir)).toBe('700');
  for (const file of [db, `${db}-wal`, `${db}-shm`, log, join(dir, 'trace-secret'), join(dir, 'tls', 'selfsigned-key.pem')]) {
    expect([file, mode(file)]).toEqual([file, '600']);
  }
  expect(readFileSync(log, 'utf8')).not.toMatch(/loose-permissions/);
  relay.proc.kill('SIGTERM');
  await relay.exited;

  chmodSync(dir, 0o755);
  chmodSync(db, 0o644);
  relay = await spawnRelay(configFile);
  await waitUntil('warnings in the log', () => readFileSync(log, 'utf8').split('loose-permissions').length - 1 >= 2);
  const warned = readFileSync(log, 'utf8').split('\n').filter((l) => l.includes('loose-permissions')).map((l) => JSON.parse(l) as { path: string; mode: string });
  expect(warned.map((w) => [w.path, w.mode])).toEqual(expect.arrayContaining([[dir, '755'], [db, '644']]));
}, 60_000);
