// A login must not choose its own identity: on the submission and smtps listeners the identity headers are ignored
// (the login is the identity), unless the operator lists the account in identity.trustHeadersOnSubmission (a
// hosting server that logs in). A random X-AuthUser per message therefore no longer escapes per-identity limits.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, testMessage, type Harness } from './helpers/accept-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ trustedNetworks: {}, identity: { presets: ['exim-authuser'], trustHeadersOnSubmission: ['webfarm'] } });
  await h.addAccount('alice', 'alice-password-1');
  await h.addAccount('webfarm', 'webfarm-password-1');
});
afterAll(async () => h.close());

async function send(user: string, subject: string, authUser: string) {
  await nodemailer
    .createTransport({ host: '127.0.0.1', port: h.ports.smtps!, secure: true, tls: { rejectUnauthorized: false }, auth: { user, pass: `${user}-password-1` } })
    .sendMail({ envelope: { from: 'x@customer.test', to: ['r@example.test'] }, raw: testMessage({ subject, headers: [`X-AuthUser: ${authUser}`] }) });
  return h.messages().find((m) => m.raw.toString().includes(`Subject: ${subject}`))!;
}

it('ignores the identity header of a login that is not trusted with it', async () => {
  for (let i = 0; i < 3; i++) {
    expect(await send('alice', `alice ${i}`, `random-${i}@customer.test`)).toMatchObject({ account: 'alice', sub: '', source: 'auth' });
  }
});

it('reads it for an account the operator listed', async () => {
  expect(await send('webfarm', 'webfarm 1', 'shop1@customer.test')).toMatchObject({ account: 'webfarm', sub: 'shop1@customer.test', source: 'header:X-AuthUser' });
});
