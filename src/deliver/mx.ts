// Where to deliver a domain's mail, per RFC 5321 §5.1: MX records by preference; no MX at all means the domain itself
// is the (implicit) MX and its A/AAAA addresses are used; a "null MX" (RFC 7505: a single MX with exchange ".")
// means the domain accepts no mail, so the recipient fails at once instead of being retried for days.
import { Resolver } from 'node:dns/promises';
import type { NextHop } from './routes.js';

export type Destination =
  | { kind: 'hops'; hops: NextHop[] }
  /** No delivery possible; `reply` is our own enhanced-status text, `permanent` chooses bounce or retry. */
  | { kind: 'fail'; permanent: boolean; code: number; reply: string };

export interface MxResolver {
  resolve(domain: string): Promise<Destination>;
}

const SMTP_PORT = 25;

/** DNS answers meaning "there is no such record" (not a failure to ask). */
function isNoData(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'ENODATA' || code === 'ENOTFOUND';
}

function isNxDomain(err: unknown): boolean {
  return (err as { code?: string }).code === 'ENOTFOUND';
}

export function createMxResolver(servers: readonly string[], timeoutMs = 5000, port = SMTP_PORT): MxResolver {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 2 });
  if (servers.length > 0) resolver.setServers([...servers]);

  async function addressesOf(domain: string): Promise<string[] | 'none'> {
    const [v4, v6] = await Promise.allSettled([resolver.resolve4(domain), resolver.resolve6(domain)]);
    const found = [...(v4.status === 'fulfilled' ? v4.value : []), ...(v6.status === 'fulfilled' ? v6.value : [])];
    if (found.length > 0) return found;
    const errs = [v4, v6].map((r) => (r.status === 'rejected' ? (r.reason as unknown) : null));
    if (errs.every((e) => e === null || isNoData(e))) return 'none';
    throw errs.find((e) => e && !isNoData(e));
  }

  async function resolveOnce(domain: string): Promise<Destination> {
    let mx: Array<{ exchange: string; priority: number }>;
    try {
      mx = await resolver.resolveMx(domain);
    } catch (err) {
      if (isNxDomain(err)) return { kind: 'fail', permanent: true, code: 550, reply: `550 5.1.2 domain ${domain} does not exist` };
      if (!isNoData(err)) throw err;
      mx = [];
    }
    // RFC 7505 §3: a single MX whose exchange is the root ("." - Node gives '') means "no mail here".
    if (mx.length === 1 && (mx[0]!.exchange === '' || mx[0]!.exchange === '.')) {
      return { kind: 'fail', permanent: true, code: 556, reply: `556 5.1.10 domain ${domain} accepts no mail (null MX, RFC 7505)` };
    }
    if (mx.length > 0) {
      // RFC 5321 §5.1: lowest preference first; equal preferences in random order to spread the load.
      const sorted = mx.filter((m) => m.exchange).map((m) => ({ ...m, r: Math.random() }))
        .sort((a, b) => a.priority - b.priority || a.r - b.r);
      // Addresses come from our own resolver (its servers are configured), not from the system's.
      const hops: NextHop[] = [];
      for (const m of sorted) {
        const addrs = await addressesOf(m.exchange).catch(() => 'none' as const);
        if (addrs !== 'none') hops.push(...addrs.map((a) => ({ host: a, port, name: m.exchange })));
      }
      if (hops.length === 0) return { kind: 'fail', permanent: false, code: 451, reply: `451 4.4.4 no address for any MX of ${domain}` };
      return { kind: 'hops', hops };
    }
    // RFC 5321 §5.1: no MX -> the domain is its own implicit MX, if it has an address.
    const addrs = await addressesOf(domain);
    if (addrs === 'none') return { kind: 'fail', permanent: true, code: 550, reply: `550 5.1.2 domain ${domain} has no MX and no address` };
    return { kind: 'hops', hops: addrs.map((a) => ({ host: a, port, name: domain })) };
  }

  return {
    async resolve(domain) {
      try {
        return await resolveOnce(domain);
      } catch (err) {
        // SERVFAIL, timeouts, refused: the DNS could not answer; try again later.
        const code = (err as { code?: string }).code ?? 'error';
        return { kind: 'fail', permanent: false, code: 451, reply: `451 4.4.3 DNS lookup for ${domain} failed (${code})` };
      }
    },
  };
}
