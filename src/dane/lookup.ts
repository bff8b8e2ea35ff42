// What DANE asks of one MX host (RFC 7672 §2.2): its TLSA records at _PORT._tcp.HOST, used only when the answer is
// DNSSEC-validated. A secure "no such record" means no DANE for that host; a lookup that fails (SERVFAIL is how a
// validating resolver reports a forged or broken signature) makes the host unusable, since an attacker who can
// break the lookup must not be able to turn authenticated TLS into plain text.
// An MX host that is an alias (RFC 7672 §2.2.2): when its CNAME chain is validated, the TLSA records are looked for
// at the fully expanded name first (the "TLSA base domain", where a hosting provider publishes them for all its
// customers' aliases), then at the MX host name; both names may then be named by the certificate.
import { bareName, type SecureDns } from './secure-dns.js';
import { usableTlsa, type DanePolicy, type TlsaRecord } from './tlsa.js';

export type HostDane =
  | { kind: 'none' }
  | { kind: 'dane'; policy: DanePolicy }
  | { kind: 'unusable'; reason: string };

/** `expanded`: where the host's validated CNAME chain ends, when it is an alias (null otherwise). */
export async function daneForHost(dns: SecureDns, host: string, port: number, expanded: string | null): Promise<HostDane> {
  const name = bareName(host);
  const names = expanded ? [name, expanded] : [name];
  for (const base of expanded ? [expanded, name] : [name]) {
    const found = await tlsaAt(dns, `_${port}._tcp.${base}`, names);
    if (found.kind !== 'none') return found;
  }
  return { kind: 'none' };
}

async function tlsaAt(dns: SecureDns, name: string, names: string[]): Promise<HostDane> {
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
  return { kind: 'dane', policy: { tlsa: usableTlsa(tlsa), names } };
}
