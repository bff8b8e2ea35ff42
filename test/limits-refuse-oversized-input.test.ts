// Scenario: a client goes over the limits a stranger controls: message size, recipients, connections from one
// address, command line length, unrecognised commands. Each gets its own clear reply and nothing half-done is stored.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, testMessage, type Harness } from './helpers/accept-harness.js';
import { rawSmtp } from './helpers/raw-smtp.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    trustedNetworks: { local: ['127.0.0.0/8'] },
    limits: { maxMessageBytes: 4096, maxRecipients: 3, maxConnectionsPerIp: 3, maxCommandLineBytes: 600, maxUnknownCommands: 3 },
  });
});
afterAll(async () => h.close());

const relay = () => nodemailer.createTransport({ host: '127.0.0.1', port: h.ports.relay!, ignoreTLS: true });

describe('limits', () => {
  it('advertises SIZE and refuses a declared oversize at MAIL FROM', async () => {
    const c = await rawSmtp(h.ports.relay!);
    expect(await c.command('EHLO client.test')).toContain('250 SIZE 4096');
    expect(await c.command('MAIL FROM:<a@customer.test> SIZE=5000')).toMatch(/^552 /);
    c.end();
  });

  it('refuses an oversized message while streaming with 552 5.3.4, and the session goes on', async () => {
    const c = await rawSmtp(h.ports.relay!);
    await c.command('EHLO client.test');
    await c.command('MAIL FROM:<a@customer.test>');
    await c.command('RCPT TO:<r@example.test>');
    expect(await c.command('DATA')).toMatch(/^354 /);
    c.write(testMessage({ body: 'x'.repeat(70) + '\r\n'.concat('y'.repeat(70) + '\r\n').repeat(80) }) + '.\r\n');
    expect(await c.reply()).toBe('552 5.3.4 Message too big: the limit is 4096 bytes');
    expect(await c.command('MAIL FROM:<a@customer.test>')).toMatch(/^250 /);
    c.end();
    expect(h.messages()).toEqual([]);
  });

  it('answers the recipient past the limit with 452 4.5.3 and keeps the first ones', async () => {
    const info = await relay().sendMail({ envelope: { from: 'a@customer.test', to: ['r1@example.test', 'r2@example.test', 'r3@example.test', 'r4@example.test'] }, raw: testMessage() });
    expect(info.rejected).toEqual(['r4@example.test']);
    expect(info.rejectedErrors?.[0]?.response).toBe('452 4.5.3 Too many recipients for one message');
    expect(h.messages().at(-1)?.recipients).toEqual(['r1@example.test', 'r2@example.test', 'r3@example.test']);
  });

  it('refuses a connection past the per-address limit with 421, and frees the slot on close', async () => {
    const open = await Promise.all([rawSmtp(h.ports.relay!), rawSmtp(h.ports.submission!), rawSmtp(h.ports.relay!)]);
    const fourth = await rawSmtp(h.ports.relay!);
    expect(fourth.greeting).toBe('421 4.7.0 Too many connections from your address, try again later');
    await fourth.closed;
    expect(h.logs.some((l) => l.event === 'connection-limit')).toBe(true);
    open.forEach((c) => c.end());
    await Promise.all(open.map((c) => c.closed));
    const again = await rawSmtp(h.ports.relay!);
    expect(await again.command('EHLO client.test')).toMatch(/^250/);
    again.end();
  });

  it('closes the connection on an over-long command line', async () => {
    const c = await rawSmtp(h.ports.relay!);
    await c.command('EHLO client.test');
    expect(await c.command('MAIL FROM:<' + 'a'.repeat(700) + '@customer.test>')).toMatch(/^421 /);
    await c.closed;
  });

  it('hangs up after the configured number of unrecognised commands', async () => {
    const c = await rawSmtp(h.ports.relay!);
    expect(await c.command('FOO')).toMatch(/^500 /);
    expect(await c.command('BAR')).toMatch(/^500 /);
    expect(await c.command('BAZ')).toBe('421 4.7.0 Too many unrecognized commands, closing connection');
    await c.closed;
  });
});
