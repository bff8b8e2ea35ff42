// While fsync fails (EIO injected into the running relay by strace), no message gets a 250: each sender hears a 4xx
// and keeps its copy, and a message answered 4xx is not delivered by us as well (the sender's retry would then
// arrive twice). Once fsync works again, mail is accepted and delivered as before. This is the test that fails when
// the relay acknowledges without its fsync: kill -9 keeps the page cache, so the kill test cannot tell.
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { afterAll, expect, it } from 'vitest';
import { tempDir } from './helpers/queue-fixture.js';
import { spawnRelay, writeConfig, type RelayProcess } from './helpers/relay-process.js';
import { injectFaults, straceAvailable, type Injection } from './helpers/strace.js';
import { startTarget, type Target } from './helpers/target-server.js';

const N = 6;
let relay: RelayProcess | undefined;
let target: Target | undefined;
let injection: Injection | undefined;
afterAll(async () => {
  await injection?.stop();
  relay?.proc.kill('SIGTERM');
  await relay?.exited;
  await target?.close();
});

/** Send one message on its own connection; resolves with the reply code to the end of DATA. */
function send(port: number, subject: string): Promise<number> {
  const c = new SMTPConnection({ host: '127.0.0.1', port, ignoreTLS: true, name: 'web.test' });
  c.on('error', () => {});
  const raw = `From: a@hosting.test\r\nTo: b@dest.test\r\nSubject: ${subject}\r\n\r\nbody\r\n`;
  return new Promise((resolve, reject) =>
    c.connect((err) => {
      if (err) return reject(err);
      c.send({ from: 'a@hosting.test', to: ['b@dest.test'] }, raw, (e: (Error & { responseCode?: number }) | null) => {
        c.close();
        return resolve(e ? (e.responseCode ?? 0) : 250);
      });
    }),
  );
}

it.skipIf(!straceAvailable)('no 250 while fsync fails: every message gets a 4xx, and none of them is delivered', async () => {
  target = await startTarget();
  const dir = tempDir('mw-fsync-');
  const configFile = writeConfig(dir, {
    hostname: 'relay.mailwarden.test', dataDir: dir, log: { level: 'warn', file: `${dir}/mailwarden.log` },
    listeners: { submission: { port: 0 }, smtps: { port: 0 }, relay: { port: 0 } }, admin: { port: 0 },
    delivery: { routes: { '*': `127.0.0.1:${target.port}` }, pollIntervalMs: 100, retrySchedule: [1] },
  });
  relay = await spawnRelay(configFile);
  const port = relay.ports.relay!;
  expect(await send(port, 'before')).toBe(250);
  await target.waitFor(1);

  injection = await injectFaults(relay.proc.pid!, ['fsync', 'fdatasync'], 'EIO');
  const codes = await Promise.all(Array.from({ length: N }, (_, i) => send(port, `during ${i}`)));
  expect(codes.filter((c) => c === 250)).toEqual([]);
  expect(codes.every((c) => c >= 400 && c < 500)).toBe(true);
  await injection.stop();
  injection = undefined;

  expect(await send(port, 'after')).toBe(250);
  await target.waitFor(2);
  await new Promise((r) => setTimeout(r, 2000)); // a few polls: a refused message in the queue would go out now
  const subjects = target.received.map((m) => /^Subject: (.*)$/m.exec(m.raw.toString())![1]!.trim());
  expect(subjects.sort()).toEqual(['after', 'before']);
}, 60_000);
