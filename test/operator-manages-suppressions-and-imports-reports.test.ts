// Scenario: an operator manages the suppression list with the CLI while the relay runs (an entry takes effect at the
// next RCPT TO, its removal too; a bad import line changes nothing), imports a complaint saved from elsewhere with
// `feedback import` (handed to the running relay, so that its metrics and its sender reputation count it), and posts
// one to the admin API behind a token: the complaint and the suppression it caused reach the message's timeline
// (`queue show`), the metrics and a webhook, through the one event stream.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { startRelay, type Relay } from '../src/relay.js';
import { silentLogger } from '../src/shared/logger.js';
import { arfComplaint, asDelivered } from './helpers/provider-reports.js';
import { tempDir } from './helpers/queue-fixture.js';
import { CLI, cli, cliAsync, writeConfig } from './helpers/relay-process.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { waitUntil, waitUntilAsync } from './helpers/wait.js';

let target: Target;
let relay: Relay;
let configFile: string;
let dir: string;
let receiver: Server;
const hooked: Array<{ event: string; recipient?: string; messageId?: string; data: Record<string, unknown> }> = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      hooked.push(JSON.parse(body) as (typeof hooked)[number]);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  target = await startTarget();
  dir = tempDir('mw-suppressions-');
  const raw = {
    hostname: 'relay.mailwarden.test', dataDir: dir, log: { level: 'silent' },
    listeners: { submission: { enabled: false }, smtps: { enabled: false }, relay: { port: 0 } }, admin: { port: 0 },
    trustedNetworks: { hosting: ['127.0.0.0/8'] },
    delivery: { routes: { '*': `127.0.0.1:${target.port}` }, pollIntervalMs: 50 },
    feedback: { enabled: true, bounceDomain: 'bounces.test' },
    webhooks: { pollMs: 50 },
  };
  configFile = writeConfig(dir, raw);
  relay = await startRelay({ config: parseConfig(raw), logger: silentLogger });
});

afterAll(async () => {
  await relay?.close();
  await target?.close();
  await new Promise((r) => receiver?.close(r));
});

async function send(to: string, subject = 'hello'): Promise<string> {
  const t = nodemailer.createTransport({ host: '127.0.0.1', port: relay.ports.relay!, secure: false, ignoreTLS: true });
  try {
    return (await t.sendMail({ envelope: { from: 'web@shop.test', to: [to] }, raw: `From: web@shop.test\r\nTo: ${to}\r\nSubject: ${subject}\r\n\r\nHi.\r\n` })).response;
  } catch (err) {
    return (err as { response?: string }).response ?? String(err);
  } finally {
    t.close();
  }
}

const run = (...args: string[]) => spawnSync(process.execPath, [CLI, '--config', configFile, ...args], { encoding: 'utf8' });

it('suppressions added, listed, exported, imported and removed with the CLI take effect at the next RCPT TO', async () => {
  expect(cli(configFile, 'suppressions', 'add', 'Kim@Dest.test', '--account', 'hosting', '--reason', 'unsubscribe')).toBe('suppressed Kim@Dest.test for account hosting\n');
  expect(await send('kim@dest.test')).toMatch(/^550 5\.7\.1 \[MW-SUPPRESSED\] <kim@dest\.test> is suppressed for account hosting: its owner unsubscribed/);
  cli(configFile, 'suppressions', 'add', 'all@dest.test');
  expect(await send('all@dest.test')).toMatch(/suppressed for all senders: an operator added it/);

  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, 'hosting,ok@dest.test,manual,\nhosting,not-an-address\n');
  const refused = run('suppressions', 'import', bad);
  expect(refused.status).not.toBe(0);
  expect(refused.stderr).toContain('bad.csv:2: not an address: "not-an-address"');
  const good = join(dir, 'good.csv');
  writeFileSync(good, '# account,recipient,reason,expires\nhosting,lee@dest.test,complaint,\n*,mo@dest.test\n');
  expect(cli(configFile, 'suppressions', 'import', good)).toBe('imported 2 suppression(s)\n');
  expect(cli(configFile, 'suppressions', 'export')).toBe('*,all@dest.test,manual,\n*,mo@dest.test,manual,\nhosting,kim@dest.test,unsubscribe,\nhosting,lee@dest.test,complaint,\n');
  expect(JSON.parse(cli(configFile, 'suppressions', 'list', '--json').split('\n')[0]!)).toMatchObject({ account: '*', recipient: 'all@dest.test', reason: 'manual', source: 'operator' });

  expect(cli(configFile, 'suppressions', 'remove', 'kim@dest.test', '--account', 'hosting')).toBe('removed kim@dest.test (hosting)\n');
  expect(await send('kim@dest.test')).toMatch(/^250 /);
  expect(run('suppressions', 'remove', 'kim@dest.test', '--account', 'hosting').stderr).toContain('kim@dest.test is not suppressed for hosting');
});

