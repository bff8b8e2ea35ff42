// The queue survives a restart: messages queued while no engine ran, and messages deferred because the destination
// was down, are delivered by the next engine on the same data folder.
import { afterEach, expect, it } from 'vitest';
import { startEngine, type EngineFixture } from './helpers/engine-fixture.js';
import { openQueue, tempDir, testConfig, testMessage } from './helpers/queue-fixture.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { waitUntil } from './helpers/wait.js';

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.reverse()) await c();
  closers = [];
});

it('a restarted engine delivers what was queued or deferred before', async () => {
  const dataDir = tempDir();
  const target: Target = await startTarget();
  closers.push(target.close);
  const down = await startTarget();
  const downPort = down.port;
  await down.close(); // nothing listens there now: connection refused

  // 1. An engine that cannot reach the destination defers the first message.
  const first = startEngine({ routes: { '*': `127.0.0.1:${downPort}` }, retrySchedule: [60] }, {}, dataDir);
  const deferred = testMessage(['dan@dest.test'], { now: first.clock.now, subject: 'deferred before restart' });
  await first.store.enqueue(deferred);
  await waitUntil('the deferral', () => first.store.show(deferred.id)?.state === 'deferred');
  expect(first.store.show(deferred.id)!.recipientStatus[0]!.lastCode).toBeNull();
  await first.close();

  // 2. A message stored while no engine runs (as after a crash between the 250 and the delivery).
  const config = testConfig(dataDir, {});
  const bare = openQueue(config);
  const waiting = testMessage(['erin@dest.test', 'frank@other.test'], { now: first.clock.now, subject: 'queued before restart' });
  await bare.enqueue(waiting);
  await bare.close();

  // 3. The next engine, a minute later, with the destination up, delivers both.
  const second: EngineFixture = startEngine({ routes: { '*': `127.0.0.1:${target.port}` }, retrySchedule: [60] }, {}, dataDir);
  closers.push(second.close);
  second.clock.now = first.clock.now + 61_000;
  second.engine.poll();
  const got = await target.waitFor(3);
  expect(got.map((m) => m.rcptTo.join()).sort()).toEqual(['dan@dest.test', 'erin@dest.test', 'frank@other.test']);
  await waitUntil('both delivered', () => second.store.list({ limit: 10, state: 'delivered' }).length === 2);
  expect(second.store.timeline(deferred.id).map((e) => e.type)).toEqual(['received', 'queued', 'attempt', 'deferred', 'attempt', 'delivered']);
});
