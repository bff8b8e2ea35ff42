// Scenario: an operator registers two webhooks with the CLI on a running relay. One receiver answers 500 to its first
// two deliveries and then recovers: it ends up with every event once, each signed with its secret over timestamp and
// body. The other URL never answers: its deliveries are given up after maxAttempts and show as failed in the API and
// in mailwarden_webhook_deliveries_total. Real relay, real HTTP receiver on loopback.
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { acceptAllPolicy } from '../src/decide/types.js';
import { SIGNATURE_HEADER, verifySignature } from '../src/operate/webhooks/sign.js';
import { createTokenStore } from '../src/operate/tokens.js';
import { startRelay, type Relay } from '../src/relay.js';
import { silentLogger } from '../src/shared/logger.js';
import { openDatabase } from '../src/store/sqlite.js';
import { tempDir } from './helpers/queue-fixture.js';
import { CLI, writeConfig } from './helpers/relay-process.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { waitUntil, waitUntilAsync } from './helpers/wait.js';

let target: Target;
let relay: Relay;
let receiver: Server;
let configFile: string;
const got: Array<{ body: string; signature: string }> = [];
let refusalsLeft = 2;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (refusalsLeft > 0) {
        refusalsLeft--;
        res.writeHead(500).end('down for maintenance');
        return;
      }
      got.push({ body, signature: String(req.headers[SIGNATURE_HEADER]) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  target = await startTarget({ rcpt: (rcpt) => (rcpt.startsWith('nobody@') ? { code: 550, text: '5.1.1 no such user' } : null) });
  const dir = tempDir('mw-webhooks-');
  const raw = {
    hostname: 'relay.mailwarden.test', dataDir: dir, log: { level: 'silent' },
    listeners: { submission: { enabled: false }, smtps: { enabled: false }, relay: { port: 0 } },
    admin: { port: 0 },
    delivery: { routes: { '*': `127.0.0.1:${target.port}` }, pollIntervalMs: 50 },
    webhooks: { backoffSeconds: [0.2], maxAttempts: 3, pollMs: 50, timeoutMs: 2000 },
  };
  configFile = writeConfig(dir, raw);
  relay = await startRelay({ config: parseConfig(raw), logger: silentLogger, policy: acceptAllPolicy });
});

afterAll(async () => {
  await relay?.close();
  await target?.close();
  await new Promise((r) => receiver?.close(r));
});

const addHook = (url: string, events: string) => {
  const r = spawnSync(process.execPath, [CLI, '--config', configFile, 'webhooks', 'add', url, '--events', events], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout.trim();
};

it('signs, retries with backoff until the receiver recovers, and gives up visibly on a dead one', async () => {
  const secret = addHook(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, 'delivered,bounced');
  expect(secret).toMatch(/^whsec_/);
  // A port nothing listens on: connection refused at every attempt.
  const dead = createServer();
  await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
  const deadPort = (dead.address() as AddressInfo).port;
  await new Promise((r) => dead.close(r));
  addHook(`http://127.0.0.1:${deadPort}/`, 'delivered');
  await new Promise((r) => setTimeout(r, 5200)); // the relay reads registrations at most 5 s old

  await nodemailer.createTransport({ host: '127.0.0.1', port: relay.ports.relay!, secure: false, ignoreTLS: true })
    .sendMail({ envelope: { from: 'shop@hosting.test', to: ['good@dest.test', 'nobody@dest.test'] }, raw: 'Subject: hook\r\n\r\nhi\r\n' });

  await waitUntil('three events received', () => got.length >= 3, 30_000);
  const events = got.map((g) => JSON.parse(g.body) as { event: string; recipient: string; data: { code?: number } });
  expect(events.map((e) => `${e.event} ${e.recipient}`).sort()).toEqual([
    'bounced nobody@dest.test', 'delivered good@dest.test', 'delivered shop@hosting.test', // the last: our DSN to the sender
  ]);
  expect(events.find((e) => e.event === 'bounced')!.data.code).toBe(550); // the reply that decided it
  const now = Math.floor(Date.now() / 1000);
  for (const g of got) {
    expect(verifySignature(secret, g.body, g.signature, now)).toBe(true);
    expect(verifySignature(secret, `${g.body} `, g.signature, now)).toBe(false);
    expect(verifySignature('whsec_wrong', g.body, g.signature, now)).toBe(false);
  }

  const db = openDatabase(relay.databaseFile);
  const token = createTokenStore(db).create('ops', Date.now());
  db.close();
  const get = async (path: string) => (await fetch(`http://127.0.0.1:${relay.ports.admin}${path}`, { headers: { authorization: `Bearer ${token}` } })).json();
  await waitUntilAsync('the dead receiver given up', async () => (await get('/api/v1/webhooks/deliveries?state=failed')).length === 2, 30_000);
  const [failed] = await get('/api/v1/webhooks/deliveries?state=failed');
  expect(failed).toMatchObject({ event: 'delivered', attempts: 3, lastError: expect.stringMatching(/fetch failed|ECONNREFUSED/) });
  const metrics = await (await fetch(`http://127.0.0.1:${relay.ports.admin}/metrics`)).text();
  const sample = (result: string) => Number(/\d+$/.exec(metrics.split('\n').find((l) => l.startsWith(`mailwarden_webhook_deliveries_total{result="${result}"}`)) ?? '0')![0]);
  expect(sample('delivered')).toBe(3);
  expect(sample('failed')).toBe(2);
  expect(sample('retry')).toBe(2 + 2 * 2); // two 500s from the recovering receiver, two refusals per dead delivery
});
