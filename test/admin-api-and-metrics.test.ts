// Scenario: an operator watches the relay over its admin listener. Health and metrics answer without a token; the
// API refuses everything until `mailwarden tokens create` made one, then lists, shows, retries and deletes messages
// and shows accounts, and refuses again once the token is revoked. Real relay, real SQLite, real HTTP on port 0.
import { spawnSync } from 'node:child_process';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { acceptAllPolicy, type MessagePolicy } from '../src/decide/types.js';
import { startRelay, type Relay } from '../src/relay.js';
import { silentLogger } from '../src/shared/logger.js';
import { tempDir } from './helpers/queue-fixture.js';
import { CLI, cli, writeConfig } from './helpers/relay-process.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { waitUntilAsync } from './helpers/wait.js';

let target: Target;
let relay: Relay;
let configFile: string;
let base: string;

/** Refuses mail from spam@…, accepts the rest: enough to see refusals counted by verdict. */
const policy: MessagePolicy = {
  ...acceptAllPolicy,
  checkMessage: async (ctx) =>
    ctx.mailFrom.startsWith('spam@')
      ? { verdict: 'reject', code: 'MW-TEST', reason: 'refused by the test policy', evidence: [] }
      : acceptAllPolicy.checkMessage(ctx),
};

beforeAll(async () => {
  target = await startTarget({
    rcpt: (rcpt) =>
      rcpt.startsWith('nobody@') ? { code: 550, text: '5.1.1 <nobody@dest.test>: Recipient address rejected: User unknown in virtual mailbox table' }
      : rcpt.startsWith('later@') ? { code: 451, text: '4.3.0 Temporary lookup failure, try again later' }
      : null,
  });
  const dir = tempDir('mw-admin-');
  const raw = {
    hostname: 'relay.mailwarden.test', dataDir: dir, log: { level: 'silent' },
    listeners: { submission: { enabled: false }, smtps: { enabled: false }, relay: { port: 0 } },
    admin: { port: 0 },
    delivery: { routes: { '*': `127.0.0.1:${target.port}` }, pollIntervalMs: 50 },
  };
  configFile = writeConfig(dir, raw);
  relay = await startRelay({ config: parseConfig(raw), logger: silentLogger, policy });
  base = `http://127.0.0.1:${relay.ports.admin}`;
});

afterAll(async () => {
  await relay?.close();
  await target?.close();
});

const send = (from: string, to: string[]) =>
  nodemailer.createTransport({ host: '127.0.0.1', port: relay.ports.relay!, secure: false, ignoreTLS: true })
    .sendMail({ envelope: { from, to }, raw: `From: <${from}>\r\nTo: <${to[0]}>\r\nSubject: admin test\r\n\r\nHello.\r\n` });

async function api(method: string, path: string, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: await res.json() };
}

const metricsText = async () => (await fetch(`${base}/metrics`)).text();

/** The value of one sample line, e.g. `mailwarden_queue_messages{state="deferred"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** The sum of a metric's samples whose labels start with `labels`, e.g. all reasons of one result. */
function total(text: string, metric: string, labels: string): number {
  return text.split('\n').filter((l) => l.startsWith(`${metric}{${labels}`)).reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}

