// The feedback loops of the two providers that do not send plain ARF with the recipient named: Microsoft's JMRP
// (Outlook.com redacts the complainer) and Amazon SES (bounces and complaints as JSON notifications by SNS email,
// the original headers in `mail.headers`). Over loopback: the relay delivers (the target plays the mailbox provider
// or SES), the report comes back to the feedback listener, is traced to the sending identity and suppresses the
// recipient; a forged notification is counted as forged and changes nothing. A copy sent to one recipient carries
// that recipient in its signed trace header, so a complaint that names nobody, about a message to two recipients
// whose return path a forwarder rewrote, still suppresses the right one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportStore } from '../src/feedback/report-store.js';
import { startRelay, type Relay } from '../src/relay.js';
import { silentLogger } from '../src/shared/logger.js';
import { openDatabase } from '../src/store/sqlite.js';
import { deliveredCopies, feedbackRelayConfig, queueIdOf, sendAs } from './helpers/feedback-loop.js';
import { asDelivered, jmrpComplaint, sendReport, sesMail, sesNotification } from './helpers/provider-reports.js';
import { committedTimeline, tempDir } from './helpers/queue-fixture.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { waitUntil } from './helpers/wait.js';

let target: Target;
let relay: Relay;

beforeAll(async () => {
  target = await startTarget();
  relay = await startRelay({
    logger: silentLogger,
    config: feedbackRelayConfig(tempDir('mw-jmrp-ses-'), target.port),
  });
});

afterAll(async () => {
  await relay?.close();
  await target?.close();
});

const send = (user: string, to: string | string[], subject: string) => sendAs(relay.ports.relay!, user, to, subject);
const report = (raw: string, to = 'fbl@bounces.test') => sendReport(relay.ports.feedback!, to, raw);
const eventsOf = (messageId: string) => committedTimeline(relay.databaseFile, messageId);

function reportCounts(): Record<string, number> {
  const db = openDatabase(relay.databaseFile);
  try {
    return createReportStore(db).counts();
  } finally {
    db.close();
  }
}

/** The copy delivered for one recipient (each recipient has a transaction of its own with the VERP return path). */
async function copyFor(subject: string, rcpt: string, copies = 1) {
  return (await deliveredCopies(target, subject, copies)).find((c) => c.rcptTo[0] === rcpt)!;
}

describe('Microsoft JMRP', () => {
  it('a JMRP complaint is traced to the identity and suppresses the recipient it names', async () => {
    expect(await send('shop', 'ann@outlook.test', 'jmrp offer')).toMatch(/^250 /);
    const copy = await copyFor('jmrp offer', 'ann@outlook.test');
    const answer = await report(jmrpComplaint({ delivered: asDelivered(copy.mailFrom, copy.raw), rcpt: 'ann@outlook.test' }));
    expect(answer).toMatch(/^250 .*report applied \(complaint \(abuse\)\)/);
    const id = queueIdOf(copy.mailFrom);
    await waitUntil('the complaint on the timeline', () => eventsOf(id).some((e) => e.type === 'suppressed'));
    expect(eventsOf(id).find((e) => e.type === 'complaint')).toMatchObject({ recipient: 'ann@outlook.test', data: { identity: 'hosting/shop', userAgent: 'Microsoft JMRP' } });
    expect(await send('shop', 'ann@outlook.test', 'jmrp offer again')).toMatch(/^550 5\.7\.1 \[MW-SUPPRESSED\] <ann@outlook\.test>/);
  });

  it('a redacted complaint about a message to two recipients, its return path rewritten, suppresses the one whose copy it quotes', async () => {
    expect(await send('shop', ['amy@outlook.test', 'bob@outlook.test'], 'jmrp pair')).toMatch(/^250 /);
    const bobs = await copyFor('jmrp pair', 'bob@outlook.test', 2);
    // Each copy's trace header names its own recipient under the HMAC.
    expect(bobs.raw.toString()).toMatch(/\r\nX-Mailwarden-Trace: [0-9A-Z]+; hosting\/shop; bob@outlook\.test; [0-9a-f]{32}\r\n/);
    // Forwarded on (SRS rewrote the envelope sender), then reported; Microsoft withholds the complainer's address,
    // and the copy's To: names both recipients, Amy first.
    const forwarded = asDelivered('SRS0=Hx1a=ZZ=bounces.test=b@forwarder.test', bobs.raw);
    expect(await report(jmrpComplaint({ delivered: forwarded, redacted: true }))).toMatch(/^250 .*report applied \(complaint \(abuse\)\)/);
    const id = queueIdOf(bobs.mailFrom);
    await waitUntil('the suppression on the timeline', () => eventsOf(id).some((e) => e.type === 'suppressed'));
    expect(eventsOf(id).find((e) => e.type === 'report-received')!.data.via).toBe('trace-header');
    expect(eventsOf(id).filter((e) => e.type === 'suppressed').map((e) => e.recipient)).toEqual(['bob@outlook.test']);
    expect(await send('shop', 'bob@outlook.test', 'jmrp pair 2')).toMatch(/MW-SUPPRESSED/);
    expect(await send('shop', 'amy@outlook.test', 'jmrp pair 3')).toMatch(/^250 /);
  });
});

