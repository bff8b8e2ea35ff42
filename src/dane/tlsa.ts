// DANE for SMTP (RFC 7672): which TLSA records a client may use, and whether the certificate chain an MX host presents
// matches them. Pure functions over DER bytes; node:crypto's X509Certificate does the parsing and the signatures.
//
// Written here rather than taken from a library: no maintained npm package verifies a TLS peer against TLSA records
// (the DANE code of the field lives inside Postfix, Exim and OpenSSL's SSL_dane_* API, which Node does not expose).
import { createHash, X509Certificate } from 'node:crypto';

/** One TLSA record as it crosses to the delivery thread (plain data: the association is hex). */
export interface TlsaRecord {
  /** 0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE (RFC 6698 §2.1.1). */
  usage: number;
  /** 0 the whole certificate, 1 its SubjectPublicKeyInfo. */
  selector: number;
  /** 0 the bytes themselves, 1 SHA2-256, 2 SHA2-512. */
  matchingType: number;
  data: string;
}

/**
 * What DANE asks of one MX host: TLS always; with usable records, a chain that matches one of them. An empty list
 * (every record unusable) still means TLS is mandatory, only unauthenticated (RFC 7672 §2.2).
 */
export interface DanePolicy {
  tlsa: TlsaRecord[];
  /** Names a DANE-TA chain's server certificate may carry: the MX host name (RFC 7672 §3.2.2). */
  names: string[];
}

const DANE_TA = 2;
const DANE_EE = 3;

/**
 * RFC 7672 §3.1.3: PKIX-TA and PKIX-EE are not for SMTP (no shared trust anchors among MTAs); a record with an unknown
 * selector or matching type, or a digest of the wrong length, cannot match anything either.
 */
export function usableTlsa(records: readonly TlsaRecord[]): TlsaRecord[] {
  const lengths: Record<number, number | undefined> = { 1: 64, 2: 128 };
  return records.filter((r) =>
    (r.usage === DANE_TA || r.usage === DANE_EE) && (r.selector === 0 || r.selector === 1)
    && (r.matchingType === 0 ? r.data.length > 0 : r.data.length === lengths[r.matchingType]));
}

function selected(cert: X509Certificate, selector: number): Buffer {
  return selector === 0 ? cert.raw : cert.publicKey.export({ type: 'spki', format: 'der' });
}

function matches(cert: X509Certificate, r: TlsaRecord): boolean {
  const bytes = selected(cert, r.selector);
  const seen = r.matchingType === 0 ? bytes.toString('hex')
    : createHash(r.matchingType === 1 ? 'sha256' : 'sha512').update(bytes).digest('hex');
  return seen === r.data.toLowerCase();
}

/** Whether `child` was issued and signed by `issuer`. */
function signedBy(child: X509Certificate, issuer: X509Certificate): boolean {
  return child.checkIssued(issuer) && child.verify(issuer.publicKey);
}

/**
 * Why the chain does not satisfy the policy, or null when it does. `chain` is the server's certificates as sent,
 * leaf first (DER). DANE-EE binds the leaf itself: no name or date checks (RFC 7672 §3.1.1). DANE-TA names a trust
 * anchor, in the chain or given whole in the record (RFC 7671 §5.2.2); the leaf must chain up to it, be within its
 * dates and carry the MX host's name (RFC 7672 §3.1.2).
 */
export function checkChain(chain: readonly Buffer[], policy: DanePolicy, now: Date): string | null {
  const usable = usableTlsa(policy.tlsa);
  if (usable.length === 0) return null; // TLS was required; nothing authenticates it
  if (chain.length === 0) return 'the server sent no certificate';
  const certs = chain.map((der) => new X509Certificate(der));
  const leaf = certs[0]!;
  if (usable.some((r) => r.usage === DANE_EE && matches(leaf, r))) return null;

  const taRecords = usable.filter((r) => r.usage === DANE_TA);
  if (taRecords.length > 0) {
    const anchors = [
      ...certs.filter((c) => taRecords.some((r) => matches(c, r))),
      ...taRecords.filter((r) => r.selector === 0 && r.matchingType === 0).map((r) => new X509Certificate(Buffer.from(r.data, 'hex'))),
    ];
    const anchored = anchors.length > 0 && chainsTo(leaf, certs.slice(1), anchors);
    if (anchored) {
      if (now < new Date(leaf.validFrom) || now > new Date(leaf.validTo)) return `the certificate is not valid now (valid ${leaf.validFrom} to ${leaf.validTo})`;
      if (!policy.names.some((n) => leaf.checkHost(n) !== undefined)) return `the certificate is not for ${policy.names.join(' or ')} (subject ${leaf.subject.replace(/\n/g, ', ')})`;
      return null;
    }
  }
  const kinds = [...new Set(usable.map((r) => (r.usage === DANE_EE ? 'DANE-EE' : 'DANE-TA')))].join(' and ');
  return `no certificate of the chain matches the ${kinds} TLSA record${usable.length > 1 ? 's' : ''}`;
}

/** Walk from the leaf through the intermediates the server sent until a certificate signed by an anchor. */
function chainsTo(leaf: X509Certificate, intermediates: readonly X509Certificate[], anchors: readonly X509Certificate[]): boolean {
  let current = leaf;
  const unused = [...intermediates];
  for (let depth = 0; depth <= intermediates.length; depth++) {
    if (anchors.some((a) => a.raw.equals(current.raw) || signedBy(current, a))) return true;
    const next = unused.findIndex((c) => signedBy(current, c));
    if (next < 0) return false;
    current = unused.splice(next, 1)[0]!;
  }
  return false;
}
