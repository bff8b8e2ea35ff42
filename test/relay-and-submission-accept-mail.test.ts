// Scenario: a trusted server relays without login, a mail client submits with AUTH after STARTTLS, and each message
// is stored with its account, identity and our headers before the 250 goes out.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTrace } from '../src/accept/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, testMessage, type Harness } from './helpers/accept-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ trustedNetworks: { 'hosting-a': ['127.0.0.0/8'] } });
  await h.addAccount('alice', 'correct horse battery');
});
afterAll(async () => h.close());

describe('accepting mail', () => {
  it('relays for a trusted network without AUTH, with the network as account and the client address as sub', async () => {
    const t = nodemailer.createTransport({ host: '127.0.0.1', port: h.ports.relay!, secure: false, ignoreTLS: true });
    const info = await t.sendMail({ envelope: { from: 'app@customer.test', to: ['a@example.test', 'b@example.test'] }, raw: testMessage() });
    const queueId = /queued as ([0-9A-Z]+)/.exec(info.response)?.[1];
    expect(info.response).toMatch(/^250 2\.0\.0 Ok: queued as /);
    const stored = h.messages().find((m) => m.id === queueId)!;
    expect(stored).toMatchObject({ account: 'hosting-a', sub: '127.0.0.1', source: 'client-ip', mailFrom: 'app@customer.test', state: 'queued' });
    expect(stored.recipients).toEqual(['a@example.test', 'b@example.test']);
    const text = stored.raw.toString();
    expect(text).toMatch(/^Received: from \S+ \(\[127\.0\.0\.1\]\)\r\n\tby relay\.mailwarden\.test \(mailwarden\) with ESMTP\r\n\tid /);
    expect(text).toContain('\r\nSubject: hello\r\n');
    expect(text.endsWith('\r\n\r\nHello there.\r\n')).toBe(true);
  });

  it('accepts submission after STARTTLS and AUTH, and stamps a trace header that verifies', async () => {
    const t = nodemailer.createTransport({
      host: '127.0.0.1', port: h.ports.submission!, secure: false, requireTLS: true,
      tls: { rejectUnauthorized: false }, auth: { user: 'alice', pass: 'correct horse battery' },
    });
    const info = await t.sendMail({ envelope: { from: 'alice@customer.test', to: ['x@example.test'] }, raw: testMessage() });
    const queueId = /queued as ([0-9A-Z]+)/.exec(info.response)![1]!;
    const stored = h.messages().find((m) => m.id === queueId)!;
    expect(stored).toMatchObject({ account: 'alice', sub: '', source: 'auth' });
    const text = stored.raw.toString();
    expect(text).toMatch(/with ESMTPSA \(TLSv1\.[23] /);
    expect(text).toContain('\tfor <x@example.test>;');
    const trace = /\r\nX-Mailwarden-Trace: ([^\r]+)\r\n/.exec(text)![1]!;
    const secret = readFileSync(join(h.config.dataDir, 'trace-secret'), 'utf8').trim();
    expect(verifyTrace(trace, secret)).toEqual({ kind: 'valid', queueId, account: 'alice', sub: '', recipient: '' });
    expect(verifyTrace(trace.replace('alice', 'bob'), secret)).toEqual({ kind: 'forged', queueId });
    expect(h.store.timeline(queueId).map((e) => e.type)).toEqual(['received', 'identity', 'verdict', 'queued']);
    expect(h.logs.some((l) => l.event === 'accepted' && l.queueId === queueId && l.account === 'alice')).toBe(true);
  });
});

describe('internationalised and 8-bit mail', () => {
  it('records SMTPUTF8 and 8-bit content so delivery can ask the next hop for them', async () => {
    const { rawSmtp } = await import('./helpers/raw-smtp.js');
    const c = await rawSmtp(h.ports.relay!);
    await c.command('EHLO client.test');
    expect(await c.command('MAIL FROM:<jörg@customer.test> SMTPUTF8 BODY=8BITMIME')).toMatch(/^250 /);
    await c.command('RCPT TO:<zoë@example.test>');
    await c.command('DATA');
    c.write(Buffer.from(testMessage({ from: 'jörg@customer.test', subject: 'Grüße' }) + '.\r\n', 'utf8'));
    const id = /queued as ([0-9A-Z]+)/.exec(await c.reply())![1];
    c.end();
    expect(h.messages().find((m) => m.id === id)).toMatchObject({ smtpUtf8: true, eightBit: true, mailFrom: 'jörg@customer.test', recipients: ['zoë@example.test'] });
  });

  it('marks plain ASCII mail as needing neither', async () => {
    const t = nodemailer.createTransport({ host: '127.0.0.1', port: h.ports.relay!, ignoreTLS: true });
    const info = await t.sendMail({ envelope: { from: 'a@customer.test', to: ['b@example.test'] }, raw: testMessage() });
    const id = /queued as ([0-9A-Z]+)/.exec(info.response)![1];
    expect(h.messages().find((m) => m.id === id)).toMatchObject({ smtpUtf8: false, eightBit: false });
  });
});
