// Acceptance: DANE for SMTP (RFC 7672) over loopback. A loopback DNS server plays a validating resolver (the AD bit on
// the zones marked secure); the MX hosts are smtp-server instances with STARTTLS and a certificate issued by a test CA.
// A TLSA record that matches (DANE-EE on the key, DANE-TA on the CA) delivers over TLS; one that does not match, a
// DANE-TA chain for another name, a TLSA lookup that fails, and an MX host without STARTTLS defer the mail with the
// reason and send nothing; TLSA records without the AD bit are ignored; DANE outranks an MTA-STS policy; an MX host
// that is a validated alias is looked up at its expanded name first, then at its own.
import { createHash, X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterEach, describe, expect, it } from 'vitest';
import { startDns, type TlsaData, type Zone } from './helpers/dns-server.js';
import { startEngine, type EngineFixture } from './helpers/engine-fixture.js';
import { tempDir, testMessage } from './helpers/queue-fixture.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { waitUntil } from './helpers/wait.js';

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.reverse()) await c();
  closers = [];
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();

/** A test CA and a server certificate it issued for `names`; the server sends both (leaf first). */
async function certificates(names: string[]) {
  const ca = await generate([{ name: 'commonName', value: 'mailwarden test DANE CA' }], {
    keySize: 2048, algorithm: 'sha256',
    extensions: [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }],
  });
  const leaf = await generate([{ name: 'commonName', value: names[0]! }], {
    keySize: 2048, algorithm: 'sha256', ca: { key: ca.private, cert: ca.cert },
    extensions: [{ name: 'basicConstraints', cA: false }, { name: 'subjectAltName', altNames: names.map((value) => ({ type: 2, value })) }],
  });
  return { ca, leaf, chainPem: `${leaf.cert.trimEnd()}\n${ca.cert}`, leafX509: new X509Certificate(leaf.cert), caX509: new X509Certificate(ca.cert) };
}

/** MX, address and TLSA records of one test domain, all DNSSEC-validated unless said otherwise. */
function daneDomain(zone: Zone, domain: string, tlsa: TlsaData[] | 'servfail', port: number, secureTlsa = true): void {
  const mx = `mx.${domain}`;
  zone[domain] = { MX: [{ preference: 10, exchange: mx }], secure: true };
  zone[mx] = { A: ['127.0.0.1'], secure: true };
  zone[`_${port}._tcp.${mx}`] = tlsa === 'servfail' ? { servfail: true } : { TLSA: tlsa, secure: secureTlsa };
}

