// DKIM signing at delivery time (RFC 6376), with mailauth, by the active key of the domain in the message's From:
// (the domain DMARC aligns with), or of its nearest parent domain that has one. Mail of a domain without a key
// leaves unsigned. Signing at delivery rather than at accept keeps the work off the path a client waits on for its
// 250, makes a rotation apply to mail already queued, and costs nothing for domains without keys; a retry signs again,
// which is rare.
import addressparser from 'nodemailer/lib/addressparser/index.js';
import { dkimSign } from 'mailauth/lib/dkim/sign.js';
import { fieldValue, messageHeader } from '../shared/mime/header.js';
import { activeKey, listKeys, type DkimKey } from './keys.js';

export type Signer = (raw: Buffer) => Promise<Buffer>;

/** How long a domain's key (or its absence) is remembered before the key folder is read again. */
const CACHE_MS = 10_000;

/** The domain of the (first) From: address, lower-case; '' when there is none. */
export function fromDomain(raw: Buffer): string {
  const from = fieldValue(messageHeader(raw), 'from') ?? '';
  const address = addressparser(from, { flatten: true })[0]?.address ?? '';
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

export function createSigner(dir: string, onError: (err: Error, domain: string) => void): Signer {
  const cache = new Map<string, { key: DkimKey | undefined; at: number }>();
  // Without any key the From: header is not even parsed: a relay that signs nothing pays nothing per message.
  let anyKey = { found: false, at: -Infinity };
  function haveKeys(): boolean {
    const now = performance.now();
    if (now - anyKey.at >= CACHE_MS) anyKey = { found: listKeys(dir).some((k) => k.active), at: now };
    return anyKey.found;
  }
  function keyFor(domain: string): DkimKey | undefined {
    const now = performance.now();
    const cached = cache.get(domain);
    if (cached && now - cached.at < CACHE_MS) return cached.key;
    const labels = domain.split('.');
    let key: DkimKey | undefined;
    for (let i = 0; !key && i < labels.length - 1; i++) key = activeKey(dir, labels.slice(i).join('.'));
    cache.set(domain, { key, at: now });
    return key;
  }
  // Unsigned mail still beats undelivered mail: whatever goes wrong (a key file that is no key, a folder that cannot
  // be read), the message leaves unsigned and the operator is told why. The delivery engine awaits this promise
  // without a catch of its own, so it must never reject.
  return async (raw) => {
    let domain = '';
    try {
      if (!haveKeys()) return raw;
      domain = fromDomain(raw);
      const key = domain ? keyFor(domain) : undefined;
      if (!key) return raw;
      const result = await dkimSign(raw, {
        canonicalization: 'relaxed/relaxed', algorithm: 'rsa-sha256',
        signatureData: [{ signingDomain: key.domain, selector: key.selector, privateKey: key.privateKey }],
      } as Parameters<typeof dkimSign>[1]);
      // mailauth reports a failed signature as { selector, signingDomain, err }: the Error is inside
      const failure = result.errors[0] as { err?: unknown; selector?: string } | undefined;
      if (failure || !result.signatures) {
        onError(signingError(failure, key.selector), domain);
        return raw;
      }
      return Buffer.concat([Buffer.from(result.signatures), raw]);
    } catch (err) {
      onError(err instanceof Error ? err : new Error(String(err)), domain);
      return raw;
    }
  };
}

/** A readable error for a signature mailauth could not make ('key "s1" could not sign: error:1E08010C:DECODER …'). */
function signingError(failure: { err?: unknown } | undefined, selector: string): Error {
  if (!failure) return new Error('no signature made');
  const err = failure.err;
  const said = err instanceof Error ? err.message : typeof err === 'object' && err !== null ? JSON.stringify(err) : String(err);
  return new Error(`key "${selector}" could not sign: ${said}`);
}
