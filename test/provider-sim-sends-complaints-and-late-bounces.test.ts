// Acceptance over loopback: the provider simulator answers later, as providers do. Half the spam its users receive
// is reported with an ARF complaint, and a message to a mailbox it does not have is accepted and bounced afterwards
// with a DSN; both go to the envelope sender, the relay's VERP return path, so they reach the relay's feedback
// listener. The relay traces each to the message and its sender identity (events on that message's timeline) and
// suppresses the recipient: that sender's next message to it is refused at RCPT TO.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { startProviderSim, type ProviderSim, type SimFeedback } from '../src/demo/provider-sim.js';
import { startRelay, type Relay } from '../src/relay.js';
import { silentLogger } from '../src/shared/logger.js';
import { committedTimeline, tempDir } from './helpers/queue-fixture.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { waitUntil } from './helpers/wait.js';

let gmail: ProviderSim;
let sink: Target;
let relay: Relay;
// The relay's feedback listener port is known once it is up: the simulator reads it at each send.
const feedback: SimFeedback = { port: 0, complaintShare: 0.5, lateBounceShare: 1 };

beforeAll(async () => {
  gmail = await startProviderSim({ provider: 'gmail', unknownRecipients: /^nobody@/, feedback });
  sink = await startTarget(); // the relay's own DSNs to its customers
  relay = await startRelay({
    logger: silentLogger,
    config: parseConfig({
      hostname: 'relay.mailwarden.test', dataDir: tempDir('mw-simfb-'), log: { level: 'silent' },
      listeners: { submission: { enabled: false }, smtps: { enabled: false }, relay: { port: 0 } }, admin: { enabled: false },
      trustedNetworks: { hosting: ['127.0.0.0/8'] },
      identity: { presets: ['exim-authuser'] },
      policy: { enabled: false }, // the spam must reach the provider: what comes back is the point here
      delivery: { routes: { 'gmail.com': `127.0.0.1:${gmail.port}`, '*': `127.0.0.1:${sink.port}` }, pollIntervalMs: 50 },
      feedback: { enabled: true, bounceDomain: 'bounces.test', listener: { enabled: true, port: 0 } },
    }),
  });
  feedback.port = relay.ports.feedback!;
});

afterAll(async () => {
  await gmail?.close();
  await relay?.close();
  await sink?.close();
});

function send(user: string, to: string, subject: string, body = 'Hello.'): Promise<string> {
  const t = nodemailer.createTransport({ host: '127.0.0.1', port: relay.ports.relay!, secure: false, ignoreTLS: true });
  const raw = `From: ${user}@shop.test\r\nTo: ${to}\r\nSubject: ${subject}\r\nX-AuthUser: ${user}\r\n\r\n${body}\r\n`;
  return t.sendMail({ envelope: { from: `${user}@shop.test`, to: [to] }, raw }).then((i) => i.response, (err: { response?: string; message: string }) => err.response ?? err.message).finally(() => t.close());
}

const timeline = (id: string) => committedTimeline(relay.databaseFile, id);

/** The queue id a VERP return path carries. */
const queueIdOf = (returnPath: string) => returnPath.slice(2).split('.')[0]!.toUpperCase();

describe('the provider simulator sends reports back', () => {
  it('complains about half the spam; the relay traces the complaint to the identity and suppresses the recipient', async () => {
    expect(await send('promo', 'ann@gmail.com', 'you are a lottery winner', 'Claim now.')).toMatch(/^250 /);
    // (ann's delivered before bob's is sent: the queue delivers concurrently, and the simulator counts arrivals)
    await waitUntil('the first delivered', () => gmail.delivered.length === 1);
    expect(await send('promo', 'bob@gmail.com', 'you are a lottery winner', 'Claim now.')).toMatch(/^250 /);
    await waitUntil('both delivered', () => gmail.delivered.length === 2);
    expect(gmail.delivered.map((d) => d.spam)).toEqual([true, true]);
    await waitUntil('the complaint answered', () => gmail.reports.length === 1);
    const [report] = gmail.reports;
    // Every second spam recipient complains: the first message is not reported, the second is.
    const second = gmail.delivered.find((d) => d.to[0] === 'bob@gmail.com')!;
    expect(report).toMatchObject({ kind: 'complaint', rcpt: 'bob@gmail.com', to: second.from });
    expect(report!.to).toMatch(/^b\+[0-9a-z]+\.[0-9a-f]+\.[0-9a-f]+@bounces\.test$/); // the relay's VERP return path
    expect(report!.answer).toMatch(/^250 .*report applied \(complaint \(abuse\)\)/);

    const id = queueIdOf(second.from);
    await waitUntil('the complaint on the timeline', () => timeline(id).some((e) => e.type === 'suppressed'));
    const events = timeline(id);
    expect(events.find((e) => e.type === 'report-received')).toMatchObject({ data: { kind: 'arf', via: 'verp', identity: 'hosting/promo' } });
    expect(events.find((e) => e.type === 'complaint')).toMatchObject({ data: { identity: 'hosting/promo', feedbackType: 'abuse' } });
    expect(events.find((e) => e.type === 'suppressed')).toMatchObject({ recipient: 'bob@gmail.com', data: { account: 'hosting', reason: 'complaint' } });
    expect(await send('promo', 'bob@gmail.com', 'hello again')).toMatch(/^550 5\.7\.1 \[MW-SUPPRESSED\] <bob@gmail\.com>/);
    expect(await send('promo', 'ann@gmail.com', 'hello again')).toMatch(/^250 /); // ann did not complain
  });

  it('bounces mail to a mailbox it does not have after accepting it; the relay suppresses that recipient', async () => {
    const before = gmail.delivered.length;
    expect(await send('shop', 'nobody@gmail.com', 'your order')).toMatch(/^250 /);
    await waitUntil('accepted by the provider', () => gmail.delivered.length === before + 1);
    await waitUntil('the late bounce answered', () => gmail.reports.some((r) => r.kind === 'late-bounce'));
    const bounce = gmail.reports.find((r) => r.kind === 'late-bounce')!;
    expect(bounce.answer).toMatch(/^250 .*report applied \(1 hard bounce/);
    const id = queueIdOf(bounce.to);
    await waitUntil('the late bounce on the timeline', () => timeline(id).some((e) => e.type === 'suppressed'));
    expect(timeline(id).find((e) => e.type === 'late-bounce')).toMatchObject({ recipient: 'nobody@gmail.com', data: { identity: 'hosting/shop', reason: 'userunknown', hard: true } });
    expect(await send('shop', 'nobody@gmail.com', 'your order, again')).toMatch(/^550 5\.7\.1 \[MW-SUPPRESSED\] <nobody@gmail\.com>/);
  });
});
