// Round trip over loopback: the relay sends a message with its VERP return path; the provider answers later with an
// ARF complaint (to the feedback address) or a hard DSN (to the return path); the report is traced to the message and
// identity, the recipient is suppressed, and that sender's next message to the recipient is refused at RCPT TO with
// the reason. A forged complaint and a replayed one change nothing.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type Relay } from '../src/relay.js';
import { silentLogger } from '../src/shared/logger.js';
import { openDatabase } from '../src/store/sqlite.js';
import { createReportStore } from '../src/feedback/report-store.js';
import { createReputation } from '../src/reputation/index.js';
import type { Config } from '../src/config/schema.js';
import { deliveredCopies, feedbackRelayConfig, queueIdOf, sendAs } from './helpers/feedback-loop.js';
import { arfComplaint, asDelivered, lateDsn, sendReport } from './helpers/provider-reports.js';
import { committedTimeline, tempDir } from './helpers/queue-fixture.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { waitUntil } from './helpers/wait.js';

let target: Target;
let relay: Relay;
let config: Config;

beforeAll(async () => {
  target = await startTarget();
  config = feedbackRelayConfig(tempDir('mw-feedback-'), target.port);
  relay = await startRelay({ config, logger: silentLogger });
});

afterAll(async () => {
  await relay?.close();
  await target?.close();
});

const send = (user: string, to: string | string[], subject: string) => sendAs(relay.ports.relay!, user, to, subject);
const timeline = (messageId: string) => committedTimeline(relay.databaseFile, messageId);
const delivered = async (subject: string) => (await deliveredCopies(target, subject))[0]!;

