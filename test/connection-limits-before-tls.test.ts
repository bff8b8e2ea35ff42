// Scenario: one address opens connections to the implicit-TLS listener and never starts the handshake. The
// per-address limit must count them (smtp-server runs onConnect only after the handshake), so another connection
// from that address is dropped while the slots are held; and limits.maxClients is one total across all listeners.
import { connect, type Socket } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/accept-harness.js';
import { rawSmtp } from './helpers/raw-smtp.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ trustedNetworks: { local: ['127.0.0.0/8'] }, limits: { maxConnectionsPerIp: 3, maxClients: 4 } });
});
afterAll(async () => h.close());

/** A TCP connection that never speaks; resolves once connected. */
function silent(port: number, localAddress = '127.0.0.1'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1', localAddress }, () => resolve(s));
    s.on('error', reject);
  });
}
/** Close our side, then wait (bounded) until the server has seen every close and admits a new connection again. */
async function closeAll(sockets: Socket[], port: number, tls: boolean): Promise<string> {
  for (const s of sockets) s.destroy();
  let greeting = '';
  for (let i = 0; i < 100 && !greeting.startsWith('220 '); i++) {
    await new Promise((r) => setTimeout(r, 20));
    const c = await rawSmtp(port, { tls }).catch(() => null);
    greeting = c?.greeting ?? '';
    c?.end();
    await c?.closed;
  }
  return greeting;
}

describe('connection admission', () => {
  it('counts implicit-TLS connections that never start the handshake against the per-address limit', async () => {
    const held = await Promise.all([1, 2, 3].map(() => silent(h.ports.smtps!)));
    const fourth = await rawSmtp(h.ports.smtps!, { tls: true }).catch((err: Error) => err);
    // Dropped before any TLS: nothing readable can be said, the client sees the connection end.
    expect(fourth instanceof Error || fourth.greeting === '(closed)').toBe(true);
    expect(h.logs.some((l) => l.event === 'connection-limit' && l.reason === 'per-address')).toBe(true);
    expect(await closeAll(held, h.ports.smtps!, true)).toMatch(/^220 /);
  });

  it('applies maxClients as one total across listeners', async () => {
    // Two source addresses, so the per-address limit (3) is not what refuses.
    const held = [
      await silent(h.ports.smtps!, '127.0.0.1'),
      await silent(h.ports.smtps!, '127.0.0.1'),
      await silent(h.ports.submission!, '127.0.0.2'),
      await silent(h.ports.submission!, '127.0.0.2'),
    ];
    const fifth = await rawSmtp(h.ports.relay!);
    expect(fifth.greeting).toBe('421 4.7.0 Too many connections, try again later');
    await fifth.closed;
    expect(await closeAll(held, h.ports.relay!, false)).toMatch(/^220 /);
  });

  it('gives the slot back after a STARTTLS session, upgraded or not (smtp-server strips the plain socket\'s listeners)', async () => {
    // Twice the per-address limit of sessions, one after the other: each upgrades to TLS and sends a message, or
    // asks for STARTTLS and then sends no handshake at all. Every one must be admitted.
    for (let i = 0; i < 6; i++) {
      const t = nodemailer.createTransport({ host: '127.0.0.1', port: h.ports.relay!, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
      await expect(t.sendMail({ from: 'a@example.com', to: 'b@example.net', subject: `tls ${i}`, text: 'x' })).resolves.toMatchObject({ accepted: ['b@example.net'] });
      t.close();
      const c = await rawSmtp(h.ports.relay!);
      expect(c.greeting).toMatch(/^220 /);
      expect(await c.command('EHLO client.test')).toMatch(/^250/);
      expect(await c.command('STARTTLS')).toMatch(/^220 /);
      c.write('this is no TLS handshake\r\n');
      await c.closed;
    }
    const last = await rawSmtp(h.ports.relay!);
    expect(last.greeting).toMatch(/^220 /);
    last.end();
    await last.closed;
  });
});

