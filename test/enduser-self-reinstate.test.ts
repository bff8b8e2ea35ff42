// Scenario: the operator allows a low-risk identity to lift its own suspension once (`enduser.selfReinstate: lowRisk`).
// The policy suspends a sender; its next message is refused with a link; the end user opens the page over real HTTP,
// resumes sending, and mail flows again. Suspended a second time, the page no longer offers it and a forced request is
// refused; an operator's suspension (here of the whole account) is never lifted this way. Every attempt is in the audit
// log, as `enduser:<identity>`.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import type { Config } from '../src/config/schema.js';
import { createTokenStore } from '../src/operate/tokens.js';
import { startRelay, type Relay } from '../src/relay.js';
import { createReputation } from '../src/reputation/index.js';
import { silentLogger } from '../src/shared/logger.js';
import { openDatabase, type Db } from '../src/store/sqlite.js';
import { tempDir } from './helpers/queue-fixture.js';
import { startTarget, type Target } from './helpers/target-server.js';

let target: Target;
let relay: Relay;
let config: Config;
let db: Db;
let base: string;
let token: string;

beforeAll(async () => {
  target = await startTarget();
  config = parseConfig({
    hostname: 'relay.mailwarden.test', dataDir: tempDir('mw-self-reinstate-'), log: { level: 'silent' },
    listeners: { submission: { enabled: false }, smtps: { enabled: false }, relay: { port: 0 } },
    admin: { port: 0 }, enduser: { enabled: true, selfReinstate: 'lowRisk' },
    delivery: { routes: { '*': `127.0.0.1:${target.port}` }, pollIntervalMs: 50 },
  });
  relay = await startRelay({ config, logger: silentLogger });
  base = `http://127.0.0.1:${relay.ports.admin}`;
  db = openDatabase(relay.databaseFile);
  token = createTokenStore(db).create('ops', Date.now());
});

afterAll(async () => {
  db?.close();
  await relay?.close();
  await target?.close();
});

const send = (subject: string) =>
  nodemailer.createTransport({ host: '127.0.0.1', port: relay.ports.relay!, secure: false, ignoreTLS: true }).sendMail({
    envelope: { from: 'alice@customer.test', to: ['bob@dest.test'] },
    raw: `From: <alice@customer.test>\r\nTo: <bob@dest.test>\r\nSubject: ${subject}\r\nMessage-ID: <${Math.random()}@customer.test>\r\n\r\nSee you on Monday.\r\n`,
  }).then(() => null, (err: { responseCode: number; response: string }) => err);

/** Mail from a trusted network: the account is the network's name, the sub-identity the client's address. */
const IDENTITY = { account: 'local', sub: '127.0.0.1', source: 'client-ip' };

/** Suspended by the policy, as a burst would: evidence and all, in the relay's own suspension record. */
function suspendByPolicy(): void {
  const reputation = createReputation({ config, db });
  reputation.suspendByPolicy(IDENTITY, [{ kind: 'behaviour', name: 'BURST', score: 10, description: 'many messages in one minute' }], Date.now());
  reputation.close();
}

async function refusalLink(): Promise<string> {
  const refused = await send('refused');
  expect(refused?.responseCode).toBe(550);
  return /(http:\/\/\S+\/u\/[A-Za-z0-9_-]{24})/.exec(refused!.response)![1]!;
}

const page = async (url: string, method = 'GET') => {
  const res = await fetch(url, { method, ...(method === 'POST' ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' } : {}) });
  return { status: res.status, text: await res.text() };
};
const api = async (method: string, path: string, body?: unknown) =>
  (await fetch(`${base}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) })).json();

it('lets a low-risk identity suspended by the policy resume once, and records every attempt', async () => {
  expect(await send('first')).toBeNull(); // the identity's first mail: it has a history, and no risk
  suspendByPolicy();
  const link = await refusalLink();

  const offered = await page(link);
  expect(offered.status).toBe(200);
  expect(offered.text).toContain('Resume sending now');
  const resumed = await page(`${link}/reinstate`, 'POST');
  expect(resumed.status).toBe(200);
  expect(resumed.text).toContain('Sending is allowed again');
  expect(resumed.text).not.toContain('Resume sending now');
  expect(await send('after resuming')).toBeNull();
  await target.waitFor(2);

  // Suspended again: the one self-service resume is used up.
  suspendByPolicy();
  const again = await refusalLink();
  expect((await page(again)).text).not.toContain('Resume sending now');
  const refused = await page(`${again}/reinstate`, 'POST');
  expect(refused.status).toBe(409);
  expect(refused.text).toContain('already lifted a suspension itself once');
  expect((await send('still suspended'))?.responseCode).toBe(550);

  // An operator's suspension is the operator's decision, whatever the history.
  expect(await api('POST', '/senders/local%2F127.0.0.1/reinstate')).toEqual({ identity: 'local/127.0.0.1', suspended: false });
  expect(await api('POST', '/senders/local/suspend', { reason: 'abuse report' })).toEqual({ identity: 'local', suspended: true }); // the whole account
  const byOperator = await page(`${await refusalLink()}/reinstate`, 'POST');
  expect(byOperator.status).toBe(409);
  expect(byOperator.text).toContain('an operator suspended this sender');

  const audit = (await api('GET', '/audit?limit=10')) as Array<{ who: string; action: string; target: string; detail: { why?: string } }>;
  const own = audit.filter((e) => e.who === 'enduser:local/127.0.0.1').map((e) => [e.action, e.detail.why ?? '']);
  expect(own).toEqual([
    ['sender.self-reinstate-refused', 'an operator suspended this sender: ask for a review'],
    ['sender.self-reinstate-refused', 'this sender has already lifted a suspension itself once: ask for a review'],
    ['sender.self-reinstate', ''],
  ]);
  expect((await page(`${link.slice(0, -3)}AAA/reinstate`, 'POST')).status).toBe(404); // a forged link changes nothing
});