it('a complaint is imported from a file and posted to the API behind the admin token', async () => {
  expect(await send('pat@dest.test', 'to pat')).toMatch(/^250 /);
  expect(await send('quinn@dest.test', 'to quinn')).toMatch(/^250 /);
  const find = (subject: string) => target.received.find((r) => r.raw.toString().includes(`Subject: ${subject}\r\n`));
  for (let n = 1; !find('to pat') || !find('to quinn'); n++) await target.waitFor(n);

  const file = join(dir, 'complaint.eml');
  const pat = find('to pat')!;
  writeFileSync(file, arfComplaint({ delivered: asDelivered(pat.mailFrom, pat.raw) }));
  // The relay runs in this process: the import, which waits for it, must not block it.
  expect(await cliAsync(configFile, 'feedback', 'import', file)).toMatch(/complaint.eml: arf applied \(complaint \(abuse\)\), message \w+ of hosting\/127\.0\.0\.1\n/);
  expect(await send('pat@dest.test')).toMatch(/MW-SUPPRESSED/);
  // The running relay took the import in itself: its metrics count it, its sender reputation has the complaint. Both
  // follow the event stream, which the queue commits in groups a few milliseconds after the answer is written.
  const metric = async (line: string) => (await (await fetch(`http://127.0.0.1:${relay.ports.admin}/metrics`)).text()).split('\n').includes(line);
  await waitUntilAsync('the complaint in the metrics', () => metric('mailwarden_feedback_events_total{type="complaint"} 1'));
  await waitUntil('the complaint in the sender\'s counters', () => / 1 complaints, /.test(cli(configFile, 'senders', 'show', 'hosting/127.0.0.1')));
  // Imported twice: the relay's replay guard answers.
  expect(await cliAsync(configFile, 'feedback', 'import', file)).toMatch(/complaint.eml: arf duplicate \(already counted\)/);
  const garbage = join(dir, 'garbage.eml');
  writeFileSync(garbage, 'nothing to see');
  await expect(cliAsync(configFile, 'feedback', 'import', garbage)).rejects.toThrow('garbage.eml: not a bounce or feedback report');

  const url = `http://127.0.0.1:${relay.ports.admin}/api/v1/feedback`;
  const quinn = find('to quinn')!;
  const body = arfComplaint({ delivered: asDelivered(quinn.mailFrom, quinn.raw) });
  expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body })).status).toBe(401);
  // `tokens create` prints the token alone on stdout, so that TOKEN=$(mailwarden tokens create ops) works.
  const token = cli(configFile, 'tokens', 'create', 'ops').trim();
  const post = (b: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${token}` }, body: b });
  const bad = await post('not a report');
  expect(bad.status).toBe(422);
  expect(await bad.json()).toEqual({ results: [{ status: 'rejected', error: 'not a bounce or feedback report' }] });
  const hook = await fetch(`http://127.0.0.1:${relay.ports.admin}/api/v1/webhooks`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, events: ['complaint', 'recipient-suppressed'] }),
  });
  expect(hook.status).toBe(201);
  const ok = await post(body);
  expect(ok.status).toBe(200);
  const result = ((await ok.json()) as { results: Array<{ status: string; recipients: string[]; messageId: string }> }).results[0]!;
  expect(result).toMatchObject({ status: 'applied', recipients: ['quinn@dest.test'] });
  expect(await send('quinn@dest.test')).toMatch(/MW-SUPPRESSED/);

  // One event stream: the webhook, the metrics and the message's timeline all see the complaint and its suppression.
  await waitUntil('both webhook events', () => hooked.length >= 2, 10_000);
  expect(hooked.map((h) => `${h.event} ${h.messageId}`).sort()).toEqual([`complaint ${result.messageId}`, `recipient-suppressed ${result.messageId}`]);
  expect(hooked.find((h) => h.event === 'recipient-suppressed')).toMatchObject({ recipient: 'quinn@dest.test', data: { account: 'hosting', reason: 'complaint' } });
  const metrics = (await (await fetch(`http://127.0.0.1:${relay.ports.admin}/metrics`)).text()).split('\n');
  expect(metrics).toContain('mailwarden_feedback_reports_total{result="traced",kind="arf"} 2'); // the import and the post
  expect(metrics).toContain('mailwarden_feedback_events_total{type="complaint"} 2');
  expect(metrics).toContain('mailwarden_suppressions_added_total{reason="complaint"} 2');
  expect(cli(configFile, 'queue', 'show', result.messageId)).toMatch(/ complaint +quinn@dest\.test  identity=hosting\/127\.0\.0\.1 feedbackType=abuse[^\n]*\n.* suppressed +quinn@dest\.test  account=hosting reason=complaint/);

  const reports = cli(configFile, 'feedback', 'reports');
  expect(reports).toMatch(/^counts: applied=2 duplicate=1 forged=0 untraceable=0 ignored=0\n/);
});
