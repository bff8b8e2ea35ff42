// Scenario: with the feedback stage's VERP return path left off (the default), a recipient the destination refuses
// as unknown while the relay sends (550 5.1.1) is suppressed for the sender's account: the next message to it is
// refused at RCPT TO with the reason, and the suppression is on the bounced message's timeline. A refusal that says
// nothing about the mailbox (spam, a temporary failure) suppresses nothing.
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
      if (rcpt.startsWith('gone@')) return { code: 550, text: '5.1.1 <gone@dest.test>: Recipient address rejected: User unknown in virtual mailbox table' };
      if (rcpt.startsWith('picky@')) return { code: 550, text: '5.7.1 Message rejected as spam by Content Filtering' };
      if (rcpt.startsWith('busy@')) return { code: 452, text: '4.2.2 Mailbox full, try again later' };
      return null;
    },
  });
  const config = parseConfig({
    hostname: 'relay.mailwarden.test', dataDir: tempDir('mw-inband-suppress-'), log: { level: 'silent' },
    listeners: { submission: { enabled: false }, smtps: { enabled: false }, relay: { port: 0 } }, admin: { enabled: false },
    trustedNetworks: { hosting: ['127.0.0.0/8'] },
    delivery: { routes: { '*': `127.0.0.1:${target.port}` }, pollIntervalMs: 50 },
  });
  expect(config.feedback.enabled).toBe(false);
  relay = await startRelay({ config, logger: silentLogger });
});

afterAll(async () => {
  await relay?.close();
  await target?.close();
});

function send(to: string, mailFrom = 'web@shop.test'): Promise<string> {
  const t = nodemailer.createTransport({ host: '127.0.0.1', port: relay.ports.relay!, secure: false, ignoreTLS: true });
  return t.sendMail({ envelope: { from: mailFrom, to: [to] }, raw: `From: ${mailFrom}\r\nTo: ${to}\r\nSubject: hello\r\n\r\nHi.\r\n` })
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
