// Headers in our X-Mailwarden- namespace mean what we wrote: a client's own copies (a forged "not spam" tag, a low
// risk score) are removed on the way in, and a message the content scorer counts as spam carries the documented
// X-Mailwarden-Spam tag. An account that enforces its sender domains must also send a From: that says one thing.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyThresholds } from '../src/config/schema.js';
import { decide } from '../src/decide/decide.js';
import { startHarness, testMessage, type Harness } from './helpers/accept-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ trustedNetworks: {} });
  await h.addAccount('shop', 'shop-password-1', { allowedDomains: ['shop.test'], enforceDomains: true });
});
afterAll(async () => h.close());

const send = (raw: string, from = 'orders@shop.test') =>
  nodemailer
    .createTransport({ host: '127.0.0.1', port: h.ports.smtps!, secure: true, tls: { rejectUnauthorized: false }, auth: { user: 'shop', pass: 'shop-password-1' } })
    .sendMail({ envelope: { from, to: ['r@example.test'] }, raw });

describe('our header namespace', () => {
  it('removes every X-Mailwarden-* header the client wrote, keeping only the trace we stamp', async () => {
    const raw = testMessage({
      from: 'orders@shop.test', subject: 'namespace',
      headers: ['X-Mailwarden-Spam: no', 'x-mailwarden-risk: risk=0', 'X-MAILWARDEN-Verdict: accept', 'X-Mailwarden-Trace: 0MX0000000000; other; 00'],
    });
    expect((await send(raw)).response).toMatch(/^250 /);
    const stored = h.messages().find((m) => m.raw.toString().includes('Subject: namespace'))!.raw.toString();
    const ours = stored.split('\r\n\r\n')[0]!.split('\r\n').filter((l) => /^x-mailwarden-/i.test(l));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatch(/^X-Mailwarden-Trace: \w+; shop; [0-9a-f]{32}$/);
  });

  it('tags a message the content scorer counts as spam with X-Mailwarden-Spam', () => {
    const t = policyThresholds.parse({});
    const behaviour = { evidence: [], risk: 0, trust: 1, hourMessages: 1, hourLimit: 200, loginHourMessages: 1, loginHourLimit: 1000, newIdentitiesOverCap: null };
    const spam = { spam: true, score: 6.5, threshold: 5, action: 'tag' as const, rules: [] };
    expect(decide({ t, behaviour, content: spam }).addHeaders).toContainEqual(['X-Mailwarden-Spam', 'yes; score=6.5; threshold=5']);
    const ham = { ...spam, spam: false, score: 1, action: 'accept' as const };
    expect(decide({ t, behaviour, content: ham }).addHeaders ?? []).not.toContainEqual(expect.arrayContaining(['X-Mailwarden-Spam']));
  });
});

describe('From: when sender domains are enforced', () => {
  it.each([
    ['two addresses', 'From: orders@shop.test, ceo@shop.test'],
    ['an address with two @', 'From: orders@shop.test@bank.test'],
    ['two From: headers', 'From: orders@shop.test\r\nFrom: sales@shop.test'],
  ])('refuses %s', async (_what, fromLines) => {
    const raw = testMessage({ from: 'orders@shop.test' }).replace('From: orders@shop.test', fromLines);
    await expect(send(raw)).rejects.toMatchObject({ responseCode: 550, response: expect.stringMatching(/MW-SENDER-DOMAIN\] From: .*one From: header with one address/) });
  });
});
