// Scenario: an account limited to its own domains tries to send as someone else, in MAIL FROM or in From:.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, testMessage, type Harness } from './helpers/accept-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ trustedNetworks: { 'hosting-b': ['127.0.0.0/8'] } });
  await h.addAccount('shop', 'shop-password-1', { allowedDomains: ['shop.test'], enforceDomains: true });
  await h.addAccount('free', 'free-password-1', { allowedDomains: ['free.test'], enforceDomains: false });
  // A trusted network can have an account of the same name that carries its domain policy.
  await h.accounts.add({ name: 'hosting-b', passwordHash: '', allowedDomains: ['hosting-b.test'], enforceDomains: true, createdAt: 0 });
});
afterAll(async () => h.close());

const send = (user: string, from: string, headerFrom: string) =>
  nodemailer
    .createTransport({ host: '127.0.0.1', port: h.ports.smtps!, secure: true, tls: { rejectUnauthorized: false }, auth: { user, pass: `${user}-password-1` } })
    .sendMail({ envelope: { from, to: ['r@example.test'] }, raw: testMessage({ from: headerFrom }) });

describe('sender-domain policy', () => {
  it('accepts the own domain and its subdomains', async () => {
    expect((await send('shop', 'orders@shop.test', 'Shop <orders@mail.shop.test>')).response).toMatch(/^250 /);
  });
  it('refuses a foreign MAIL FROM with a clear reason', async () => {
    await expect(send('shop', 'ceo@bank.test', 'orders@shop.test')).rejects.toMatchObject({
      responseCode: 550,
      response: '550 5.7.1 [MW-SENDER-DOMAIN] Sender <ceo@bank.test> is not in the domains allowed for account shop',
    });
  });
  it('refuses a foreign From: header after DATA', async () => {
    await expect(send('shop', 'orders@shop.test', '"Your Bank" <security@bank.test>')).rejects.toMatchObject({
      responseCode: 550,
      response: '550 5.7.1 [MW-SENDER-DOMAIN] From: <security@bank.test> is not in the domains allowed for account shop',
    });
  });
  it('lets an account without enforcement send as anyone', async () => {
    expect((await send('free', 'x@other.test', 'x@other.test')).response).toMatch(/^250 /);
  });
  it('applies the policy of a trusted network that has an account', async () => {
    const t = nodemailer.createTransport({ host: '127.0.0.1', port: h.ports.relay!, ignoreTLS: true });
    await expect(t.sendMail({ envelope: { from: 'a@elsewhere.test', to: ['r@example.test'] }, raw: testMessage({ from: 'a@hosting-b.test' }) })).rejects.toMatchObject({ responseCode: 550 });
    expect((await t.sendMail({ envelope: { from: 'a@hosting-b.test', to: ['r@example.test'] }, raw: testMessage({ from: 'a@hosting-b.test' }) })).response).toMatch(/^250 /);
    expect(h.messages().map((m) => m.mailFrom).sort()).toEqual(['a@hosting-b.test', 'orders@shop.test', 'x@other.test']);
  });
});
