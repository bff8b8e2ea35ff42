// Scenario: a customer logs in over STARTTLS (submission) or implicit TLS (smtps) with swaks or Nodemailer; a wrong
// password, a login before TLS and a suspended account are refused, and nothing is queued for them.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, testMessage, type Harness } from './helpers/accept-harness.js';
import { rawSmtp } from './helpers/raw-smtp.js';
import { swaks } from './helpers/swaks.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ trustedNetworks: {} });
  await h.addAccount('alice', 'correct horse battery');
  await h.addAccount('mallory', 'mallory-password');
  await h.accounts.setSuspended('mallory', true, 'phishing reported on 2026-11-28');
});
afterAll(async () => h.close());

const submit = (port: number, secure: boolean, user: string, pass: string) =>
  nodemailer
    .createTransport({ host: '127.0.0.1', port, secure, requireTLS: !secure, tls: { rejectUnauthorized: false }, auth: { user, pass } })
    .sendMail({ envelope: { from: 'alice@customer.test', to: ['r@example.test'] }, raw: testMessage() });

describe('AUTH over TLS', () => {
  it('swaks logs in with PLAIN after STARTTLS on submission and with LOGIN on implicit TLS', async () => {
    const starttls = await swaks(['--port', String(h.ports.submission), '--tls', '--auth', 'PLAIN', '--auth-user', 'alice', '--auth-password', 'correct horse battery', '--from', 'alice@customer.test', '--to', 'r@example.test']);
    expect(starttls.out).toMatch(/<~ {2}235 /);
    expect(starttls.out).toMatch(/<~ {2}250 2\.0\.0 Ok: queued as [0-9A-Z]+/);
    expect(starttls.code).toBe(0);
    const implicit = await swaks(['--port', String(h.ports.smtps), '--tls-on-connect', '--auth', 'LOGIN', '--auth-user', 'alice', '--auth-password', 'correct horse battery', '--from', 'alice@customer.test', '--to', 'r@example.test']);
    expect(implicit.out).toMatch(/<~ {2}250 2\.0\.0 Ok: queued as/);
    expect(implicit.code).toBe(0);
  });

  it('Nodemailer logs in on both TLS listeners', async () => {
    expect((await submit(h.ports.submission!, false, 'alice', 'correct horse battery')).response).toMatch(/^250 2\.0\.0 Ok: queued as/);
    expect((await submit(h.ports.smtps!, true, 'alice', 'correct horse battery')).response).toMatch(/^250 2\.0\.0 Ok: queued as/);
  });

  it('refuses a wrong password and an unknown user with 535, without saying which', async () => {
    const before = h.messages().length;
    await expect(submit(h.ports.submission!, false, 'alice', 'wrong')).rejects.toMatchObject({ responseCode: 535 });
    const unknown = await swaks(['--port', String(h.ports.smtps), '--tls-on-connect', '--auth', 'PLAIN', '--auth-user', 'nobody', '--auth-password', 'x', '--from', 'a@customer.test', '--to', 'r@example.test']);
    expect(unknown.out).toContain('<~* 535 5.7.8 Authentication credentials invalid');
    expect(unknown.code).not.toBe(0);
    expect(h.messages().length).toBe(before);
    const failures = h.logs.filter((l) => l.event === 'auth-failed');
    expect(failures.map((l) => l.why)).toEqual(expect.arrayContaining(['bad-password', 'unknown-user']));
    expect(JSON.stringify(h.logs)).not.toContain('wrong'); // never a password in the log
  });

  it('neither offers nor accepts AUTH before STARTTLS on submission', async () => {
    const c = await rawSmtp(h.ports.submission!);
    const ehlo = await c.command('EHLO client.test');
    expect(ehlo).toContain('STARTTLS');
    expect(ehlo).not.toContain('AUTH');
    expect(await c.command('AUTH PLAIN ' + Buffer.from('\0alice\0correct horse battery').toString('base64'))).toMatch(/^5\d\d /);
    expect(await c.command('MAIL FROM:<alice@customer.test>')).toMatch(/^530 5\.7\.0 Authentication required/);
    await c.command('STARTTLS');
    await c.startTls();
    expect(await c.command('EHLO client.test')).toContain('AUTH PLAIN LOGIN');
    expect(await c.command('AUTH PLAIN ' + Buffer.from('\0alice\0correct horse battery').toString('base64'))).toMatch(/^235 /);
    c.end();
  });

  it('fails closed for a suspended account and tells the owner why', async () => {
    await expect(submit(h.ports.smtps!, true, 'mallory', 'mallory-password')).rejects.toMatchObject({
      responseCode: 535,
      response: expect.stringContaining('[MW-SUSPENDED] Account suspended: phishing reported on 2026-11-28'),
    });
  });

  it('offers STARTTLS on the relay listener too', async () => {
    // A stranger is refused at connect on the relay listener, so this one runs from a trusted network.
    const trusted = await startHarness({ trustedNetworks: { local: ['127.0.0.0/8'] } });
    const c = await rawSmtp(trusted.ports.relay!);
    expect(await c.command('EHLO client.test')).toContain('STARTTLS');
    expect(await c.command('STARTTLS')).toMatch(/^220 /);
    await c.startTls();
    const ehlo = await c.command('EHLO client.test');
    expect(ehlo).not.toContain('STARTTLS');
    expect(ehlo).not.toContain('AUTH'); // the relay listener has no logins, with or without TLS
    c.end();
    await trusted.close();
  });
});
