// Outbound sessions: several messages to one destination share a few connections (at most
// maxConnectionsPerDestination), and a peer that offers STARTTLS with a self-signed certificate gets TLS anyway.
import { afterEach, expect, it } from 'vitest';
import { startEngine, type EngineFixture } from './helpers/engine-fixture.js';
import { testMessage } from './helpers/queue-fixture.js';
import { startTarget, type Target } from './helpers/target-server.js';

let target: Target;
let fx: EngineFixture;
afterEach(async () => {
  await fx.close();
  await target.close();
});

it('reuses connections and keeps to the per-destination limit', async () => {
  target = await startTarget();
  fx = startEngine({ routes: { '*': `127.0.0.1:${target.port}` }, maxConnectionsPerDestination: 2, maxMessagesPerConnection: 100 });
  const msgs = Array.from({ length: 20 }, (_, i) => testMessage([`user${i}@dest.test`], { subject: `n${i}` }));
  await Promise.all(msgs.map((m) => fx.store.enqueue(m)));
  const got = await target.waitFor(20);
  expect(new Set(got.map((m) => m.rcptTo[0])).size).toBe(20);
  expect(target.sessions).toBeLessThanOrEqual(2);
});

it('uses STARTTLS when the peer offers it, even with a self-signed certificate', async () => {
  target = await startTarget({ starttls: true });
  fx = startEngine({ routes: { '*': `127.0.0.1:${target.port}` } });
  await fx.store.enqueue(testMessage(['tls@dest.test']));
  const [got] = await target.waitFor(1);
  expect(got!.secure).toBe(true);
});
