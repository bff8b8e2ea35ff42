// Scenario: one sender identity under a shared login is taken over and blasts spam while a newsletter goes out from
// the same login at its usual time. The hijacked identity is stopped after a handful of messages, and no legitimate
// message is delayed or refused. A smaller version of `npm run sim:compromise`, over real SMTP; the script checks
// several seeds at full size.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../scripts/sim-compromise/scenario.js';

describe('a compromised identity is stopped before its spam leaves', () => {
  // About 20 s alone; on a machine shared with other work it has taken over the default minute.
  it.each([11])('seed %i: <= 25 spam messages leave, no legitimate message delayed or refused', { timeout: 180_000 }, async (seed) => {
    const r = await runScenario({ seed, identities: 30, historyDays: 7, newsletter: 300, spam: 500, spamMinutes: 10, concurrency: 4 });
    expect(r.stoppedAfter).toBeGreaterThan(0);
    expect(r.spamLeft).toBeLessThanOrEqual(25);
    expect(r.spamLeft + r.spamHeld + r.spamRefused + r.spamDeferred).toBe(500);
    expect(r.legitDelayed).toBe(0);
    expect(r.legitRefused).toBe(0);
    expect(r.suspensionReason).toContain('[MW-SUSPENDED]');
  });
});
