// Blocklist watch: the relay's own source addresses looked up in the configured DNSBL zones (the address's octets
// reversed under the zone, RFC 5782 §2.1) through the configured resolver, on a schedule. A listing pauses the address
// everywhere, or toward the providers the zone is known to matter for; a delisting lifts exactly those pauses.
import { Resolver } from 'node:dns/promises';
import type { Config } from '../config/schema.js';
import type { Logger } from '../shared/logger.js';
import type { Db } from '../store/sqlite.js';
import { createRouteStore, type RouteStore } from './store.js';
import { EVERY_PROVIDER } from './types.js';

export interface Listing {
  source: string;
  zone: string;
  /** The A record(s) the zone answered: the return code says which list (Spamhaus: 127.0.0.2 SBL, .4 XBL ...). */
  codes: string[];
}

export interface BlocklistWatch {
  /** Look every address up in every zone now and update the pauses; returns the listings found. */
  checkNow(): Promise<Listing[]>;
  /** Stop the schedule and wait for a check in progress. */
  close(): Promise<void>;
}

/** 192.0.2.7 + zen.spamhaus.org -> 7.2.0.192.zen.spamhaus.org (IPv4 only: DNSBLs for IPv6 are rare and differ). */
export function dnsblName(ip: string, zone: string): string | undefined {
  const octets = ip.split('.');
  if (octets.length !== 4 || octets.some((o) => !/^\d{1,3}$/.test(o))) return undefined;
  return `${octets.reverse().join('.')}.${zone}`;
}

/**
 * A listing answers with an address in 127.0.0.0/8 (RFC 5782 §2.1). Spamhaus answers 127.255.255.x when it refuses
 * the query itself (a public resolver, over the free limit): that is no listing, and is logged.
 */
const isListing = (a: string) => a.startsWith('127.') && !a.startsWith('127.255.255.');

export interface BlocklistWatchOptions {
  db: Db;
  /** The route table (the relay passes the one its transition listener hears); else one on `db`. */
  routes?: RouteStore;
  config: Config;
  logger: Logger;
  clock?: () => number;
  /** Look once right away rather than only after the first interval (the relay does; tests call checkNow). */
  checkAtStart?: boolean;
}

export function startBlocklistWatch(opts: BlocklistWatchOptions): BlocklistWatch {
  const { config, logger } = opts;
  const bl = config.delivery.blocklists;
  const clock = opts.clock ?? Date.now;
  const store = opts.routes ?? createRouteStore(opts.db);
  const resolver = new Resolver({ timeout: 5000, tries: 2 });
  if (config.delivery.dnsServers.length > 0) resolver.setServers([...config.delivery.dnsServers]);
  const sources = [...new Set(Object.values(config.delivery.pools).flat().map((m) => m.address))];

  async function lookup(source: string, zone: string): Promise<Listing | undefined> {
    const name = dnsblName(source, zone);
    if (!name) return undefined;
    try {
      const answers = await resolver.resolve4(name);
      const codes = answers.filter(isListing);
      if (codes.length < answers.length) logger.warn({ event: 'dnsbl-refused', zone, answers }, `${zone} refused the query`);
      return codes.length > 0 ? { source, zone, codes } : undefined;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== 'ENOTFOUND' && code !== 'ENODATA') logger.warn({ event: 'dnsbl-failed', zone, err: (err as Error).message }, `could not ask ${zone}`);
      return undefined; // not listed, or unknown: a failed lookup never pauses nor lifts anything
    }
  }

  async function checkNow(): Promise<Listing[]> {
    const found = (await Promise.all(sources.flatMap((s) => bl.zones.map((z) => lookup(s, z.zone))))).filter((l): l is Listing => l !== undefined);
    const now = clock();
    const stored = store.all();
    for (const source of sources) {
      // Which providers each listing of this source covers, and by which zones.
      const zonesByProvider = new Map<string, string[]>();
      for (const l of found.filter((f) => f.source === source)) {
        const zone = bl.zones.find((z) => z.zone === l.zone)!;
        for (const p of zone.providers.length > 0 ? zone.providers : [EVERY_PROVIDER]) {
          zonesByProvider.set(p, [...(zonesByProvider.get(p) ?? []), `${l.zone} (${l.codes.join(', ')})`]);
        }
      }
      for (const old of stored.filter((s) => s.source === source && s.by === 'blocklist' && !zonesByProvider.has(s.provider))) {
        store.clear(source, old.provider, 'blocklist', 'delisting'); // heard as route-delisted, route-resumed
      }
      for (const [provider, zones] of zonesByProvider) {
        const existing = stored.find((s) => s.source === source && s.provider === provider);
        if (existing?.by === 'operator') continue; // an operator's decision is not the watch's to replace or lift
        const why = `listed on ${zones.join(', ')}`;
        if (existing?.by === 'blocklist' && existing.why === why) continue;
        store.put({ source, provider, status: 'paused', since: now, until: 0, rate: 0, ceiling: 0, why, reply: '', by: 'blocklist' }); // heard as route-listed
      }
    }
    return found;
  }

  let running: Promise<unknown> = Promise.resolve();
  const check = () => {
    running = checkNow().catch((err: Error) => logger.error({ event: 'dnsbl-check-failed', err: err.message }, 'blocklist check failed'));
  };
  const watching = sources.length > 0 && bl.zones.length > 0;
  const timer = watching ? setInterval(check, bl.intervalMinutes * 60_000) : null;
  timer?.unref();
  if (watching && opts.checkAtStart) check();
  return {
    checkNow,
    async close() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
