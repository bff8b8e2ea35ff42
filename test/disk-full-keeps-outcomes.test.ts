// A full disk while messages are being delivered: the outcomes cannot be written. Each message still reaches its
// destination exactly once (the outcome is kept in memory and retried, the message is not sent again), /healthz
// says the store cannot write, and once the disk takes writes again every outcome lands and health is back to ok.
// The full disk is real: strace fails every pwrite64 of the relay process with ENOSPC.
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { afterAll, expect, it } from 'vitest';
import { tempDir } from './helpers/queue-fixture.js';
import { execFile } from 'node:child_process';
import { CLI, spawnRelay, writeConfig, type RelayProcess } from './helpers/relay-process.js';
import { injectFaults, straceAvailable, type Injection } from './helpers/strace.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { waitUntil, waitUntilAsync } from './helpers/wait.js';

const N = 5;
let relay: RelayProcess | undefined;
let target: Target | undefined;
let injection: Injection | undefined;
afterAll(async () => {
  await injection?.stop();
  relay?.proc.kill('SIGTERM');
  await relay?.exited;
  await target?.close();
});

function send(port: number, i: number): Promise<void> {
  const c = new SMTPConnection({ host: '127.0.0.1', port, ignoreTLS: true, name: 'web.test' });
  c.on('error', () => {});
  const raw = `From: a@hosting.test\r\nTo: b@dest.test\r\nSubject: disk full ${i}\r\n\r\nbody ${i}\r\n`;
  return new Promise((resolve, reject) =>
    c.connect((err) => {
      if (err) return reject(err);
      c.send({ from: 'a@hosting.test', to: ['b@dest.test'] }, raw, (e) => {
        c.quit();
        return e ? reject(e) : resolve();
      });
    }),
  );
}

/** The CLI run without blocking this process: the receiving server lives here and must keep answering meanwhile. */
const queueStates = (configFile: string) =>
  new Promise<string>((resolve, reject) =>
    execFile(process.execPath, [CLI, '--config', configFile, 'queue', 'list', '--json'], (err, out) => (err ? reject(err) : resolve(out))));

function subjects(t: Target): string[] {
  return t.received.map((m) => /^Subject: (.*)$/m.exec(m.raw.toString())![1]!.trim());
}

async function health(port: number): Promise<{ code: number; body: Record<string, unknown> }> {
  const r = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { code: r.status, body: (await r.json()) as Record<string, unknown> };
}

it.skipIf(!straceAvailable)('outcomes that cannot be written are kept and retried; nothing is delivered twice', async () => {
  let open = false;
  // Deferred (451) until the disk is full, then accepted: the deliveries happen while no outcome can be written.
  target = await startTarget({ data: () => (open ? null : { code: 451, text: '4.3.0 not yet' }) });
  const dir = tempDir('mw-diskfull-');
  const configFile = writeConfig(dir, {
    hostname: 'relay.mailwarden.test', dataDir: dir, log: { level: 'warn', file: `${dir}/mailwarden.log` },
    listeners: { submission: { port: 0 }, smtps: { port: 0 }, relay: { port: 0 } }, admin: { port: 0 },
    delivery: { routes: { '*': `127.0.0.1:${target.port}` }, pollIntervalMs: 100, retrySchedule: [1] },
  });
  relay = await spawnRelay(configFile);
  for (let i = 0; i < N; i++) await send(relay.ports.relay!, i);
  await waitUntilAsync('every message deferred once', async () => (await queueStates(configFile)).split('"deferred"').length - 1 >= N, 60_000);

  injection = await injectFaults(relay.proc.pid!, ['pwrite64', 'pwritev', 'pwritev2'], 'ENOSPC');
  open = true;
  await waitUntil('a delivery while the disk is full', () => target!.received.length > 0, 60_000);
  await waitUntilAsync('healthz to report the store cannot write', async () => (await health(relay!.ports.admin!)).code === 503);
  const during = await health(relay.ports.admin!);
  expect(during.body).toMatchObject({ status: 'degraded', queue: 'cannot-write' });
  expect(String(during.body.reason)).toMatch(/disk|full|SQLITE/i);
  // Several retry periods (1 s each) pass while the disk is full: a dropped outcome would have sent them again.
  await new Promise((r) => setTimeout(r, 4000));
  expect(relay.proc.exitCode).toBeNull();
  expect(subjects(target).length).toBe(new Set(subjects(target)).size);

  await injection.stop();
  injection = undefined;
  await waitUntilAsync('every outcome recorded', async () => (await queueStates(configFile)).split('"delivered"').length - 1 >= N, 60_000);
  await waitUntilAsync('healthz back to ok', async () => (await health(relay!.ports.admin!)).code === 200);
  await new Promise((r) => setTimeout(r, 1500));
  expect(subjects(target).sort()).toEqual(Array.from({ length: N }, (_, i) => `disk full ${i}`).sort());
}, 180_000);
