// What DANE asks of one MX host (RFC 7672 §2.2): its TLSA records at _PORT._tcp.HOST, used only when the answer is
// DNSSEC-validated. A secure "no such record" means no DANE for that host; a lookup that fails (SERVFAIL is how a
// validating resolver reports a forged or broken signature) makes the host unusable, since an attacker who can
// break the lookup must not be able to turn authenticated TLS into plain text.
import type { SecureDns } from './secure-dns.js';
import { usableTlsa, type DanePolicy, type TlsaRecord } from './tlsa.js';

export type HostDane =
  | { kind: 'none' }
  | { kind: 'dane'; policy: DanePolicy }
  | { kind: 'unusable'; reason: string };

export async function daneForHost(dns: SecureDns, host: string, port: number): Promise<HostDane> {
  const name = `_${port}._tcp.${host}`;
  let answer;
  try {
    answer = await dns.query(name, 'TLSA');
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'error';
    return { kind: 'unusable', reason: `TLSA lookup for ${name} failed (${code})` };
  }
  if (!answer.secure || answer.records.length === 0) return { kind: 'none' };
  const tlsa: TlsaRecord[] = answer.records.flatMap((a) => {
    if (a.type !== 'TLSA') return [];
    const { usage, selector, matchingType, certificate } = a.data;
    return [{ usage, selector, matchingType, data: certificate.toString('hex') }];
  });
  return { kind: 'dane', policy: { tlsa: usableTlsa(tlsa), names: [host.replace(/\.$/, '').toLowerCase()] } };
}
