// MX resolution against a DNS server on loopback: MX by preference, the implicit MX (A record) when there is no MX,
// and the null MX of RFC 7505, which bounces at once with 556 5.1.10 instead of being retried.
import { afterEach, expect, it } from 'vitest';
import { createMxResolver } from '../src/deliver/mx.js';
import { startDns } from './helpers/dns-server.js';
import { startEngine, type EngineFixture } from './helpers/engine-fixture.js';
import { testMessage } from './helpers/queue-fixture.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { waitUntil } from './helpers/wait.js';

const zone = {
  'nullmx.test': { MX: [{ preference: 0, exchange: '.' }] },
  'multi.test': { MX: [{ preference: 20, exchange: 'mx2.multi.test' }, { preference: 10, exchange: 'mx1.multi.test' }] },
  'mx1.multi.test': { A: ['127.0.0.11'] },
  'mx2.multi.test': { A: ['127.0.0.12'] },
  'plain.test': { A: ['127.0.0.13'] },
};

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.reverse()) await c();
  closers = [];
});

// Both resolvers: node:dns, and the DNSSEC-aware stub resolver DANE uses (src/dane/secure-dns.ts), which then
// answers every MX lookup.
it.each([false, true])('orders MX hosts by preference, falls back to the A record, and recognises a null MX and a missing domain (dane %s)', async (dane) => {
  const dns = await startDns(zone);
  closers.push(dns.close);
  const resolver = createMxResolver([dns.server], { dane });
  expect(await resolver.resolve('multi.test')).toEqual({
    kind: 'hops', hops: [{ host: '127.0.0.11', port: 25, name: 'mx1.multi.test' }, { host: '127.0.0.12', port: 25, name: 'mx2.multi.test' }],
  });
  expect(await resolver.resolve('plain.test')).toEqual({ kind: 'hops', hops: [{ host: '127.0.0.13', port: 25, name: 'plain.test' }] });
  expect(await resolver.resolve('nullmx.test')).toMatchObject({ kind: 'fail', permanent: true, code: 556 });
  expect(await resolver.resolve('nowhere.test')).toMatchObject({ kind: 'fail', permanent: true, code: 550 });
});

it('a recipient at a null-MX domain bounces at once, and the sender gets a DSN', async () => {
  const dns = await startDns(zone);
  const target: Target = await startTarget();
  // MX delivery uses port 25; the test server listens on an ephemeral port, so the sender's domain gets a route.
  const fx2: EngineFixture = startEngine({ dnsServers: [dns.server], routes: { 'sender.test': `127.0.0.1:${target.port}` } });
  closers.push(dns.close, target.close, fx2.close);

  const msg = testMessage(['someone@nullmx.test']);
  await fx2.store.enqueue(msg);
  const [dsn] = await target.waitFor(1);
  const rcpt = fx2.store.show(msg.id)!.recipientStatus[0]!;
  expect(rcpt).toMatchObject({ state: 'bounced', attempts: 1, lastCode: 556 });
  expect(dsn!.rcptTo).toEqual(['alice@sender.test']);
  const text = dsn!.raw.toString();
  expect(text).toContain('Status: 5.1.10');
  expect(text).toContain('Diagnostic-Code: X-Mailwarden; 556 5.1.10');
  expect(text).not.toContain('Remote-MTA:');
  await waitUntil('the DSN to be delivered', () => fx2.store.list({ limit: 5, state: 'delivered' }).length === 1);
});
