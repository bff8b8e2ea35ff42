import { createHash, X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkChain, usableTlsa, type TlsaRecord } from './tlsa.js';

const hex = (b: Buffer, algo?: 'sha256' | 'sha512') => (algo ? createHash(algo).update(b).digest('hex') : b.toString('hex'));
const spki = (c: X509Certificate) => c.publicKey.export({ type: 'spki', format: 'der' });

let ca: X509Certificate;
let leaf: X509Certificate;
let expired: X509Certificate;
let stranger: X509Certificate;

beforeAll(async () => {
  const caPems = await generate([{ name: 'commonName', value: 'unit CA' }], {
    keySize: 2048, algorithm: 'sha256', extensions: [{ name: 'basicConstraints', cA: true }, { name: 'keyUsage', keyCertSign: true }],
  });
  const issue = (notAfterDate?: Date) => generate([{ name: 'commonName', value: 'mx.example.net' }], {
    keySize: 2048, algorithm: 'sha256', ca: { key: caPems.private, cert: caPems.cert },
    ...(notAfterDate ? { notBeforeDate: new Date(notAfterDate.getTime() - 86_400_000), notAfterDate } : {}),
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'mx.example.net' }] }],
  });
  ca = new X509Certificate(caPems.cert);
  leaf = new X509Certificate((await issue()).cert);
  expired = new X509Certificate((await issue(new Date(Date.now() - 30 * 86_400_000))).cert);
  stranger = new X509Certificate((await generate([{ name: 'commonName', value: 'mx.example.net' }], { keySize: 2048, algorithm: 'sha256' })).cert);
});

const policy = (tlsa: TlsaRecord[]) => ({ tlsa, names: ['mx.example.net'] });
/** Read after the certificates were made: they are valid from the second they were issued. */
let now: Date;
beforeAll(() => { now = new Date(); });

describe('TLSA records (RFC 7672)', () => {
  it('keeps only DANE-TA and DANE-EE records that can match something', () => {
    const records: TlsaRecord[] = [
      { usage: 0, selector: 0, matchingType: 1, data: 'aa'.repeat(32) }, // PKIX-TA: not for SMTP
      { usage: 1, selector: 1, matchingType: 1, data: 'aa'.repeat(32) }, // PKIX-EE: not for SMTP
      { usage: 3, selector: 1, matchingType: 1, data: 'aa'.repeat(31) }, // a SHA-256 digest one byte short
      { usage: 3, selector: 2, matchingType: 1, data: 'aa'.repeat(32) }, // no such selector
      { usage: 3, selector: 1, matchingType: 2, data: 'bb'.repeat(64) },
      { usage: 2, selector: 0, matchingType: 0, data: 'cc' },
    ];
    expect(usableTlsa(records)).toEqual(records.slice(4));
  });

  it('DANE-EE binds the server key or certificate itself: no name, issuer or date checks', () => {
    expect(checkChain([leaf.raw], policy([{ usage: 3, selector: 1, matchingType: 1, data: hex(spki(leaf), 'sha256') }]), now)).toBeNull();
    expect(checkChain([leaf.raw], policy([{ usage: 3, selector: 0, matchingType: 2, data: hex(leaf.raw, 'sha512') }]), now)).toBeNull();
    expect(checkChain([leaf.raw], policy([{ usage: 3, selector: 0, matchingType: 0, data: hex(leaf.raw) }]), now)).toBeNull();
    expect(checkChain([expired.raw], policy([{ usage: 3, selector: 1, matchingType: 1, data: hex(spki(expired), 'sha256') }]), now)).toBeNull();
    expect(checkChain([stranger.raw], policy([{ usage: 3, selector: 1, matchingType: 1, data: hex(spki(leaf), 'sha256') }]), now))
      .toBe('no certificate of the chain matches the DANE-EE TLSA record');
  });

  it('DANE-TA needs the leaf to chain to the anchor, carry the MX name and be within its dates', () => {
    const ta = [{ usage: 2, selector: 1, matchingType: 1, data: hex(spki(ca), 'sha256') }];
    expect(checkChain([leaf.raw, ca.raw], policy(ta), now)).toBeNull();
    expect(checkChain([leaf.raw, ca.raw], { tlsa: ta, names: ['mx.other.net'] }, now)).toMatch(/^the certificate is not for mx\.other\.net/);
    expect(checkChain([expired.raw, ca.raw], policy(ta), now)).toMatch(/^the certificate is not valid now/);
    // A certificate the anchor did not sign, sent beside the anchor, is not vouched for by it.
    expect(checkChain([stranger.raw, ca.raw], policy(ta), now)).toBe('no certificate of the chain matches the DANE-TA TLSA record');
    // The anchor missing from the chain: only a record that carries the whole certificate can stand in for it.
    expect(checkChain([leaf.raw], policy(ta), now)).toBe('no certificate of the chain matches the DANE-TA TLSA record');
    expect(checkChain([leaf.raw], policy([{ usage: 2, selector: 0, matchingType: 0, data: hex(ca.raw) }]), now)).toBeNull();
  });

  it('with only unusable records TLS is required but not authenticated; no certificate at all fails', () => {
    expect(checkChain([stranger.raw], policy([]), now)).toBeNull();
    expect(checkChain([], policy([{ usage: 3, selector: 1, matchingType: 1, data: hex(spki(leaf), 'sha256') }]), now)).toBe('the server sent no certificate');
  });
});
