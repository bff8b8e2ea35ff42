// A 4xx reply is retried on the schedule and then delivered; the timeline shows both attempts.
import { afterEach, expect, it } from 'vitest';
import { startDeliveryEngine, type DeliveryEngine } from '../src/deliver/engine.js';
import type { QueueStore } from '../src/queue/store.js';
import { silentLogger } from '../src/shared/logger.js';
import { openQueue, tempDir, testConfig, testMessage } from './helpers/queue-fixture.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { waitUntil } from './helpers/wait.js';

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

it('a 4xx reply is retried and then delivered', async () => {
  const target: Target = await startTarget({ rcpt: (_r, n) => (n === 1 ? { code: 451, text: '4.7.1 greylisted, come back later' } : null) });
  let now = Date.UTC(2026, 0, 1);
  const config = testConfig(tempDir(), { routes: { 'dest.test': `127.0.0.1:${target.port}` }, retrySchedule: [60, 600] });
  const store: QueueStore = openQueue(config);
  const engine: DeliveryEngine = startDeliveryEngine({ config, store, logger: silentLogger, clock: () => now });
  cleanup.push(() => target.close(), () => store.close(), () => engine.close());

  const msg = testMessage(['bob@dest.test'], { now });
  await store.enqueue(msg);
  await waitUntil('the first attempt', () => store.show(msg.id)?.state === 'deferred');
  const deferred = store.show(msg.id)!.recipientStatus[0]!;
  expect(deferred).toMatchObject({ state: 'deferred', attempts: 1, lastCode: 451, nextAttemptAt: now + 60_000 });
  expect(deferred.lastReply).toContain('greylisted');

  now += 59_000;
  engine.poll();
  await new Promise((r) => setTimeout(r, 200));
  expect(store.show(msg.id)!.recipientStatus[0]!.attempts).toBe(1); // not due yet

  now += 2_000;
  engine.poll();
  const [got] = await target.waitFor(1);
  expect(got!.mailFrom).toBe('alice@sender.test');
  expect(got!.rcptTo).toEqual(['bob@dest.test']);
  expect(got!.raw.toString()).toBe(msg.raw.toString());
  await waitUntil('delivered state', () => store.show(msg.id)?.state === 'delivered');
  const types = store.timeline(msg.id).map((e) => e.type);
  expect(types).toEqual(['received', 'queued', 'attempt', 'deferred', 'attempt', 'delivered']);
});
