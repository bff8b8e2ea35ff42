// A relay that cannot start (here: its port is taken) says why in one line on stderr and exits 2, also when it
// logs to a file (the file's asynchronous open used to crash the exit with "sonic boom is not ready yet").
import { spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { tempDir } from './helpers/queue-fixture.js';
import { CLI, writeConfig } from './helpers/relay-process.js';

const blocker = createServer();
afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

it('a start-up failure with log.file set is one line and exit code 2', async () => {
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
  const taken = (blocker.address() as AddressInfo).port;
  const dir = tempDir('mw-startfail-');
  const configFile = writeConfig(dir, {
    dataDir: dir, log: { file: `${dir}/log/mailwarden.log` },
    listeners: { submission: { port: 0 }, smtps: { port: 0 }, relay: { port: taken } }, admin: { port: 0 },
  });
  const r = spawnSync(process.execPath, [CLI, '--config', configFile, 'start'], { encoding: 'utf8', timeout: 30_000 });
  expect(r.stderr).not.toMatch(/sonic boom|    at /);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^mailwarden: cannot listen: .*EADDRINUSE/);
  expect(r.status).toBe(2);
}, 60_000);
