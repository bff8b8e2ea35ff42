// Copies of one campaign, personalised per recipient, get nearby fingerprints; unrelated messages do not.
import { describe, expect, it } from 'vitest';
import { compose } from '../../../test/helpers/compose.js';
import { contentFingerprint, fingerprintDistance } from './fingerprint.js';

const campaign = (name: string, order: number) =>
  compose({
    to: `${name.toLowerCase()}@example.org`,
    subject: `Your order ${order} is waiting`,
    text:
      `Dear ${name},\n\nyour parcel ${order} could not be delivered because the customs fee is unpaid. ` +
      'Pay the fee today at the link below to release your parcel, otherwise it returns to the sender. ' +
      `Track it here: https://parcel-release.example/track?id=${order}&u=${name}\n\nCustomer service\n`,
  });

describe('contentFingerprint', () => {
  it('is stable and 64 bits of hex', async () => {
    const raw = await campaign('Bob', 1001);
    expect(contentFingerprint(raw)).toMatch(/^[0-9a-f]{16}$/);
    expect(contentFingerprint(raw)).toBe(contentFingerprint(Buffer.from(raw)));
  });

  it('puts personalised copies of a campaign close together and other mail far away', async () => {
    const a = contentFingerprint(await campaign('Bob', 1001));
    const b = contentFingerprint(await campaign('Carol', 77342));
    const other = contentFingerprint(await compose());
    expect(fingerprintDistance(a, b)).toBeLessThanOrEqual(6);
    expect(fingerprintDistance(a, other)).toBeGreaterThan(16);
  });
});
