// Acceptance: the relay's pool addresses are looked up in DNSBL zones served by a DNS server on loopback. A listing
// pauses the address (everywhere, or toward the zone's providers) and the routing sends from the clean one; when the
// listing is gone, the next look lifts the pause and the address is used again.
import { describe, expect, it } from 'vitest';
import { classifyReply } from '../src/classify/index.js';
import { startBlocklistWatch } from '../src/routes/blocklists.js';
import { createRouting } from '../src/routes/index.js';
import { createRouteStore } from '../src/routes/store.js';
import { silentLogger } from '../src/shared/logger.js';
import { openDatabase } from '../src/store/sqlite.js';
import { startDns, type Zone } from './helpers/dns-server.js';
import { tempDir, testConfig } from './helpers/queue-fixture.js';
import { waitUntil } from './helpers/wait.js';

describe('blocklist watch', () => {
  it('pauses a listed address and lifts the pause once it is delisted', async () => {
    const zone: Zone = {
      '2.0.0.127.zen.test': { A: ['127.0.0.4'] }, // listed on the XBL part of a Spamhaus-like zone
      '3.0.0.127.hotmail-only.test': { A: ['127.0.0.2'] },
    };
    const dns = await startDns(zone);
    const config = testConfig(tempDir(), {
      dnsServers: [dns.server],
      pools: { default: [{ address: '127.0.0.2', ehlo: 'a.relay.test' }, { address: '127.0.0.3', ehlo: 'b.relay.test' }] },
      blocklists: { zones: [{ zone: 'zen.test' }, { zone: 'hotmail-only.test', providers: ['microsoft-consumer'] }] },
    });
    const db = openDatabase(config.storage.sqlitePath);
    const watch = startBlocklistWatch({ db, config, logger: silentLogger });
    const routing = createRouting({ db, config, logger: silentLogger, classify: classifyReply, random: () => 0 });
    const sourceFor = (provider: string) => {
      const a = routing.admit('acme', provider);
      return a.kind === 'send' ? a.route.localAddress : a.kind;
    };
    const states = () => createRouteStore(db).all().map((s) => `${s.source} ${s.provider} ${s.status} ${s.by}: ${s.why}`);
    try {
      expect(await watch.checkNow()).toHaveLength(2);
      expect(states()).toEqual([
        '127.0.0.2 * paused blocklist: listed on zen.test (127.0.0.4)',
        '127.0.0.3 microsoft-consumer paused blocklist: listed on hotmail-only.test (127.0.0.2)',
      ]);
      expect(sourceFor('google')).toBe('127.0.0.3');
      expect(sourceFor('microsoft-consumer')).toBe('defer'); // both addresses are paused toward Outlook.com

      delete zone['2.0.0.127.zen.test'];
      expect(await watch.checkNow()).toHaveLength(1);
      expect(states()).toEqual(['127.0.0.3 microsoft-consumer paused blocklist: listed on hotmail-only.test (127.0.0.2)']);
      await waitUntil('the routing sees the delisting', () => sourceFor('google') === '127.0.0.2');
      expect(sourceFor('microsoft-consumer')).toBe('127.0.0.2');
    } finally {
      await watch.close();
      await dns.close();
      db.close();
    }
  });
});