describe('feedback closes the loop', () => {
  it('sends with a VERP return path on the bounce domain and a Feedback-ID, one transaction per recipient', async () => {
    expect(await send('shop', 'ann@dest.test', 'first')).toMatch(/^250 /);
    const got = await delivered('first');
    expect(got.mailFrom).toMatch(/^b\+[0-9a-z]{19}\.[0-9a-f]{6}\.[0-9a-f]{20}@bounces\.test$/);
    expect(got.rcptTo).toEqual(['ann@dest.test']);
    expect(got.raw.toString()).toMatch(/\r\nFeedback-ID: shop:hosting:relay:mailwarden\r\n/);

    // Two recipients at one domain: two transactions, each with the return path of its own recipient.
    expect(await send('shop', ['x1@dest.test', 'x2@dest.test'], 'pair')).toMatch(/^250 /);
    const pair = await deliveredCopies(target, 'pair', 2);
    expect(pair.map((r) => r.rcptTo)).toEqual(expect.arrayContaining([['x1@dest.test'], ['x2@dest.test']]));
    expect(new Set(pair.map((r) => r.mailFrom)).size).toBe(2);
    expect(pair[0]!.mailFrom.split('.')[0]).toBe(pair[1]!.mailFrom.split('.')[0]); // same message
  });

  it('a complaint is traced to the identity, suppresses the recipient, and the next message to it is refused at RCPT', async () => {
    expect(await send('shop', 'carl@dest.test', 'offer')).toMatch(/^250 /);
    const got = await delivered('offer');
    const complaint = arfComplaint({ delivered: asDelivered(got.mailFrom, got.raw) });
    const answer = await sendReport(relay.ports.feedback!, 'fbl@bounces.test', complaint);
    expect(answer).toMatch(/^250 .*report applied \(complaint \(abuse\)\)/);

    const refused = await send('shop', 'carl@dest.test', 'offer again');
    expect(refused).toMatch(/^550 5\.7\.1 \[MW-SUPPRESSED\] <carl@dest\.test> is suppressed for account hosting: its owner reported your mail as spam/);
    // Other recipients are untouched.
    expect(await send('shop', 'dora@dest.test', 'unrelated')).toMatch(/^250 /);
    await delivered('unrelated');

    // The same complaint again (a replay, or the provider resending) is counted once.
    expect(await sendReport(relay.ports.feedback!, 'fbl@bounces.test', complaint)).toMatch(/report duplicate/);
    const db = openDatabase(relay.databaseFile);
    try {
      expect(createReportStore(db).counts()).toMatchObject({ applied: 1, duplicate: 1 });
    } finally {
      db.close();
    }
    // The message's own timeline tells the story, in the same event stream as its delivery.
    const id = queueIdOf(got.mailFrom);
    await waitUntil('the duplicate on the timeline', () => timeline(id).some((e) => e.type === 'report-duplicate'));
    const events = timeline(id);
    const types = events.map((e) => e.type);
    expect(types.indexOf('delivered')).toBeLessThan(types.indexOf('report-received'));
    expect(types.filter((t) => t === 'complaint')).toHaveLength(1);
    expect(events.find((e) => e.type === 'suppressed')).toMatchObject({ recipient: 'carl@dest.test', data: { account: 'hosting', reason: 'complaint' } });
  });

  it('a late hard bounce to the return path suppresses the recipient for the account and is restated to the sender', async () => {
    expect(await send('shop', 'gone@dest.test', 'newsletter')).toMatch(/^250 /);
    const got = await delivered('newsletter');
    const dsn = lateDsn({ rcpt: 'gone@dest.test', to: got.mailFrom, original: got.raw.toString() });
    expect(await sendReport(relay.ports.feedback!, got.mailFrom, dsn)).toMatch(/^250 .*report applied \(1 hard bounce/);
    expect(await send('shop', 'gone@dest.test', 'newsletter 2')).toMatch(/^550 5\.7\.1 \[MW-SUPPRESSED\] <gone@dest\.test> .*bounced permanently/);
    const id = queueIdOf(got.mailFrom);
    await waitUntil('the late bounce on the timeline', () => timeline(id).some((e) => e.type === 'suppressed'));
    expect(timeline(id).find((e) => e.type === 'late-bounce')).toMatchObject({ recipient: 'gone@dest.test', data: { identity: 'hosting/shop', reason: 'userunknown', hard: true } });
    // The sender's reputation counts it as a bounce of an unknown address, as if it had been refused while we sent.
    const bounced = () => {
      const db = openDatabase(relay.databaseFile);
      const reputation = createReputation({ config, db });
      try {
        return reputation.report('hosting/shop', Date.now()).counters?.windows.day;
      } finally {
        reputation.close();
        db.close();
      }
    };
    await waitUntil('the bounce in the sender\'s counters', () => (bounced()?.unknownRecipients ?? 0) >= 1);
    expect(bounced()).toMatchObject({ bounced: 1, unknownRecipients: 1 });
    // The customer learns of it: a DSN from the null sender to its own envelope sender, not to the return path.
    const isDsn = () => target.received.find((r) => r.mailFrom === '' && r.raw.toString().includes('Final-Recipient: rfc822; gone@dest.test'));
    for (let k = target.received.length + 1; !isDsn(); k++) await target.waitFor(k);
    expect(isDsn()!.rcptTo).toEqual(['shop@shop.test']);
  });

  it('a digest of complaints about messages of two senders suppresses each recipient for its own sender', async () => {
    expect(await send('shop', 'hal@dest.test', 'digest one')).toMatch(/^250 /);
    expect(await send('blog', 'ivy@dest.test', 'digest two')).toMatch(/^250 /);
    const [one, two] = [await delivered('digest one'), await delivered('digest two')];
    const digest = [
      'From: Feedback Loop <fbl@provider.test>', 'To: <fbl@bounces.test>', 'Subject: 2 complaints', 'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="digest_b"', '', '--digest_b', 'Content-Type: text/plain', '', 'Two reports follow.',
      ...[one, two].flatMap((m) => ['--digest_b', 'Content-Type: message/rfc822', '', arfComplaint({ delivered: asDelivered(m.mailFrom, m.raw) }).replace(/\r\n$/, '')]),
      '--digest_b--', '',
    ].join('\r\n');
    expect(await sendReport(relay.ports.feedback!, 'fbl@bounces.test', digest)).toMatch(/^250 .*2 reports/);
    await waitUntil('both complaints on their timelines', () => [one, two].every((m) => timeline(queueIdOf(m.mailFrom)).some((e) => e.type === 'complaint')));
    expect(timeline(queueIdOf(one.mailFrom)).find((e) => e.type === 'complaint')!.data.identity).toBe('hosting/shop');
    expect(timeline(queueIdOf(two.mailFrom)).find((e) => e.type === 'complaint')!.data.identity).toBe('hosting/blog');
    expect(await send('shop', 'hal@dest.test', 'digest one again')).toMatch(/MW-SUPPRESSED/);
    expect(await send('blog', 'ivy@dest.test', 'digest two again')).toMatch(/MW-SUPPRESSED/);
  });

  it('a forged complaint (altered token and trace) is kept as forged and changes nothing', async () => {
    expect(await send('shop', 'eve@dest.test', 'receipt')).toMatch(/^250 /);
    const got = await delivered('receipt');
    const tampered = asDelivered(got.mailFrom, got.raw)
      .replace(/(b\+[0-9a-z]+\.[0-9a-f]+\.)([0-9a-f])/, (_m, head: string, c: string) => head + (c === '0' ? '1' : '0'))
      .replace(/(X-Mailwarden-Trace: \S+; )hosting\/shop/, '$1hosting/victim');
    expect(await sendReport(relay.ports.feedback!, 'fbl@bounces.test', arfComplaint({ delivered: tampered }))).toMatch(/report forged/);
    expect(await send('shop', 'eve@dest.test', 'receipt 2')).toMatch(/^250 /);
  });

  it('a customer server\'s bounce of mail the relay refused (backscatter) is taken and dropped, never delivered', async () => {
    const before = target.received.length;
    const bounce = [
      'From: MAILER-DAEMON@customer.test', 'To: <forged@victim.test>', 'Subject: Undelivered Mail Returned to Sender', 'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="d"', '', '--d', 'Content-Type: text/plain', '',
      'host relay.mailwarden.test[127.0.0.1] said: 550 5.7.1 [MW-SPAM] this message looks like spam', '--d',
      'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; customer.test', '', 'Final-Recipient: rfc822; someone@dest.test',
      'Action: failed', 'Status: 5.7.1', 'Remote-MTA: dns; relay.mailwarden.test', 'Diagnostic-Code: smtp; 550 5.7.1 [MW-SPAM] this message looks like spam', '', '--d--', '',
    ].join('\r\n');
    const t = nodemailer.createTransport({ host: '127.0.0.1', port: relay.ports.relay!, secure: false, ignoreTLS: true });
    const info = await t.sendMail({ envelope: { from: '', to: ['forged@victim.test'] }, raw: bounce }).finally(() => t.close());
    expect(info.response).toBe('250 2.0.0 Ok: dropped, a bounce of mail this relay refused');
    const db = openDatabase(relay.databaseFile);
    try {
      expect(db.prepare("SELECT count(*) AS n FROM recipients WHERE rcpt = 'forged@victim.test'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
    expect(target.received.slice(before).flatMap((r) => r.rcptTo)).not.toContain('forged@victim.test');
  });

  it('the listener takes mail for the feedback domains only, and refuses garbage with the reason', async () => {
    await expect(sendReport(relay.ports.feedback!, 'someone@elsewhere.test', 'Subject: hi\r\n\r\nhi\r\n')).rejects.toThrow(/550 5\.7\.1 Relaying denied/);
    await expect(sendReport(relay.ports.feedback!, 'fbl@bounces.test', 'Subject: hi\r\n\r\njust some text\r\n')).rejects.toThrow(/550 5\.6\.0 not a bounce or feedback report/);
  });
});
