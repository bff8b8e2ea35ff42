// Some recipients accepted and some refused in one transaction: the accepted ones are delivered once, a 5xx bounces
// with an RFC 3464 DSN to the envelope sender that quotes the remote reply, a 4xx stays queued; a message from the
// null sender never gets a DSN.
import { simpleParser } from 'mailparser';
import { afterEach, expect, it } from 'vitest';
import { startEngine, type EngineFixture } from './helpers/engine-fixture.js';
import { testMessage } from './helpers/queue-fixture.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { waitUntil } from './helpers/wait.js';

let target: Target;
let fx: EngineFixture;
afterEach(async () => {
  await fx.close();
  await target.close();
});

const replies = (rcpt: string) =>
  rcpt.startsWith('nobody') ? { code: 550, text: '5.1.1 <nobody@dest.test>: Recipient address rejected: User unknown' }
    : rcpt.startsWith('full') ? { code: 452, text: '4.2.2 mailbox full' } : null;

it('partial recipients: delivered, bounced with a DSN quoting the reply, and deferred, from one transaction', async () => {
  target = await startTarget({ rcpt: replies });
  fx = startEngine({ routes: { 'dest.test': `127.0.0.1:${target.port}`, 'sender.test': `127.0.0.1:${target.port}` } });
  const msg = testMessage(['bob@dest.test', 'nobody@dest.test', 'full@dest.test'], { subject: 'quarterly report' });
  await fx.store.enqueue(msg);

  const [first, dsn] = await target.waitFor(2);
  expect(first!.rcptTo).toEqual(['bob@dest.test']);
  expect(first!.raw.toString()).toContain('Subject: quarterly report');

  const byRcpt = Object.fromEntries(fx.store.show(msg.id)!.recipientStatus.map((r) => [r.rcpt, r]));
  expect(byRcpt['bob@dest.test']).toMatchObject({ state: 'delivered', lastCode: 250 });
  expect(byRcpt['nobody@dest.test']).toMatchObject({ state: 'bounced', lastCode: 550 });
  expect(byRcpt['full@dest.test']).toMatchObject({ state: 'deferred', lastCode: 452 });
  expect(fx.store.show(msg.id)!.state).toBe('deferred');

  // The DSN: from the null sender, to the envelope sender, multipart/report per RFC 3464.
  expect(dsn!.mailFrom).toBe('');
  expect(dsn!.rcptTo).toEqual(['alice@sender.test']);
  const text = dsn!.raw.toString();
  expect(text).toMatch(/Content-Type: multipart\/report; report-type=delivery-status;/);
  expect(text).toContain('Auto-Submitted: auto-replied');
  const parsed = await simpleParser(dsn!.raw);
  expect(parsed.subject).toBe('Undelivered Mail Returned to Sender');
  expect(parsed.text).toContain('550 5.1.1 <nobody@dest.test>: Recipient address rejected: User unknown');
  const status = text.slice(text.indexOf('Content-Type: message/delivery-status')).replace(/\r\n[ \t]+/g, ' '); // unfolded
  expect(status).toContain('Reporting-MTA: dns; relay.mailwarden.test');
  expect(status).toContain(`X-Mailwarden-Queue-ID: ${msg.id}`);
  expect(status).toMatch(/Arrival-Date: \w{3}, \d+ \w{3} \d{4}/);
  expect(status).toContain('Final-Recipient: rfc822; nobody@dest.test\r\nAction: failed\r\nStatus: 5.1.1\r\nRemote-MTA: dns; 127.0.0.1');
  expect(status).toContain('Diagnostic-Code: smtp; 550 5.1.1 <nobody@dest.test>: Recipient address rejected:');
  expect(status).toContain('Last-Attempt-Date: ');
  expect(status).not.toContain('Final-Recipient: rfc822; full@dest.test'); // still being retried
  const headers = text.slice(text.indexOf('Content-Type: text/rfc822-headers'));
  expect(headers).toContain('Subject: quarterly report');
  expect(headers).not.toContain('Second line.'); // headers only, not the body

  const timeline = fx.store.timeline(msg.id);
  expect(timeline.filter((e) => e.type === 'dsn-sent')).toHaveLength(1);
  expect(timeline.find((e) => e.type === 'attempt' && e.recipient === 'nobody@dest.test')!.data).toMatchObject({ code: 550, ip: '127.0.0.1' });
});

it('a bounce of a message from the null sender produces no DSN', async () => {
  target = await startTarget({ rcpt: replies });
  fx = startEngine({ routes: { '*': `127.0.0.1:${target.port}` } });
  const msg = { ...testMessage(['nobody@dest.test']), mailFrom: '' };
  await fx.store.enqueue(msg);
  await waitUntil('the bounce', () => fx.store.show(msg.id)?.state === 'bounced');
  const after = fx.store.list({ limit: 10 });
  expect(after.map((m) => m.id)).toEqual([msg.id]); // no DSN message was queued
  expect(fx.store.timeline(msg.id).map((e) => e.type)).not.toContain('dsn-sent');
});
