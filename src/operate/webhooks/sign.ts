// Webhook signatures: HMAC-SHA256 over "<unix seconds>.<body>", sent as `X-Mailwarden-Signature: t=<seconds>,v1=<hex>`
// (the scheme Stripe made familiar). The timestamp is inside the MAC, so a receiver that refuses old timestamps
// cannot be fed a recorded delivery again.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-mailwarden-signature';

export function sign(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** For receivers (and tests): true when the header is a valid signature of `body` no older than `toleranceS`. */
export function verifySignature(secret: string, body: string, header: string, nowSeconds: number, toleranceS = 300): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(nowSeconds - t) > toleranceS) return false;
  const expected = Buffer.from(sign(secret, body, t).slice(`t=${t},v1=`.length), 'hex');
  return timingSafeEqual(expected, Buffer.from(m[2]!, 'hex'));
}
