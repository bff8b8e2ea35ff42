// The trace header stamped on every message we accept: `<queue id>; <account/sub>; <hmac>`, and on each copy sent to
// one recipient `<queue id>; <account/sub>; <recipient>; <hmac>` (stampRecipient, at delivery). Complaints (ARF) and
// late bounces quote our headers back; the HMAC lets the feedback stage trust the identity and the recipient it reads
// there, and reject a forged or altered trace (a spammer copying our header onto other mail to blame someone else).
// Both forms verify: mail queued before the recipient was added, and mail sent to several recipients in one
// transaction, keeps the short form.
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

/** Percent-encoded like the identity ('@' kept for the reader's sake): no ';' or white space can end the field. */
const recipientText = (rcpt: string) => encodeURIComponent(rcpt.toLowerCase()).replace(/%40/g, '@');

/**
 * Over the fields as written. Neither the identity nor the recipient text can hold ';', so the short form's MAC can
 * never stand for a long form's, nor the other way round.
 */
function mac(queueId: string, ident: string, rcpt: string, secret: string): string {
  return traceHmac(rcpt ? `${queueId};${ident};${rcpt}` : `${queueId};${ident}`, secret);
}

/** The header's value (without the name); with `rcpt`, the copy for that one recipient. */
export function traceValue(queueId: string, identity: Pick<SenderIdentity, 'account' | 'sub'>, secret: string, rcpt = ''): string {
  const ident = identityText(identity);
  const r = rcpt ? recipientText(rcpt) : '';
  return `${queueId}; ${ident}; ${r ? `${r}; ` : ''}${mac(queueId, ident, r, secret)}`;
}

/**
 * The copy of a message for one recipient, its trace header naming that recipient (a provider that redacts the
 * complainer and rewrites the return path still gives it back to us). Our header is the only one of its name (the
 * accept stage removes a client's); a message without one (our own DSNs) is returned as it is. DKIM does not sign
 * this header (it is not among the fields mailauth signs), so it may change after the signature.
 */
export function stampRecipient(raw: Buffer, header: string, queueId: string, identity: Pick<SenderIdentity, 'account' | 'sub'>, rcpt: string, secret: string): Buffer {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, end < 0 ? Math.min(raw.length, 65_536) : end + 2).toString('latin1');
  const line = new RegExp(`^${header.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:[^\r\n]*\r\n`, 'im').exec(head);
  if (!line) return raw;
  const stamped = Buffer.from(`${header}: ${traceValue(queueId, identity, secret, rcpt)}\r\n`, 'latin1');
  return Buffer.concat([raw.subarray(0, line.index), stamped, raw.subarray(line.index + line[0].length)]);
}

export type TraceCheck =
  /** `recipient`: '' in the short form (several recipients, or mail stamped before the recipient was signed). */
  | { kind: 'valid'; queueId: string; account: string; sub: string; recipient: string }
  | { kind: 'not-trace' } // not of our format at all
  | { kind: 'forged'; queueId: string }; // our format, but the HMAC does not match

/** Verify a trace header value (with or without the `Name:` prefix). */
export function verifyTrace(header: string, secret: string): TraceCheck {
  const value = header.replace(/^[\w-]+:\s*/, '').replace(/\s+/g, ' ').trim();
  const m = /^([0-9A-Z]{10,40}); ([^;/\s]+)(?:\/([^;\s]+))?; (?:([^;\s]+); )?([0-9a-f]+)$/.exec(value);
  if (!m) return { kind: 'not-trace' };
  const [, queueId = '', account = '', sub = '', rcpt = '', given = ''] = m;
  const expected = mac(queueId, sub ? `${account}/${sub}` : account, rcpt, secret);
  if (!sameMac(given, expected)) return { kind: 'forged', queueId };
  try {
    return { kind: 'valid', queueId, account: decodeURIComponent(account), sub: decodeURIComponent(sub), recipient: decodeURIComponent(rcpt) };
  } catch {
    return { kind: 'forged', queueId }; // a matching MAC over undecodable text cannot come from us
  }
}
