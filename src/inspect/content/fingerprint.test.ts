// Copies of one campaign, personalised per recipient, mostly share a fingerprint; unrelated messages do not.
import { describe, expect, it } from 'vitest';
import { compose } from '../../../test/helpers/compose.js';
import { contentFingerprint, textFingerprint } from './fingerprint.js';

const campaign = (name: string, order: number) =>
  compose({
    to: `${name.toLowerCase()}@example.org`,
    subject: `Your order ${order} is waiting`,
    text:
      `Dear ${name},\n\nyour parcel ${order} could not be delivered because the customs fee is unpaid. ` +
      'Pay the fee today at the link below to release your parcel, otherwise it returns to the sender. ' +
      `Track it here: https://parcel-release.example/track?id=${order}&u=${name}\n\nCustomer service\n`,
  });

const phish = (name: string, ref: number) =>
  `Dear ${name}, we detected an unusual sign-in attempt on your account and limited access to protect your funds. ` +
  `Verify your identity within 24 hours with reference ${ref} at http://verify.example.test/login?ref=${ref * 7} ` +
  'or your account will be suspended and pending payments cancelled. Security Department';

describe('content fingerprint', () => {
  it('is stable, 64 bits of hex, and empty for bytes that are no message', async () => {
    const raw = await campaign('Bob', 1001);
    expect(contentFingerprint(raw)).toMatch(/^[0-9a-f]{16}$/);
    expect(contentFingerprint(raw)).toBe(contentFingerprint(Buffer.from(raw)));
    expect(contentFingerprint(Buffer.from('\x00\x01 not mail'))).toBe('');
  });

  it('gives personalised copies of a campaign the same fingerprint and other mail another', async () => {
    const a = contentFingerprint(await campaign('Bob', 1001));
    expect(contentFingerprint(await campaign('Carol', 77342))).toBe(a);
    expect(contentFingerprint(await compose())).not.toBe(a);
  });

  it('ignores numbers and link paths, so merge fields of one template mostly keep the fingerprint', () => {
    expect(textFingerprint(phish('anna', 123456))).toBe(textFingerprint(phish('anna', 987654)));
    const names = ['anna', 'ben', 'chloe', 'david', 'elif', 'farid', 'grace', 'hugo', 'ines', 'jonas'];
    const same = names.filter((n) => textFingerprint(phish(n, 1)) === textFingerprint(phish('anna', 1))).length;
    expect(same).toBeGreaterThanOrEqual(6);
  });

  it('tells different texts apart and gives nothing for a text too short to judge', () => {
    expect(textFingerprint("The minutes of Tuesday's meeting are attached; the budget item moves to next week.")).not.toBe(textFingerprint(phish('anna', 1)));
    expect(textFingerprint('ok thanks')).toBe('');
  });
});