describe('DANE', () => {
  it('delivers only over TLS that matches the TLSA records, and defers everything else with the reason', async () => {
    const good = ['mx.ee.test', 'mx.ta.test', 'mx.insecure.test', 'mx.both.test', 'mta-sts.both.test', 'mail.hosted.test'];
    const { leaf, chainPem, leafX509, caX509, ca } = await certificates(good);
    const mx: Target = await startTarget({ starttls: true, tls: { key: leaf.private, cert: chainPem } });
    closers.push(mx.close);

    const spki = sha256(leafX509.publicKey.export({ type: 'spki', format: 'der' }));
    const zone: Zone = {};
    daneDomain(zone, 'ee.test', [{ usage: 3, selector: 1, matchingType: 1, certificate: spki }], mx.port);
    daneDomain(zone, 'ta.test', [{ usage: 2, selector: 0, matchingType: 1, certificate: sha256(caX509.raw) }], mx.port);
    // The CA is trusted for this MX, but the certificate it issued does not name mx.taname.test.
    daneDomain(zone, 'taname.test', [{ usage: 2, selector: 0, matchingType: 1, certificate: sha256(caX509.raw) }], mx.port);
    daneDomain(zone, 'mismatch.test', [{ usage: 3, selector: 1, matchingType: 1, certificate: Buffer.alloc(32, 7) }], mx.port);
    daneDomain(zone, 'bogus.test', 'servfail', mx.port);
    // Without the AD bit a TLSA answer proves nothing (an attacker could have written it): opportunistic TLS as usual.
    daneDomain(zone, 'insecure.test', [{ usage: 3, selector: 1, matchingType: 1, certificate: Buffer.alloc(32, 7) }], mx.port, false);
    // MTA-STS of both.test names another MX (enforce would refuse this one); its TLSA record matches: DANE decides.
    daneDomain(zone, 'both.test', [{ usage: 3, selector: 1, matchingType: 1, certificate: spki }], mx.port);
    zone['_mta-sts.both.test'] = { TXT: ['v=STSv1; id=20261205'] };
    zone['mta-sts.both.test'] = { A: ['127.0.0.1'] };
    // MX hosts that are aliases of a hosting provider's server (RFC 7672 §2.2.2): the TLSA records at the expanded
    // name count first (alias.test, whose certificate names only the provider's host), then those at the MX name
    // (alias2.test, where they do not match: deferred, so they were looked up).
    zone['alias.test'] = { MX: [{ preference: 10, exchange: 'mx.alias.test' }], secure: true };
    zone['mx.alias.test'] = { CNAME: 'mail.hosted.test', secure: true };
    zone['mail.hosted.test'] = { A: ['127.0.0.1'], secure: true };
    zone[`_${mx.port}._tcp.mail.hosted.test`] = { TLSA: [{ usage: 2, selector: 0, matchingType: 1, certificate: sha256(caX509.raw) }], secure: true };
    zone['alias2.test'] = { MX: [{ preference: 10, exchange: 'mx.alias2.test' }], secure: true };
    zone['mx.alias2.test'] = { CNAME: 'mail2.hosted.test', secure: true };
    zone['mail2.hosted.test'] = { A: ['127.0.0.1'], secure: true };
    zone[`_${mx.port}._tcp.mx.alias2.test`] = { TLSA: [{ usage: 3, selector: 1, matchingType: 1, certificate: Buffer.alloc(32, 7) }], secure: true };
    const dns = await startDns(zone, { truncateTlsa: true });
    closers.push(dns.close);

    const dir = tempDir();
    writeFileSync(join(dir, 'ca.pem'), ca.cert);
    const https: Server = createServer({ key: leaf.private, cert: chainPem }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('version: STSv1\nmode: enforce\nmx: mx.elsewhere.test\nmax_age: 86400\n');
    });
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => https.close(() => resolve())));

    const fx: EngineFixture = startEngine({
      dnsServers: [dns.server], mxPort: mx.port,
      mtaSts: { httpsPort: (https.address() as AddressInfo).port, caFile: join(dir, 'ca.pem') },
    });
    closers.push(fx.close);
    const ids: Record<string, string> = {};
    for (const d of ['ee', 'ta', 'taname', 'mismatch', 'bogus', 'insecure', 'both', 'alias', 'alias2']) {
      const m = testMessage([`someone@${d}.test`]);
      await fx.store.enqueue(m);
      ids[d] = m.id;
    }
    const status = (d: string) => fx.store.show(ids[d]!)!.recipientStatus[0]!;
    await waitUntil('every first attempt recorded', () => Object.keys(ids).every((d) => status(d).attempts > 0), 20_000);

    const delivered = mx.received.map((r) => r.rcptTo[0]).sort();
    expect(delivered).toEqual(['someone@alias.test', 'someone@both.test', 'someone@ee.test', 'someone@insecure.test', 'someone@ta.test']);
    expect(mx.received.every((r) => r.secure)).toBe(true);
    for (const d of ['taname', 'mismatch', 'bogus', 'alias2']) expect(status(d)).toMatchObject({ state: 'deferred', lastCode: null });
    expect(dns.asked).toContain(`_${mx.port}._tcp.mail.hosted.test TLSA tcp`);
    expect(status('alias2').lastReply).toMatch(/^451 4\.7\.5 DANE: .*no certificate of the chain matches the DANE-EE TLSA record/);
    expect(status('taname').lastReply).toMatch(/^451 4\.7\.5 DANE: .*mx\.taname\.test.*certificate is not for mx\.taname\.test/);
    expect(status('mismatch').lastReply).toMatch(/^451 4\.7\.5 DANE: .*no certificate of the chain matches the DANE-EE TLSA record/);
    expect(status('bogus').lastReply).toBe('451 4.7.5 DANE: no usable MX host for bogus.test: TLSA lookup for _' + mx.port + '._tcp.mx.bogus.test failed (ESERVFAIL)');
    // The TLSA answers were too large for UDP (TC bit): each was asked again over TCP.
    expect(dns.asked).toContain(`_${mx.port}._tcp.mx.ee.test TLSA tcp`);
  });

  it('an MX host with TLSA records but no STARTTLS is deferred, never sent to in plain text and never bounced', async () => {
    const plain: Target = await startTarget({ starttls: false });
    closers.push(plain.close);
    const { leafX509 } = await certificates(['mx.plain.test']);
    const zone: Zone = {};
    daneDomain(zone, 'plain.test', [{ usage: 3, selector: 1, matchingType: 1, certificate: sha256(leafX509.publicKey.export({ type: 'spki', format: 'der' })) }], plain.port);
    daneDomain(zone, 'unusable.test', [{ usage: 1, selector: 1, matchingType: 1, certificate: Buffer.alloc(32, 1) }], plain.port);
    const dns = await startDns(zone);
    closers.push(dns.close);
    const fx: EngineFixture = startEngine({ dnsServers: [dns.server], mxPort: plain.port });
    closers.push(fx.close);
    const m = testMessage(['someone@plain.test', 'other@unusable.test']);
    await fx.store.enqueue(m);
    await waitUntil('both attempts recorded', () => fx.store.show(m.id)!.recipientStatus.every((r) => r.attempts > 0));
    expect(plain.received).toEqual([]);
    for (const r of fx.store.show(m.id)!.recipientStatus) {
      // PKIX usages are not for SMTP: unusable.test still demands TLS, only without authentication (RFC 7672 §2.2).
      expect(r).toMatchObject({ state: 'deferred', lastCode: null });
      expect(r.lastReply).toMatch(/^451 4\.7\.5 DANE: TLS to mx\.(plain|unusable)\.test could not be authenticated/);
    }
  });
});
