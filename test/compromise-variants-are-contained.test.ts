// Scenario: a hijacked login sends phishing in five ways (one identity in a burst, a new identity header per message,
// spread over 50 identities of the login, one phishing link inside the identity's ordinary mail all day, a slow drip
// over a day) while the login's other identities and its newsletter go on as usual. A smaller version of
// `npm run sim:compromise`, against the relay's own policy on a simulated clock; the floors are the issue's.
import { describe, expect, it } from 'vitest';
import { meetsFloors, runVariant, variantLine } from '../scripts/sim-compromise/engine.js';
import { VARIANTS } from '../scripts/sim-compromise/world.js';

describe('every way of sending from a hijacked login is contained', () => {
  it.each(VARIANTS)('%s: at most 25 spam messages delivered, no legitimate message held or refused', async (variant) => {
    const v = await runVariant({ seed: 7, variant, identities: 30, historyDays: 4, newsletter: 200, spam: 150, spamMinutes: 10 });
    expect(v.spam).toBeGreaterThanOrEqual(150);
    expect(v.legit).toBeGreaterThan(200);
    expect(v.spamDelivered, variantLine(v)).toBeLessThanOrEqual(25);
    expect(v.legitHeld + v.legitRefused, variantLine(v)).toBe(0);
    expect(meetsFloors(v)).toBe(true);
    // The first stop says why in words: a refusal names its id, a hold its evidence.
    expect(v.firstStop).toMatch(/\(ref \w+\)|held: /);
  });
});
