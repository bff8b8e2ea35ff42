// Acceptance: Gmail answers a message with its real rate-limit text (421 4.7.28). The route from that IP to Google
// is slowed (the rate it admits halves) and climbs back over the recovery minutes. The rate is measured as messages
// the route admits per simulated minute, offered one a second, on the engine's own clock (no waiting).
import { afterEach, describe, expect, it } from 'vitest';
import { admittedInAMinute, startRoutedEngine, type RoutingFixture } from './helpers/routing-fixture.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { testMessage } from './helpers/queue-fixture.js';
import { waitUntil } from './helpers/wait.js';

const GMAIL_4728 = {
  code: 421,
  text: '4.7.28 [127.0.0.2] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited.',
};

let fx: RoutingFixture | undefined;
let gmail: Target | undefined;
afterEach(async () => {
  await fx?.close();
  await gmail?.close();
});


describe('a rate-limit reply', () => {
  it('slows the route down, then lets it recover gradually', async () => {
    gmail = await startTarget({ data: (n) => (n === 1 ? GMAIL_4728 : null) });
    fx = startRoutedEngine({
      pools: { default: [{ address: '127.0.0.2', ehlo: 'a.relay.test' }] },
      routes: { 'gmail.com': `127.0.0.1:${gmail.port}` },
      shaping: { google: { messagesPerMinute: 60 } },
      reactions: { recoveryMinutes: 4 },
    });
    const before = admittedInAMinute(fx, 'google');

    const m = testMessage(['frank@gmail.com']);
    await fx.store.enqueue(m);
    await waitUntil('the slowdown', () => fx!.routes.all().length > 0);
    expect(fx.routes.all()[0]).toMatchObject({ source: '127.0.0.2', provider: 'google', status: 'slowed', rate: 30, ceiling: 60 });
    await waitUntil('the deferral recorded', () => fx!.store.timeline(m.id).some((e) => e.type === 'deferred'));
    expect(fx.store.timeline(m.id).find((e) => e.type === 'route-slowed')).toMatchObject({
      recipient: 'frank@gmail.com', data: { source: '127.0.0.2', provider: 'google', rate: 30 },
    });

    const during = [admittedInAMinute(fx, 'google'), admittedInAMinute(fx, 'google'), admittedInAMinute(fx, 'google'), admittedInAMinute(fx, 'google'), admittedInAMinute(fx, 'google')];
    process.stdout.write(`admitted per minute: before ${before}, after the 421 4.7.28 ${during.join(', ')}\n`);
    expect(during[0]).toBeLessThan(before * 0.6);
    for (let i = 1; i < during.length; i++) expect(during[i]).toBeGreaterThanOrEqual(during[i - 1]!);
    expect(during.at(-1)).toBe(before); // back to the configured limit

    // The message deferred by the 421 goes out on its retry.
    fx.clock.now += 60 * 60_000;
    fx.engine.poll();
    await gmail.waitFor(1);
  });
});
