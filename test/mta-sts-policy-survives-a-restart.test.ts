// An MTA-STS policy protects a domain only while the relay remembers it (RFC 8461 §5): after a restart, an attacker
// who strips the `_mta-sts` TXT record and blocks the policy host must not get the relay back to opportunistic TLS.
// Policies are kept in the relay's SQLite file: a second policy source on the same file (a restarted relay) still
// applies the policy with the policy server gone and the TXT record removed, until its max_age runs out.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterEach, describe, expect, it } from 'vitest';
import { createStsCacheStore } from '../src/mtasts/cache-store.js';
import { createStsSource } from '../src/mtasts/fetch.js';
import { openDatabase } from '../src/store/sqlite.js';
import { startDns, type Zone } from './helpers/dns-server.js';
import { tempDir } from './helpers/queue-fixture.js';

let closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of closers.reverse()) await c();
  closers = [];
});

describe('MTA-STS policy cache', () => {
  it('keeps a fetched policy across a restart, through a stripped TXT record and a blocked policy host, until max_age', async () => {
    const pems = await generate([{ name: 'commonName', value: 'mta-sts.strict.test' }], {
      keySize: 2048, extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'mta-sts.strict.test' }] }],
    });
    let fetches = 0;
    const https: Server = createServer({ key: pems.private, cert: pems.cert }, (_req, res) => {
      fetches++;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('version: STSv1\nmode: enforce\nmx: mx.strict.test\nmax_age: 3600\n');
    });
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    const httpsPort = (https.address() as AddressInfo).port;
    let httpsOpen = true;
    const closeHttps = () => (httpsOpen ? new Promise<void>((resolve) => https.close(() => resolve())) : undefined);
    closers.push(() => closeHttps());
    const zone: Zone = { '_mta-sts.strict.test': { TXT: ['v=STSv1; id=20261205'] }, 'mta-sts.strict.test': { A: ['127.0.0.1'] } };
    const dns = await startDns(zone);
    closers.push(dns.close);

    const file = join(tempDir(), 'relay.db');
    const problems: string[] = [];
    const source = () => {
      const db = openDatabase(file);
      closers.push(() => void db.close());
      return createStsSource({
        dnsServers: [dns.server], httpsPort, trustedCa: pems.cert,
        onProblem: (_d, p) => problems.push(p), persisted: createStsCacheStore(db),
      });
    };
    const t0 = Date.parse('2026-12-05T00:00:00Z');

    const first = await source().policyFor('strict.test', t0);
    expect(first).toMatchObject({ mode: 'enforce', mx: ['mx.strict.test'], id: '20261205' });
    expect(fetches).toBe(1);

    // The restart: same id in DNS, so the remembered policy applies without a fetch.
    expect(await source().policyFor('strict.test', t0 + 60_000)).toEqual(first);
    expect(fetches).toBe(1);

    // The attack: the TXT record stripped and the policy host unreachable. A fresh process still enforces.
    delete zone['_mta-sts.strict.test'];
    await closeHttps();
    httpsOpen = false;
    expect(await source().policyFor('strict.test', t0 + 120_000)).toEqual(first);

    // Past max_age the policy is gone (and nothing can be fetched): delivery as usual, as the RFC says.
    expect(await source().policyFor('strict.test', t0 + 3_601_000)).toBeUndefined();
    const db = openDatabase(file);
    closers.push(() => void db.close());
    expect(createStsCacheStore(db).prune(t0 + 3_601_000)).toBe(1);
    expect(problems).toEqual([]);
  });
});