it('serves health and metrics, and guards the API with tokens made by the CLI', async () => {
  expect(await api('GET', '/healthz')).toEqual({ status: 200, body: { status: 'ok', queue: 'ok' } });

  // No token exists yet: there is no default password, everything under /api is refused, unknown paths and a
  // percent-encoded spelling of a real one too.
  for (const path of ['/api/v1/queue', '/api/v1/accounts', '/api/v1/no-such-thing', '/%61pi/v1/queue', '/nope']) {
    const r = await api('GET', path);
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error: 'a valid bearer token is required' });
  }
  expect((await api('GET', '/api/v1/queue', 'mwt_guessed')).status).toBe(401);

  // Only the token on stdout, so that TOKEN=$(mailwarden tokens create ops) works.
  const created = spawnSync(process.execPath, [CLI, '--config', configFile, 'tokens', 'create', 'ops'], { encoding: 'utf8' });
  expect(created.stdout).toMatch(/^mwt_[A-Za-z0-9_-]{43}\n$/);
  expect(created.stderr).toContain('token ops (admin) created');
  const token = created.stdout.trim();
  const again = spawnSync(process.execPath, [CLI, '--config', configFile, 'tokens', 'create', 'ops'], { encoding: 'utf8' });
  expect(again.status).toBe(1);
  expect(again.stderr.replace(/^mailwarden: configuration .*\n/, '')).toBe('mailwarden: token "ops" already exists\n');
  const listed = cli(configFile, 'tokens', 'list', '--json').trim().split('\n').map((line) => JSON.parse(line) as { name: string });
  expect(listed.map((t) => t.name)).toEqual(['ops']);
  expect(JSON.stringify(listed)).not.toContain(token.slice(4)); // only a hash is kept

  // One message to three recipients: delivered, bounced (user unknown) and deferred; one refused by the policy.
  const info = await send('shop@hosting.test', ['good@dest.test', 'nobody@dest.test', 'later@dest.test']);
  const id = /queued as (\w+)/.exec(info.response)![1]!;
  await expect(send('spam@hosting.test', ['good@dest.test'])).rejects.toMatchObject({ responseCode: 550 });
  await target.waitFor(2); // the message to good@ and the DSN for nobody@ to the sender

  let metrics = '';
  const outcomes = 'mailwarden_recipient_outcomes_total';
  await waitUntilAsync('both deliveries in the metrics', async () => {
    metrics = await metricsText();
    return total(metrics, outcomes, 'result="delivered"') === 2;
  });
  expect(sample(metrics, 'mailwarden_dsn_sent_total{action="failed"}')).toBe(1);
  expect(sample(metrics, 'mailwarden_messages_received_total')).toBe(1);
  expect(sample(metrics, 'mailwarden_messages_accepted_total{verdict="accept"}')).toBe(1);
  expect(sample(metrics, 'mailwarden_messages_refused_total{verdict="reject"}')).toBe(1);
  expect(sample(metrics, `${outcomes}{result="bounced",reason="userunknown"}`)).toBe(1);
  expect(total(metrics, outcomes, 'result="deferred"')).toBe(1);
  expect(sample(metrics, 'mailwarden_queue_messages{state="deferred"}')).toBe(1);
  expect(metrics).toContain('process_cpu_user_seconds_total');

  const list = await api('GET', '/api/v1/queue?state=deferred', token);
  expect(list.status).toBe(200);
  expect(list.body).toEqual([expect.objectContaining({ id, state: 'deferred', recipients: 3, pending: 1, account: 'local' })]);
  expect((await api('GET', '/api/v1/queue?limit=5', token)).body).toHaveLength(2); // the message and its DSN
  expect(await api('GET', '/api/v1/queue?state=lost', token)).toMatchObject({ status: 400, body: { error: expect.stringContaining('state') } });
  expect(await api('GET', '/api/v1/queue?limit=0', token)).toMatchObject({ status: 400, body: { error: expect.stringContaining('limit') } });

  const shown = await api('GET', `/api/v1/messages/${id}`, token);
  expect(shown.status).toBe(200);
  const types = (shown.body.timeline as Array<{ type: string }>).map((e) => e.type);
  expect(types).toEqual(expect.arrayContaining(['received', 'identity', 'verdict', 'queued', 'attempt', 'delivered', 'bounced', 'deferred', 'dsn-sent']));
  expect(shown.body.recipientStatus.find((r: { rcpt: string }) => r.rcpt === 'nobody@dest.test').classification.reason).toBe('userunknown');
  expect(await api('GET', '/api/v1/messages/0000NOSUCH', token)).toEqual({ status: 404, body: { error: 'no message 0000NOSUCH' } });
  expect((await api('GET', '/api/v1/messages/not-an-id!', token)).status).toBe(400);

  // Retry makes later@ due now: the relay tries it again at once instead of in a minute.
  const attemptsBefore = () => api('GET', `/api/v1/messages/${id}`, token).then((r) => r.body.recipientStatus.find((x: { rcpt: string }) => x.rcpt === 'later@dest.test').attempts as number);
  expect(await attemptsBefore()).toBe(1);
  expect(await api('POST', `/api/v1/messages/${id}/retry`, token)).toEqual({ status: 200, body: { id, dueNow: 1 } });
  await waitUntilAsync('a second attempt for later@', async () => (await attemptsBefore()) === 2);
  expect(await api('POST', '/api/v1/messages/0000NOSUCH/retry', token)).toMatchObject({ status: 404 });

  expect(await api('DELETE', `/api/v1/messages/${id}`, token)).toEqual({ status: 200, body: { id, deleted: true } });
  expect((await api('GET', `/api/v1/messages/${id}`, token)).body.timeline.map((e: { type: string }) => e.type)).toContain('deleted');
  expect(await api('DELETE', '/api/v1/messages/0000NOSUCH', token)).toMatchObject({ status: 404 });
  expect(sample(await metricsText(), 'mailwarden_queue_messages{state="deferred"}')).toBe(0);

  cli(configFile, 'accounts', 'add', 'shop', '--no-login', '--domains', 'shop.test');
  const accounts = await api('GET', '/api/v1/accounts', token);
  expect(accounts.body).toEqual([expect.objectContaining({ name: 'shop', login: false, allowedDomains: ['shop.test'] })]);
  expect(await api('GET', '/api/v1/accounts/shop', token)).toMatchObject({ status: 200, body: { name: 'shop', suspended: false } });
  expect(await api('GET', '/api/v1/accounts/nobody', token)).toEqual({ status: 404, body: { error: 'no account nobody' } });

  const doc = await api('GET', '/api/v1/openapi.json'); // readable without a token
  expect(doc.body.openapi).toBe('3.1.0');
  expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/queue', '/messages/{id}', '/messages/{id}/retry', '/accounts/{name}']));

  expect(cli(configFile, 'tokens', 'revoke', 'ops')).toBe('token ops revoked\n');
  expect((await api('GET', '/api/v1/queue', token)).status).toBe(401);
});
