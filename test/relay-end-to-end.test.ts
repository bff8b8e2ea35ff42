// End to end through the built program: swaks and Nodemailer hand mail to `mailwarden start`, which relays it to
// Postfix's smtp-sink; the sink received the exact envelope and body, with our Received and trace headers added,
// and `mailwarden queue show` tells the story of each message.
import { spawnSync } from 'node:child_process';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempDir } from './helpers/queue-fixture.js';
import { cli, spawnRelay, writeConfig, type RelayProcess } from './helpers/relay-process.js';
import { startSink, type Sink } from './helpers/smtp-sink.js';
import { waitUntil } from './helpers/wait.js';

let sink: Sink;
let relay: RelayProcess;
let configFile: string;

beforeAll(async () => {
  sink = await startSink();
  const dir = tempDir('mw-e2e-');
  configFile = writeConfig(dir, {
    hostname: 'relay.mailwarden.test', dataDir: dir, log: { level: 'info', file: `${dir}/mailwarden.log` },
    listeners: { submission: { port: 0 }, smtps: { port: 0 }, relay: { port: 0 } }, admin: { port: 0 },
    delivery: { routes: { '*': `127.0.0.1:${sink.port}` }, pollIntervalMs: 100 },
  });
  relay = await spawnRelay(configFile);
});

afterAll(async () => {
  relay?.proc.kill('SIGTERM');
  expect(await relay?.exited).toBe(0); // graceful shutdown exits 0
  await sink?.stop();
});

it('relays mail from swaks and Nodemailer to smtp-sink with the envelope and body intact', async () => {
  const body = 'Line one.\r\n.A line starting with a dot\r\nLast line.\r\n';
  const swaks = spawnSync('swaks', ['--server', `127.0.0.1:${relay.ports.relay}`, '--from', 'web@hosting.test',
    '--to', 'one@dest.test,two@other.test', '--header', 'Subject: from swaks', '--body', body, '--helo', 'client.test'], { encoding: 'utf8' });
  expect(swaks.status).toBe(0);
  const queueId = /250 [\d.]* ?.*queued as (\w+)/.exec(swaks.stdout)?.[1];
  expect(queueId).toBeTruthy();

  const transport = createTransport({ host: '127.0.0.1', port: relay.ports.relay, secure: false, ignoreTLS: true });
  await transport.sendMail({ from: 'shop@hosting.test', to: 'three@dest.test', subject: 'Grüße aus Köln', text: 'Schöne Grüße\n' });

  await waitUntil('three transactions at the sink', () => sink.count() >= 3);
  const got = sink.messages();
  const fromSwaks = got.filter((m) => m.mailFrom === 'web@hosting.test');
  expect(fromSwaks.flatMap((m) => m.rcptTo).sort()).toEqual(['one@dest.test', 'two@other.test']);
  for (const m of fromSwaks) {
    expect(m.raw).toMatch(/^Received: from client\.test/);
    expect(m.raw).toContain('X-Mailwarden-Trace: ');
    expect(m.raw).toContain('Subject: from swaks');
    expect(m.raw.replace(/\r\n/g, '\n')).toContain('\n\nLine one.\n.A line starting with a dot\nLast line.\n');
  }
  const fromNodemailer = got.find((m) => m.mailFrom === 'shop@hosting.test')!;
  expect(fromNodemailer.rcptTo).toEqual(['three@dest.test']);
  expect(fromNodemailer.raw).toContain('Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=');

  await waitUntil('delivered state', () => JSON.parse(cli(configFile, 'queue', 'show', queueId!, '--json')).state === 'delivered');
  const shown = cli(configFile, 'queue', 'show', queueId!);
  expect(shown).toContain(`Queue ID   ${queueId}`);
  expect(shown).toMatch(/attempt\s+one@dest\.test\s+127\.0\.0\.1: 250 /);
  expect(shown).toMatch(/delivered\s+two@other\.test/);
  const list = cli(configFile, 'queue', 'list', '--json').trim().split('\n').map((line) => JSON.parse(line) as { id: string; state: string });
  expect(list.map((m) => m.state)).toEqual(['delivered', 'delivered']);
});
