// A destination that keeps answering 4xx: the sender gets one delay warning after delayWarningHours, and when the
// lifetime is over the message expires with a DSN. The clock is injected, so no test waits days.
import { afterEach, expect, it } from 'vitest';
import { startEngine, type EngineFixture } from './helpers/engine-fixture.js';
import { testMessage } from './helpers/queue-fixture.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { waitUntil } from './helpers/wait.js';

let target: Target;
let fx: EngineFixture;
afterEach(async () => {
  await fx.close();
  await target.close();
});

const HOUR = 3600_000;

it('a message deferred for too long gets one delay warning, then expires with a DSN', async () => {
  target = await startTarget({ rcpt: (rcpt) => (rcpt.endsWith('@slow.test') ? { code: 421, text: '4.7.0 try again later' } : null) });
  fx = startEngine({
    routes: { '*': `127.0.0.1:${target.port}` }, retrySchedule: [3600], maxLifetimeS: 9.5 * 3600, delayWarningHours: 2,
  });
  const msg = testMessage(['carol@slow.test'], { now: fx.clock.now });
  await fx.store.enqueue(msg);
  const attempts = () => fx.store.show(msg.id)!.recipientStatus[0]!.attempts;
  await waitUntil('attempt 1', () => attempts() === 1);

  for (let n = 2; n <= 9; n++) {
    fx.clock.now += HOUR;
    fx.engine.poll();
    await waitUntil(`attempt ${n}`, () => attempts() === n);
  }
  // Attempt 3 (2 hours in) sent the delay warning; attempt 9 (8 h) left a next attempt at 9 h: still within the 9.5 h lifetime.
  expect(fx.store.show(msg.id)!.state).toBe('deferred');
  fx.clock.now += HOUR;
  fx.engine.poll();
  await waitUntil('expiry', () => fx.store.show(msg.id)!.state === 'expired');

  const dsns = await target.waitFor(2);
  const [warning, final] = dsns.map((d) => d.raw.toString().replace(/\r\n[ \t]+/g, ' '));
  expect(warning).toContain('Subject: Delayed Mail (still being retried)');
  expect(warning).toContain('Action: delayed');
  expect(warning).toContain('Status: 4.7.0');
  expect(final).toContain('Subject: Undelivered Mail Returned to Sender');
  expect(final).toContain('Action: failed');
  expect(final).toContain('Diagnostic-Code: smtp; 421 4.7.0 try again later');
  expect(final).toContain('The message stayed in the queue too long');
  const types = fx.store.timeline(msg.id).map((e) => e.type);
  expect(types.filter((t) => t === 'dsn-sent')).toHaveLength(2);
  expect(types.at(-2)).toBe('expired');
});
