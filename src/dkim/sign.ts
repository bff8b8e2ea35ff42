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
  return async (raw) => {
    if (!haveKeys()) return raw;
    const domain = fromDomain(raw);
    const key = domain ? keyFor(domain) : undefined;
    if (!key) return raw;
    const result = await dkimSign(raw, {
      canonicalization: 'relaxed/relaxed', algorithm: 'rsa-sha256',
      signatureData: [{ signingDomain: key.domain, selector: key.selector, privateKey: key.privateKey }],
    } as Parameters<typeof dkimSign>[1]);
    const err = result.errors[0];
    if (err || !result.signatures) {
      onError(err ?? new Error('no signature made'), domain); // unsigned mail still beats undelivered mail
      return raw;
    }
    return Buffer.concat([Buffer.from(result.signatures), raw]);
  };
}
