// Two relays on one data directory would both deliver every message. The second start fails at once with one line
// naming the first one's PID; after the first is killed (-9: no clean shutdown) the directory can be used again.
import { spawn } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { tempDir } from './helpers/queue-fixture.js';
import { CLI, spawnRelay, writeConfig, type RelayProcess } from './helpers/relay-process.js';

const running: RelayProcess[] = [];
afterAll(async () => {
  for (const r of running) {
    r.proc.kill('SIGKILL');
    await r.exited;
  }
});

function startExpectingFailure(configFile: string): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const proc = spawn(process.execPath, [CLI, '--config', configFile, 'start'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  proc.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  proc.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  return new Promise((resolve) => proc.once('exit', (code) => resolve({ code, stderr, stdout })));
}

it('a second relay on the same data directory refuses to start and names the first one', async () => {
  const dir = tempDir('mw-lock-');
  const config = {
    hostname: 'relay.mailwarden.test', dataDir: dir, log: { level: 'warn', file: `${dir}/mailwarden.log` },
    listeners: { submission: { port: 0 }, smtps: { port: 0 }, relay: { port: 0 } }, admin: { port: 0 },
  };
  const configFile = writeConfig(dir, config);
  const first = await spawnRelay(configFile);
  running.push(first);

  const second = await startExpectingFailure(configFile);
  expect(second.code).toBe(2);
  expect(second.stdout).not.toMatch(/listening/);
  expect(second.stderr.trim().split('\n')).toHaveLength(1);
  expect(second.stderr).toContain(`PID ${first.proc.pid}`);

  first.proc.kill('SIGKILL');
  await first.exited;
  const third = await spawnRelay(configFile);
  running.push(third);
  expect(third.ports.relay).toBeGreaterThan(0);
}, 60_000);
