// Scenario, the seed story: one identity under a hosting login sends most of the mail to AOL; then AOL refuses the
// relay at connect (`521 5.2.1 : (CON:B1)`) while a neighbour's message goes out. The block's event on that message's
// timeline names the identity that sent most there first, with its share; its risk rises in the reputation stage, and
// the operator sees both in `queue show` and `senders show`, and the pause of the route the block caused names the
// same suspects in `routes list`. No VERP needed: the feedback stage is left disabled.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import type { Config } from '../src/config/schema.js';
import { createReputation } from '../src/reputation/index.js';
import { startRelay, type Relay } from '../src/relay.js';
import { silentLogger } from '../src/shared/logger.js';
import { openDatabase } from '../src/store/sqlite.js';
import { tempDir } from './helpers/queue-fixture.js';
import { cli, writeConfig } from './helpers/relay-process.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { waitUntil } from './helpers/wait.js';

let target: Target;
let relay: Relay;
let config: Config;
let configFile: string;
let blocked = false;

beforeAll(async () => {
  target = await startTarget({ connect: () => (blocked ? { code: 521, text: '5.2.1 : (CON:B1)' } : null) });
  const dir = tempDir('mw-block-suspects-');
  const raw = {
    hostname: 'relay.mailwarden.test', dataDir: dir, log: { level: 'silent' },
    listeners: { submission: { enabled: false }, smtps: { enabled: false }, relay: { port: 0 } }, admin: { enabled: false },
    trustedNetworks: { hosting: ['127.0.0.0/8'] },
    identity: { presets: ['exim-authuser'] },
    // One message per connection, so that every message meets AOL's connect-time check.
    delivery: { routes: { 'aol.com': `127.0.0.1:${target.port}` }, pollIntervalMs: 50, shaping: { yahoo: { messagesPerConnection: 1 } } },
    // A handful of messages from new identities is no burst here: this scenario is about the block.
    policy: { flushMs: 50, thresholds: { burstMinMessages: 1000, repeatMinRecipients: 1000, newIdentityPoints: 0 } },
  };
  configFile = writeConfig(dir, raw);
  config = parseConfig(raw);
  relay = await startRelay({ config, logger: silentLogger });
});

afterAll(async () => {
  await relay?.close();
  await target?.close();
});

async function send(user: string, to: string, subject: string): Promise<string> {
  const t = nodemailer.createTransport({ host: '127.0.0.1', port: relay.ports.relay!, secure: false, ignoreTLS: true });
  const raw = `From: ${user}@shop.test\r\nTo: ${to}\r\nSubject: ${subject}\r\nX-AuthUser: ${user}\r\n\r\nHello ${to}.\r\n`;
  try {
    return (await t.sendMail({ envelope: { from: `${user}@shop.test`, to: [to] }, raw })).response;
  } finally {
    t.close();
  }
}

function query<T>(sql: string, ...args: unknown[]): T[] {
  const db = openDatabase(relay.databaseFile);
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

function risk(identity: string) {
  const db = openDatabase(relay.databaseFile);
  const reputation = createReputation({ config, db });
  try {
    return reputation.report(identity, Date.now()).counters;
  } finally {
    reputation.close();
    db.close();
  }
}

it('names the identity that sent most to the provider when it blocks the relay, and raises its risk', async () => {
  for (let i = 0; i < 6; i++) expect(await send('hijacked', `victim${i}@aol.com`, `prize ${i}`)).toMatch(/^250 /);
  for (let i = 0; i < 2; i++) expect(await send('shop', `client${i}@aol.com`, `order ${i}`)).toMatch(/^250 /);
  await target.waitFor(8);
  await waitUntil('eight deliveries counted', () => query("SELECT 1 FROM recipients WHERE state = 'delivered'").length === 8);
  await waitUntil('the senders known to reputation', () => risk('hosting/hijacked') !== null && risk('hosting/shop') !== null);
  expect(risk('hosting/hijacked')!.risk).toBe(0);

  blocked = true;
  expect(await send('shop', 'client9@aol.com', 'order 9')).toMatch(/^250 /);
  await waitUntil('the block named its suspects', () => query("SELECT 1 FROM events WHERE type = 'block-suspects'").length > 0, 10_000);
  const [event] = query<{ message_id: string; recipient: string; data: string }>("SELECT message_id, recipient, data FROM events WHERE type = 'block-suspects'");
  expect(event!.recipient).toBe('client9@aol.com');
  const data = JSON.parse(event!.data) as { provider: string; code: number; reason: string; suspects: Array<{ identity: string; sent: number; share: number; why: string }> };
  expect(data).toMatchObject({ provider: 'yahoo', code: 521, reason: 'blocked' });
  expect(data.suspects.map((s) => [s.identity, s.sent])).toEqual([['hosting/hijacked', 6], ['hosting/shop', 2]]);
  expect(data.suspects[0]!.why).toBe('6 of 8 messages to yahoo (75 %) before the blocked refusal');

  // The pause of the route the block caused names the same suspects, in the same words (one computation).
  const [route] = query<{ status: string; why: string }>("SELECT status, why FROM route_states WHERE provider = 'yahoo'");
  expect(route!.status).toBe('paused');
  const inWhy = /Suspects: (.*)\.$/.exec(route!.why)![1]!.split('; ');
  expect(inWhy).toEqual(data.suspects.map((s) => `${s.identity}: ${s.why}`));
  expect(cli(configFile, 'routes', '--json')).toContain('Suspects: hosting/hijacked: 6 of 8 messages to yahoo (75 %)');

  // The suspects' risk rose, by their share of the blame: the one that sent most, most.
  await waitUntil('the risk raised', () => (risk('hosting/hijacked')?.risk ?? 0) > 0);
  expect(risk('hosting/hijacked')!.signals).toEqual([expect.objectContaining({ name: 'NAMED_IN_BLOCK', score: 3 })]);
  expect(risk('hosting/shop')!.signals).toEqual([expect.objectContaining({ name: 'NAMED_IN_BLOCK', score: 1 })]);

  // What the operator sees.
  expect(cli(configFile, 'senders', 'show', 'hosting/hijacked')).toMatch(/^risk: +3 \(NAMED_IN_BLOCK\)$/m);
  expect(cli(configFile, 'queue', 'show', event!.message_id)).toMatch(/ block-suspects +client9@aol\.com {2}provider=yahoo code=521 reason=blocked suspects=\[\{"identity":"hosting\/hijacked"/);

  // The same block refusing more mail names nobody again within the window.
  expect(await send('hijacked', 'victim9@aol.com', 'prize 9')).toMatch(/^250 /);
  await waitUntil('the second refusal recorded', () => query("SELECT 1 FROM events WHERE type = 'attempt' AND recipient = 'victim9@aol.com'").length > 0, 10_000);
  expect(query("SELECT 1 FROM events WHERE type = 'block-suspects'")).toHaveLength(1);
});
