// `mailwarden demo`, shortened: the same simulated hosting server, one sender hijacked, run once with the relay's
// protection and once without. With it the hijacked identity is suspended and every source IP stays clean at every
// simulated provider; without it the providers block the IPs, and the relay's route reactions name the hijacked
// sender as the main suspect. (`mailwarden demo` runs for a minute.)
import { describe, expect, it } from 'vitest';
import { reportLines } from '../src/demo/report.js';
import { runDemo, type DemoResult } from '../src/demo/run.js';

const quiet = { news: () => {}, tally: () => {} };
// 300 senders as in the full demo: only at that density do the ordinary senders' look-alike messages (many shops of
// one hosting login send the same order mail) add up to campaign counts, which must not stop them.
const run = (protection: boolean): Promise<DemoResult> => runDemo({ senders: 300, seconds: 15, protection, seed: 1, addresses: 3 }, quiet);

describe('mailwarden demo', () => {
  it('with protection: the hijacked sender is suspended and no IP ends blocked', async () => {
    const r = await run(true);
    expect(r.suspendedAt).toBeDefined();
    expect(r.suspension).toContain('[MW-SUSPENDED]');
    expect(r.suspendedAfter).toBeLessThan(r.hijackedSubmitted);
    expect(r.addresses.filter((a) => a.blockedBy.length > 0)).toEqual([]);
    expect(r.innocentStopped).toBe(0);
    expect(r.innocentDelivered).toBe(r.innocentAccepted); // the others' mail went out
    expect(reportLines(r).join('\n')).toMatch(/suspended at .* after \d+[\s\S]*no IP is blocked by any provider/);
  });

  it('without protection: the providers block the IPs, and the relay pauses them naming the hijacked sender', async () => {
    const r = await run(false);
    expect(r.suspendedAt).toBeUndefined();
    expect(r.addresses.filter((a) => a.blockedBy.length > 0).length).toBeGreaterThan(0);
    expect(r.innocentDelivered).toBeLessThan(r.innocentAccepted); // the blocks hold up everyone's mail
    expect(r.reactions.some((line) => line.includes('paused') && line.includes(`main suspect ${r.hijacked}`))).toBe(true);
  });
});
