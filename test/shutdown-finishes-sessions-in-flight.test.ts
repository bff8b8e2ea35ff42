// Scenario: the relay is told to stop while a client is in the middle of sending. It stops accepting connections,
// the message in flight is still accepted and stored, and close() resolves once that session has ended.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startHarness, testMessage } from './helpers/accept-harness.js';
import { rawSmtp } from './helpers/raw-smtp.js';

describe('graceful shutdown', () => {
  it('finishes the session in flight, refuses new connections, and resolves', async () => {
    const h = await startHarness({ trustedNetworks: { local: ['127.0.0.0/8'] } });
    const c = await rawSmtp(h.ports.relay!);
    await c.command('EHLO client.test');
    await c.command('MAIL FROM:<a@customer.test>');
    await c.command('RCPT TO:<r@example.test>');
    expect(await c.command('DATA')).toMatch(/^354 /);
    c.write('Subject: half');

    // Reach into the harness's listeners: close them while DATA is in flight.
    let closed = false;
    const closing = h.stopListening().then(() => (closed = true));
    const refused = await new Promise<string>((resolve) => {
      const s = connect({ port: h.ports.relay!, host: '127.0.0.1' });
      s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      s.on('data', () => resolve('answered'));
    });
    expect(refused).toBe('ECONNREFUSED');

    c.write('\r\n' + testMessage().replace(/^/, 'X-Rest: 1\r\n') + '.\r\n');
    expect(await c.reply()).toMatch(/^250 2\.0\.0 Ok: queued as/);
    expect(closed).toBe(false);
    // RFC 5321 §3.8: a server shutting down answers the next command with 421 and closes.
    expect(await c.command('QUIT')).toBe('421 Server shutting down');
    await closing;
    expect(h.messages()).toHaveLength(1);
    await h.close();
  });
});
