// Acceptance: a failure that is about one recipient (a full mailbox, a mailbox that does not exist) is that
// recipient's problem only. Gmail refuses two of three recipients of a message with its real texts; the third is
// delivered, the route from the IP to Google stays as it was (not slowed, not paused), and it admits as many
// messages per minute afterwards as before.
import { afterEach, describe, expect, it } from 'vitest';
import { admittedInAMinute, startRoutedEngine, type RoutingFixture } from './helpers/routing-fixture.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { testMessage } from './helpers/queue-fixture.js';
import { waitUntil } from './helpers/wait.js';

const REFUSALS: Record<string, { code: number; text: string }> = {
  'full@gmail.com': { code: 452, text: "4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp" },
  'gone@gmail.com': { code: 550, text: "5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser" },
};

let fx: RoutingFixture | undefined;
let gmail: Target | undefined;
afterEach(async () => {
  await fx?.close();
  await gmail?.close();
});


describe('a recipient-scope failure', () => {
  it('defers or bounces that recipient only and never slows or pauses the route', async () => {
    gmail = await startTarget({ rcpt: (rcpt) => REFUSALS[rcpt] ?? null });
    fx = startRoutedEngine({
      pools: { default: [{ address: '127.0.0.2', ehlo: 'a.relay.test' }] },
      routes: { 'gmail.com': `127.0.0.1:${gmail.port}` },
      shaping: { google: { messagesPerMinute: 60 } },
    });
    const before = admittedInAMinute(fx, 'google');

    const m = testMessage(['full@gmail.com', 'gone@gmail.com', 'ok@gmail.com']);
    await fx.store.enqueue(m);
    await gmail.waitFor(1);
    await waitUntil('all three outcomes recorded', () => fx!.store.show(m.id)!.recipientStatus.every((r) => r.attempts > 0));
    const state = Object.fromEntries(fx.store.show(m.id)!.recipientStatus.map((r) => [r.rcpt, r.state]));
    expect(state).toEqual({ 'full@gmail.com': 'deferred', 'gone@gmail.com': 'bounced', 'ok@gmail.com': 'delivered' });
    expect(gmail.received[0]!.rcptTo).toEqual(['ok@gmail.com']);

    expect(fx.routes.all()).toEqual([]);
    expect(fx.store.timeline(m.id).filter((e) => e.type.startsWith('route-'))).toEqual([]);
    expect(admittedInAMinute(fx, 'google')).toBe(before);
  });
});
