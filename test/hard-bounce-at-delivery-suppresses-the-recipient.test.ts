// Scenario: with the feedback stage's VERP return path left off (the default), a recipient the destination refuses
// as unknown while the relay sends (550 5.1.1) is suppressed for the sender's account: the next message to it is
// refused at RCPT TO with the reason, and the suppression is on the bounced message's timeline. A refusal that says
// nothing about the mailbox (spam, a temporary failure) suppresses nothing. A burst of unknown users from one
// identity (a bought list) holds that identity, and only it.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { startRelay, type Relay } from '../src/relay.js';
import { silentLogger } from '../src/shared/logger.js';
import { openDatabase } from '../src/store/sqlite.js';
import { tempDir } from './helpers/queue-fixture.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { waitUntil } from './helpers/wait.js';

let target: Target;
let relay: Relay;

beforeAll(async () => {
  target = await startTarget({
    rcpt: (rcpt) => {
      if (rcpt.startsWith('gone')) return { code: 550, text: '5.1.1 <gone@dest.test>: Recipient address rejected: User unknown in virtual mailbox table' };
      if (rcpt.startsWith('picky@')) return { code: 550, text: '5.7.1 Message rejected as spam by Content Filtering' };
      if (rcpt.startsWith('busy@')) return { code: 452, text: '4.2.2 Mailbox full, try again later' };
      return null;
    },
  });
  const config = parseConfig({
    hostname: 'relay.mailwarden.test', dataDir: tempDir('mw-inband-suppress-'), log: { level: 'silent' },
    listeners: { submission: { enabled: false }, smtps: { enabled: false }, relay: { port: 0 } }, admin: { enabled: false },
    trustedNetworks: { hosting: ['127.0.0.0/8'] },
    identity: { presets: ['exim-authuser'] },
    feedback: { thresholds: { unknownUserBurst: 3 } },
    delivery: { routes: { '*': `127.0.0.1:${target.port}` }, pollIntervalMs: 50 },
  });
  expect(config.feedback.enabled).toBe(false);
  relay = await startRelay({ config, logger: silentLogger });
});

afterAll(async () => {
  await relay?.close();
  await target?.close();
});

function send(to: string | string[], user = 'web'): Promise<string> {
  const t = nodemailer.createTransport({ host: '127.0.0.1', port: relay.ports.relay!, secure: false, ignoreTLS: true });
  const raw = `From: ${user}@shop.test\r\nTo: ${to}\r\nSubject: hello\r\nX-AuthUser: ${user}\r\n\r\nHi.\r\n`;
  return t.sendMail({ envelope: { from: `${user}@shop.test`, to: typeof to === 'string' ? [to] : to }, raw })
    .then((i) => i.response, (err: { response?: string; message: string }) => err.response ?? err.message)
    .finally(() => t.close());
}

function events(type: string): Array<{ message_id: string; recipient: string; data: string }> {
  const db = openDatabase(relay.databaseFile);
  try {
    return db.prepare('SELECT message_id, recipient, data FROM events WHERE type = ? ORDER BY seq').all(type) as Array<{ message_id: string; recipient: string; data: string }>;
  } finally {
    db.close();
  }
}

it('suppresses a recipient refused as unknown at delivery, without VERP, and refuses the next message to it at RCPT', async () => {
  for (const to of ['gone@dest.test', 'picky@dest.test', 'busy@dest.test']) expect(await send(to)).toMatch(/^250 /);
  await waitUntil('the two bounces and the deferral', () => events('bounced').length === 2 && events('deferred').length >= 1, 10_000);
  await waitUntil('the suppression event', () => events('suppressed').length === 1);
  const [bounced] = events('bounced').filter((e) => e.recipient === 'gone@dest.test');
  const [suppressed] = events('suppressed');
  expect(suppressed).toMatchObject({ message_id: bounced!.message_id, recipient: 'gone@dest.test' });
  expect(JSON.parse(suppressed!.data)).toMatchObject({ account: 'hosting', reason: 'hard-bounce', source: `delivery:${bounced!.message_id}` });

  expect(await send('gone@dest.test')).toMatch(/^550 5\.7\.1 \[MW-SUPPRESSED\] <gone@dest\.test> is suppressed for account hosting until \d{4}-\d\d-\d\d: an earlier message to it bounced permanently/);
  // A spam refusal and a full mailbox say nothing about whether the address exists.
  expect(await send('picky@dest.test')).toMatch(/^250 /);
  expect(await send('busy@dest.test')).toMatch(/^250 /);
});

it('holds the identity whose mail meets a burst of unknown users at delivery, and not its neighbour', async () => {
  expect(await send(['gone1@dest.test', 'gone2@dest.test', 'gone3@dest.test'], 'lists')).toMatch(/^250 /);
  await waitUntil('the hold', () => events('sender-held').length === 1, 10_000);
  const [held] = events('sender-held');
  expect(JSON.parse(held!.data)).toMatchObject({
    subject: 'identity:hosting/lists', recommendation: 'hold', applied: true,
    evidence: [expect.objectContaining({ name: 'unknown-user-burst', description: '3 bounces for recipients that do not exist (limit 3): a bought or stale list' })],
  });
  expect(await send('someone@dest.test', 'lists')).toMatch(/^550 5\.7\.1 \[MW-SUSPENDED\]/);
  expect(await send('someone@dest.test', 'web')).toMatch(/^250 /); // one unknown user earlier: no burst
});
