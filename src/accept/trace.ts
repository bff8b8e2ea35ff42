// The trace header stamped on every message we accept: `<queue id>; <account/sub>; <hmac>`. Complaints (ARF) and late
// bounces quote our headers back; the HMAC lets the feedback stage trust the identity it reads there, and reject a
// forged or altered trace (a spammer copying our header onto other mail to blame someone else).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SenderIdentity } from '../shared/types.js';

/** 128 bits of HMAC-SHA256, hex: enough against forgery, short enough for one header line. */
const MAC_HEX_LENGTH = 32;

/** Account and sub are percent-encoded, so '/', ';' and non-ASCII in a header-derived sub cannot break the format. */
function identityText(identity: Pick<SenderIdentity, 'account' | 'sub'>): string {
  const account = encodeURIComponent(identity.account);
  return identity.sub ? `${account}/${encodeURIComponent(identity.sub)}` : account;
}

/** HMAC-SHA256 of `text`, hex, cut to `hexLength`: the one signing helper of everything the relay traces. */
export function traceHmac(text: string, secret: string, hexLength = MAC_HEX_LENGTH): string {
  return createHmac('sha256', secret).update(text).digest('hex').slice(0, hexLength);
}

/** Compares two MACs in constant time (a length mismatch is no match). */
export function sameMac(given: string, expected: string): boolean {
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

function mac(queueId: string, ident: string, secret: string): string {
  return traceHmac(`${queueId};${ident}`, secret);
}

/** The header's value (without the name). */
export function traceValue(queueId: string, identity: Pick<SenderIdentity, 'account' | 'sub'>, secret: string): string {
  const ident = identityText(identity);
  return `${queueId}; ${ident}; ${mac(queueId, ident, secret)}`;
}

export type TraceCheck =
  | { kind: 'valid'; queueId: string; account: string; sub: string }
  | { kind: 'not-trace' } // not of our format at all
  | { kind: 'forged'; queueId: string }; // our format, but the HMAC does not match

/** Verify a trace header value (with or without the `Name:` prefix). */
export function verifyTrace(header: string, secret: string): TraceCheck {
  const value = header.replace(/^[\w-]+:\s*/, '').replace(/\s+/g, ' ').trim();
  const m = /^([0-9A-Z]{10,40}); ([^;/\s]+)(?:\/([^;\s]+))?; ([0-9a-f]+)$/.exec(value);
  if (!m) return { kind: 'not-trace' };
  const [, queueId = '', account = '', sub = '', given = ''] = m;
  const expected = mac(queueId, sub ? `${account}/${sub}` : account, secret);
  if (!sameMac(given, expected)) return { kind: 'forged', queueId };
  try {
    return { kind: 'valid', queueId, account: decodeURIComponent(account), sub: decodeURIComponent(sub) };
  } catch {
    return { kind: 'forged', queueId }; // a matching MAC over undecodable text cannot come from us
  }
}
