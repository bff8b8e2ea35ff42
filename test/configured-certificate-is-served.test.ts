// Scenario: the operator configures a certificate; every TLS listener serves it (and no self-signed one is made).
// Without one, a self-signed certificate is made in dataDir at first start, with a warning in the log.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type PeerCertificate } from 'node:tls';
import { generate } from 'selfsigned';
import { describe, expect, it } from 'vitest';
import { startHarness } from './helpers/accept-harness.js';
import { rawSmtp } from './helpers/raw-smtp.js';

function implicitTlsCert(port: number): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1', rejectUnauthorized: false }, () => {
      resolve(s.getPeerCertificate());
      s.destroy();
    });
    s.on('error', reject);
  });
}

describe('TLS certificate', () => {
  it('serves the configured certificate on implicit TLS and after STARTTLS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mw-cert-'));
    const pems = await generate([{ name: 'commonName', value: 'smtp.provider.test' }], { keySize: 2048 });
    writeFileSync(join(dir, 'cert.pem'), pems.cert);
    writeFileSync(join(dir, 'key.pem'), pems.private);
    const h = await startHarness({ tls: { cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') } });
    expect((await implicitTlsCert(h.ports.smtps!)).subject.CN).toBe('smtp.provider.test');
    const c = await rawSmtp(h.ports.submission!);
    await c.command('EHLO client.test');
    await c.command('STARTTLS');
    expect((await c.startTls()).subject.CN).toBe('smtp.provider.test');
    expect(await c.command('EHLO client.test')).toMatch(/^250-/);
    c.end();
    expect(existsSync(join(h.config.dataDir, 'tls'))).toBe(false);
    expect(h.logs.some((l) => l.event === 'tls-selfsigned')).toBe(false);
    await h.close();
  });

  it('makes a self-signed certificate for the hostname when none is configured, and warns', async () => {
    const h = await startHarness();
    expect((await implicitTlsCert(h.ports.smtps!)).subject.CN).toBe('relay.mailwarden.test');
    expect(existsSync(join(h.config.dataDir, 'tls', 'selfsigned-cert.pem'))).toBe(true);
    expect(h.logs.find((l) => l.event === 'tls-selfsigned')).toMatchObject({ level: 40 });
    await h.close();
  });
});
