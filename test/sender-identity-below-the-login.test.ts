// Scenario: a hosting server relays for many customers through one trusted network; the identity below the account
// comes from the headers its MTA or PHP stamped, is stored with the message and the trace header, and a header
// configured with strip does not leave mailwarden.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTrace } from '../src/accept/index.js';
import { startHarness, testMessage, type Harness } from './helpers/accept-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    trustedNetworks: { 'hosting-a': ['127.0.0.0/8'] },
    identity: {
      presets: ['exim-authuser', { preset: 'php-script', strip: true }, 'postfix-authenticated'],
      headers: [{ header: 'X-Customer-Id', pattern: '^cust-(\\d+)$', strip: true }],
    },
  });
});
afterAll(async () => h.close());

async function relay(headers: string[]) {
  const info = await nodemailer
    .createTransport({ host: '127.0.0.1', port: h.ports.relay!, ignoreTLS: true })
    .sendMail({ envelope: { from: 'web@customer.test', to: ['r@example.test'] }, raw: testMessage({ headers }) });
  const id = /queued as ([0-9A-Z]+)/.exec(info.response)![1]!;
  return h.messages().find((m) => m.id === id)!;
}

function trace(raw: Buffer) {
  const secret = readFileSync(join(h.config.dataDir, 'trace-secret'), 'utf8').trim();
  return verifyTrace(/\r\nX-Mailwarden-Trace: ([^\r]+)/.exec(raw.toString())![1]!, secret);
}

describe('identity below the login', () => {
  it('takes X-AuthUser (Exim/cPanel) and keeps the header', async () => {
    const m = await relay(['X-AuthUser: bob@shop.test']);
    expect(m).toMatchObject({ account: 'hosting-a', sub: 'bob@shop.test', source: 'header:X-AuthUser' });
    expect(m.raw.toString()).toContain('\r\nX-AuthUser: bob@shop.test\r\n');
    expect(trace(m.raw)).toMatchObject({ kind: 'valid', account: 'hosting-a', sub: 'bob@shop.test' });
  });

  it('takes uid and script from X-PHP-Originating-Script and strips the header', async () => {
    const m = await relay(['X-PHP-Originating-Script: 1007:contact-form.php']);
    expect(m).toMatchObject({ sub: 'uid1007:contact-form.php', source: 'header:X-PHP-Originating-Script' });
    expect(m.raw.toString()).not.toContain('X-PHP-Originating-Script');
    expect(trace(m.raw)).toMatchObject({ kind: 'valid', sub: 'uid1007:contact-form.php' });
  });

  it("takes Postfix's authenticated sender from the customer's topmost Received", async () => {
    const m = await relay(['Received: from pc (pc [10.1.1.1])\r\n\t(Authenticated sender: carol@shop.test)\r\n\tby web3.hosting.test (Postfix) with ESMTPSA id 4F1; Sun, 29 Nov 2026 10:00:00 +0000']);
    expect(m).toMatchObject({ sub: 'carol@shop.test', source: 'header:Received' });
    // Ours is prepended above it: the customer's Received stays as the second trace line.
    expect(m.raw.toString()).toMatch(/^Received: from [^\r]*\r\n\tby relay\.mailwarden\.test[\s\S]*\r\nReceived: from pc /);
  });

  it('reads a custom header with its regex and strips it', async () => {
    const m = await relay(['X-Customer-Id: cust-4242']);
    expect(m).toMatchObject({ sub: '4242', source: 'header:X-Customer-Id' });
    expect(m.raw.toString()).not.toContain('X-Customer-Id');
  });

  it('removes a trace header that arrives from the client, leaving only ours', async () => {
    const m = await relay(['X-Mailwarden-Trace: 0MI1AAAAAA0000000000; victim; 00000000000000000000000000000000']);
    expect(m.raw.toString().match(/X-Mailwarden-Trace:/g)).toHaveLength(1);
    expect(trace(m.raw)).toMatchObject({ kind: 'valid', queueId: m.id, account: 'hosting-a' });
  });

  it('falls back to the client address within the trusted network', async () => {
    expect(await relay([])).toMatchObject({ account: 'hosting-a', sub: '127.0.0.1', source: 'client-ip' });
  });
});