describe('Amazon SES notifications', () => {
  it('a complaint notification by SNS email is traced through mail.headers and suppresses the complained recipient', async () => {
    expect(await send('blog', 'cat@ses-dest.test', 'ses digest')).toMatch(/^250 /);
    const copy = await copyFor('ses digest', 'cat@ses-dest.test');
    // mail.source without our return path (the relay's VERP off, or the customer's address given to SES): the trace
    // header in mail.headers is all that ties the complaint to us.
    const mail = { ...sesMail(copy), source: 'blog@shop.test' };
    const notification = {
      notificationType: 'Complaint', mail,
      complaint: {
        userAgent: 'AnyCompany Feedback Loop (V0.01)', complainedRecipients: [{ emailAddress: 'cat@ses-dest.test' }],
        complaintFeedbackType: 'abuse', arrivalDate: '2026-12-04T11:59:00.000Z', timestamp: '2026-12-04T12:00:00.000Z', feedbackId: '0100018c-fb-0001',
      },
    };
    expect(await report(sesNotification({ notification, protocol: 'email' }), 'ses-feedback@bounces.test')).toMatch(/^250 .*report applied \(complaint \(abuse\)\)/);
    const id = queueIdOf(copy.mailFrom);
    await waitUntil('the suppression on the timeline', () => eventsOf(id).some((e) => e.type === 'suppressed'));
    expect(eventsOf(id).find((e) => e.type === 'report-received')).toMatchObject({ data: { via: 'trace-header', identity: 'hosting/blog' } });
    expect(eventsOf(id).find((e) => e.type === 'suppressed')).toMatchObject({ recipient: 'cat@ses-dest.test', data: { reason: 'complaint' } });
    expect(await send('blog', 'cat@ses-dest.test', 'ses digest 2')).toMatch(/^550 5\.7\.1 \[MW-SUPPRESSED\] <cat@ses-dest\.test> .*reported your mail as spam/);
  });

  it('a permanent bounce notification (email-json) is a hard late bounce: traced, recipient suppressed', async () => {
    expect(await send('blog', 'dan@ses-dest.test', 'ses news')).toMatch(/^250 /);
    const copy = await copyFor('ses news', 'dan@ses-dest.test');
    const notification = {
      notificationType: 'Bounce', mail: sesMail(copy),
      bounce: {
        bounceType: 'Permanent', bounceSubType: 'General', reportingMTA: 'dns; a8-1.smtp-out.amazonses.com', remoteMtaIp: '192.0.2.25',
        bouncedRecipients: [{ emailAddress: 'dan@ses-dest.test', action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 <dan@ses-dest.test>... User unknown' }],
        timestamp: '2026-12-04T12:00:00.000Z', feedbackId: '0100018c-fb-0002',
      },
    };
    expect(await report(sesNotification({ notification, protocol: 'email-json' }), 'ses-feedback@bounces.test')).toMatch(/^250 .*report applied \(1 hard bounce/);
    const id = queueIdOf(copy.mailFrom);
    await waitUntil('the late bounce on the timeline', () => eventsOf(id).some((e) => e.type === 'suppressed'));
    expect(eventsOf(id).find((e) => e.type === 'report-received')!.data.via).toBe('verp'); // mail.source, folded by SNS
    expect(eventsOf(id).find((e) => e.type === 'late-bounce')).toMatchObject({ recipient: 'dan@ses-dest.test', data: { identity: 'hosting/blog', reason: 'userunknown', hard: true } });
    expect(await send('blog', 'dan@ses-dest.test', 'ses news 2')).toMatch(/^550 5\.7\.1 \[MW-SUPPRESSED\] <dan@ses-dest\.test> .*bounced permanently/);
  });

  it('a notification whose trace header fails its HMAC is counted as forged and suppresses nothing, even beside a true return path', async () => {
    expect(await send('blog', 'eve@ses-dest.test', 'ses receipt')).toMatch(/^250 /);
    const copy = await copyFor('ses receipt', 'eve@ses-dest.test');
    const mail = sesMail(copy);
    // Someone frames another sender: the trace header names the victim, the MAC is the original one.
    const headers = (mail.headers as Array<{ name: string; value: string }>).map((h) =>
      h.name === 'X-Mailwarden-Trace' ? { ...h, value: h.value.replace('hosting/blog', 'hosting/victim') } : h);
    const before = reportCounts().forged ?? 0;
    const notification = {
      notificationType: 'Complaint', mail: { ...mail, headers },
      complaint: { complainedRecipients: [{ emailAddress: 'eve@ses-dest.test' }], complaintFeedbackType: 'abuse', timestamp: '2026-12-04T12:00:00.000Z' },
    };
    expect(await report(sesNotification({ notification, protocol: 'email-json' }), 'ses-feedback@bounces.test')).toMatch(/^250 .*report forged/);
    expect(reportCounts().forged).toBe(before + 1);
    expect(eventsOf(queueIdOf(copy.mailFrom)).some((e) => e.type === 'complaint' || e.type === 'suppressed')).toBe(false);
    expect(await send('blog', 'eve@ses-dest.test', 'ses receipt 2')).toMatch(/^250 /);
  });

  it('hostile JSON in a notification is refused with the reason, never thrown', async () => {
    const hostile = [
      { notificationType: 'Bounce', bounce: { bouncedRecipients: 'everyone' } },
      { notificationType: 'Bounce', bounce: { bouncedRecipients: [{ emailAddress: 42 }, null, 'x'] } },
      { notificationType: 'Complaint', complaint: null, mail: { headers: [null, 7, { name: {}, value: [] }] } },
      { notificationType: ['Bounce'] },
    ];
    for (const notification of hostile) {
      await expect(report(sesNotification({ notification, protocol: 'email-json' }), 'ses-feedback@bounces.test')).rejects.toThrow(/550 5\.6\.0 unusable report: Amazon SES/);
    }
  });
});
