// Scenario: a first deployment watches its judgment before letting it act: content only, or the whole policy. One account is in monitor mode
// (`content.accounts.<name>.mode: monitor`), the rest enforce. The same phishing message is refused for an enforcing
// account; from the watched account it is accepted, tagged and delivered to the next hop, and its timeline and the
// log say what enforcing would have done and why.
import { readFileSync } from 'node:fs';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempDir } from './helpers/queue-fixture.js';
import { cli, spawnRelay, writeConfig, type RelayProcess } from './helpers/relay-process.js';
import { startSink, type Sink } from './helpers/smtp-sink.js';
import { waitUntil } from './helpers/wait.js';

let sink: Sink;
let relay: RelayProcess;
let configFile: string;
let logFile: string;

beforeAll(async () => {
  sink = await startSink();
  const dir = tempDir('mw-monitor-');
  logFile = `${dir}/mailwarden.log`;
  configFile = writeConfig(dir, {
    hostname: 'relay.mailwarden.test', dataDir: dir, log: { level: 'info', file: logFile },
    listeners: { submission: { port: 0 }, smtps: { port: 0 }, relay: { port: 0 } }, admin: { port: 0 },
    // The first network listed wins: 127.0.0.2 is the new customer, the rest of loopback an enforcing one.
    trustedNetworks: { newcustomer: ['127.0.0.2/32'], moved: ['127.0.0.3/32'], local: ['127.0.0.0/8'] },
    content: { accounts: { newcustomer: { mode: 'monitor' } } },
    // An account moved over from another relay: its whole judgment (content and behaviour) is watched.
    policy: { accountModes: { moved: 'monitor' } },
    delivery: { routes: { '*': `127.0.0.1:${sink.port}` }, pollIntervalMs: 100 },
  });
  relay = await spawnRelay(configFile);
});

afterAll(async () => {
  relay?.proc.kill('SIGTERM');
  expect(await relay?.exited).toBe(0);
  await sink?.stop();
});

const phish = {
  from: '"PayPal Security" <alert@secure-login.example>',
  to: 'victim@dest.test',
  replyTo: 'paypal.help@gmail.com',
  subject: 'Your account has been suspended',
  html: '<p>Your account has been suspended. Verify your account within 24 hours:</p><a href="http://203.0.113.5/paypal/">https://www.paypal.com/verify</a>',
};
const sendFrom = (localAddress: string) =>
  createTransport({ host: '127.0.0.1', port: relay.ports.relay, secure: false, ignoreTLS: true, localAddress }).sendMail(phish);

it('refuses the phish for an enforcing account and delivers it, tagged, for the one in monitor mode', async () => {
  await expect(sendFrom('127.0.0.1')).rejects.toMatchObject({ responseCode: 550, response: expect.stringContaining('[MW-SPAM]') });

  const info = await sendFrom('127.0.0.2');
  const queueId = /queued as (\S+)/.exec(info.response)?.[1];
  expect(queueId).toBeTruthy();
  await waitUntil('the watched account\'s message at the next hop', () => sink.count() >= 1);
  const [delivered] = sink.messages();
  expect(delivered!.rcptTo).toEqual(['victim@dest.test']);
  expect(delivered!.raw).toMatch(/^X-Mailwarden-Spam: yes; score=\d+/m);

  const shown = JSON.parse(cli(configFile, 'queue', 'show', queueId!, '--json')) as { timeline: Array<{ type: string; data: Record<string, unknown> }> };
  const verdict = shown.timeline.find((e) => e.type === 'verdict')!;
  expect(verdict.data).toMatchObject({ verdict: 'tag', code: 'MW-TAGGED' });
  const evidence = verdict.data.evidence as Array<{ name: string; description: string }>;
  expect(evidence[0]).toMatchObject({ name: 'MONITOR_MODE', description: expect.stringContaining('enforcing would have refused this message (MW-SPAM') });
  expect(evidence.map((e) => e.name)).toContain('PHISH_LURE_LINK');

  await waitUntil('the log line', () => readFileSync(logFile, 'utf8').includes('"event":"content-monitor"'));
  const line = readFileSync(logFile, 'utf8').split('\n').find((l) => l.includes('"event":"content-monitor"'))!;
  expect(JSON.parse(line)).toMatchObject({ identity: expect.stringContaining('newcustomer'), verdict: 'tag', wouldHave: 'reject', code: 'MW-SPAM' });
});

it('accepts and tags it for an account whose whole policy is watched, and logs what enforcing would have done', async () => {
  const info = await sendFrom('127.0.0.3');
  const queueId = /queued as (\S+)/.exec(info.response)?.[1];
  expect(queueId).toBeTruthy();
  await waitUntil('the moved account\'s message at the next hop', () => sink.count() >= 2);
  expect(sink.messages()[1]!.raw).toMatch(/^X-Mailwarden-Spam: yes; score=\d+/m);
  const shown = JSON.parse(cli(configFile, 'queue', 'show', queueId!, '--json')) as { timeline: Array<{ type: string; data: Record<string, unknown> }> };
  const verdict = shown.timeline.find((e) => e.type === 'verdict')!;
  expect(verdict.data).toMatchObject({ verdict: 'tag', code: 'MW-TAGGED' });
  const evidence = verdict.data.evidence as Array<{ name: string; description: string }>;
  expect(evidence[0]).toMatchObject({ name: 'MONITOR_MODE', description: expect.stringContaining('policy monitor mode: accepted; enforcing would have refused this message (MW-SPAM') });
  await waitUntil('the log line', () => readFileSync(logFile, 'utf8').includes('"event":"policy-monitor"'));
  const line = readFileSync(logFile, 'utf8').split('\n').find((l) => l.includes('"event":"policy-monitor"'))!;
  expect(JSON.parse(line)).toMatchObject({ identity: expect.stringContaining('moved'), verdict: 'tag', wouldHave: 'reject', code: 'MW-SPAM' });
});
