// Scenario: a stranger (an address outside every trusted network, with no login) tries to relay through each
// listener. Nothing is accepted and nothing is stored. 127.0.0.1 is left out of trustedNetworks to play the stranger.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/accept-harness.js';
import { rawSmtp } from './helpers/raw-smtp.js';
import { swaks } from './helpers/swaks.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ trustedNetworks: { partners: ['192.0.2.0/24'] } });
});
afterAll(async () => h.close());

describe('never an open relay', () => {
  it('refuses an untrusted address on the relay listener at connect with 554, and closes', async () => {
    const c = await rawSmtp(h.ports.relay!);
    expect(c.greeting).toBe('554 5.7.1 Relay access denied: your address is not in a trusted network');
    // NOOP cannot keep the session alive: it is already closed.
    expect(await c.command('NOOP')).toBe('(closed)');
    await c.closed;
    expect(h.logs.some((l) => l.event === 'rejected' && l.stage === 'connect' && l.code === 554)).toBe(true);
  });

  it('refuses unauthenticated MAIL on submission (after STARTTLS) and on implicit TLS', async () => {
    const sub = await rawSmtp(h.ports.submission!);
    await sub.command('EHLO stranger.test');
    await sub.command('STARTTLS');
    await sub.startTls();
    await sub.command('EHLO stranger.test');
    expect(await sub.command('MAIL FROM:<spammer@evil.test>')).toBe('530 5.7.0 Authentication required');
    sub.end();
    const tls = await rawSmtp(h.ports.smtps!, { tls: true });
    await tls.command('EHLO stranger.test');
    expect(await tls.command('MAIL FROM:<spammer@evil.test>')).toBe('530 5.7.0 Authentication required');
    tls.end();
  });

  it('swaks, sending without a login, fails on every listener', async () => {
    const relay = await swaks(['--port', String(h.ports.relay), '--from', 'spammer@evil.test', '--to', 'victim@example.test']);
    expect(relay.out).toContain('554 5.7.1');
    expect(relay.code).not.toBe(0);
    const sub = await swaks(['--port', String(h.ports.submission), '--tls', '--from', 'spammer@evil.test', '--to', 'victim@example.test']);
    expect(sub.out).toContain('<~* 530 5.7.0');
    expect(h.messages()).toEqual([]);
  });
});
