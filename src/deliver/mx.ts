// Where to deliver a domain's mail, per RFC 5321 §5.1: MX records by preference; no MX at all means the domain itself
// is the (implicit) MX and its A/AAAA addresses are used; a "null MX" (RFC 7505: a single MX with exchange ".")
// means the domain accepts no mail, so the recipient fails at once instead of being retried for days.
//
// With DANE on (RFC 7672) the lookups go through a resolver that reports DNSSEC validation (src/dane): when the MX
// answer (or, for an implicit MX, the domain's addresses) and an MX host's addresses are secure, that host's TLSA
// records decide how it must be reached; a host whose TLSA lookup fails is skipped, as if it did not answer.
import { Resolver } from 'node:dns/promises';
import { daneForHost, type HostDane } from '../dane/lookup.js';
import { bareName, createSecureDns, type DnsAnswer } from '../dane/secure-dns.js';
import type { NextHop } from './routes.js';

export type Destination =
  | { kind: 'hops'; hops: NextHop[] }
  /** No delivery possible; `reply` is our own enhanced-status text, `permanent` chooses bounce or retry. */
  | { kind: 'fail'; permanent: boolean; code: number; reply: string };

export interface MxResolver {
  resolve(domain: string): Promise<Destination>;
}

export interface MxResolverOptions {
  timeoutMs?: number;
  /** Port of the MX hosts (25; another only for tests against local servers). */
  port?: number;
  /** Look up TLSA records of MX hosts whose names and addresses are DNSSEC-validated. */
  dane?: boolean;
}

/** The three questions MX resolution asks; a failed lookup rejects, "no such record" is an empty answer. */
interface Lookups {
  mx(domain: string): Promise<DnsAnswer<{ exchange: string; priority: number }>>;
  addresses(host: string): Promise<DnsAnswer<string>>;
  /** `expanded`: where the host's validated CNAME chain ends, when it is an alias. */
  dane(host: string, port: number, expanded: string | null): Promise<HostDane>;
}

const SMTP_PORT = 25;

/** node:dns answers: never known to be secure, so DANE never applies. */
function systemLookups(servers: readonly string[], timeoutMs: number): Lookups {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 2 });
  if (servers.length > 0) resolver.setServers([...servers]);
  const code = (err: unknown) => (err as { code?: string }).code;
  /** "No such record" (ENODATA) and "no such name" (ENOTFOUND) are answers, not failures to ask. */
  const answer = async <T>(ask: Promise<T[]>): Promise<DnsAnswer<T>> => {
    try {
      return { records: await ask, nxdomain: false, secure: false };
    } catch (err) {
      if (code(err) === 'ENOTFOUND') return { records: [], nxdomain: true, secure: false };
      if (code(err) === 'ENODATA') return { records: [], nxdomain: false, secure: false };
      throw err;
    }
  };
  return {
    mx: (domain) => answer(resolver.resolveMx(domain)),
    addresses: (host) => bothFamilies(answer(resolver.resolve4(host)), answer(resolver.resolve6(host))),
    dane: async () => ({ kind: 'none' }),
  };
}

function secureLookups(servers: readonly string[], timeoutMs: number): Lookups {
  const dns = createSecureDns(servers, timeoutMs);
  const addressesOf = (host: string, type: 'A' | 'AAAA') => dns.query(host, type)
    .then((a) => ({ ...a, records: a.records.flatMap((r) => (r.type === 'A' || r.type === 'AAAA' ? [r.data] : [])) }));
  return {
    mx: (domain) => dns.query(domain, 'MX').then((a) => ({
      ...a, records: a.records.flatMap((r) => (r.type === 'MX' ? [{ exchange: r.data.exchange, priority: r.data.preference ?? 0 }] : [])),
    })),
    addresses: (host) => bothFamilies(addressesOf(host, 'A'), addressesOf(host, 'AAAA')),
    dane: (host, port, expanded) => daneForHost(dns, host, port, expanded),
  };
}

/** A and AAAA together: any address found will do; secure only if both answers were. */
async function bothFamilies(v4: Promise<DnsAnswer<string>>, v6: Promise<DnsAnswer<string>>): Promise<DnsAnswer<string>> {
  const [a, b] = await Promise.allSettled([v4, v6]);
  const answered = [a, b].flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const records = answered.flatMap((r) => r.records);
  if (answered.length < 2 && records.length === 0) throw (a.status === 'rejected' ? a.reason : (b as PromiseRejectedResult).reason);
  const canonical = answered.find((r) => r.canonical !== undefined)?.canonical;
  return {
    records, nxdomain: answered.length === 2 && answered.every((r) => r.nxdomain), secure: answered.length === 2 && answered.every((r) => r.secure),
    ...(canonical !== undefined ? { canonical } : {}),
  };
}

export function createMxResolver(servers: readonly string[], opts: MxResolverOptions = {}): MxResolver {
  const port = opts.port ?? SMTP_PORT;
  const lookups = opts.dane ? secureLookups(servers, opts.timeoutMs ?? 5000) : systemLookups(servers, opts.timeoutMs ?? 5000);

  /** One MX host's hops; DANE's reading of it only when its name and its addresses came from secure answers. */
  async function hopsOf(name: string, nameSecure: boolean, addrs: DnsAnswer<string> | null): Promise<NextHop[] | { unusable: string }> {
    if (!addrs || addrs.records.length === 0) return [];
    // The address answer says whether the host is an alias (RFC 7672 §2.2.2: its TLSA records may be at the target).
    const expanded = addrs.canonical && addrs.canonical !== bareName(name) ? addrs.canonical : null;
    const dane = nameSecure && addrs.secure ? await lookups.dane(name, port, expanded) : { kind: 'none' as const };
    if (dane.kind === 'unusable') return { unusable: dane.reason };
    return addrs.records.map((a) => ({ host: a, port, name, ...(dane.kind === 'dane' ? { dane: dane.policy } : {}) }));
  }

  async function resolveOnce(domain: string): Promise<Destination> {
    const mx = await lookups.mx(domain);
    if (mx.nxdomain) return { kind: 'fail', permanent: true, code: 550, reply: `550 5.1.2 domain ${domain} does not exist` };
    // RFC 7505 §3: a single MX whose exchange is the root ("." - Node gives '') means "no mail here".
    if (mx.records.length === 1 && (mx.records[0]!.exchange === '' || mx.records[0]!.exchange === '.')) {
      return { kind: 'fail', permanent: true, code: 556, reply: `556 5.1.10 domain ${domain} accepts no mail (null MX, RFC 7505)` };
    }
    if (mx.records.length > 0) {
      // RFC 5321 §5.1: lowest preference first; equal preferences in random order to spread the load.
      const sorted = mx.records.filter((m) => m.exchange).map((m) => ({ ...m, r: Math.random() }))
        .sort((a, b) => a.priority - b.priority || a.r - b.r);
      // Addresses come from our own resolver (its servers are configured), not from the system's.
      const hops: NextHop[] = [];
      const unusable: string[] = [];
      for (const m of sorted) {
        const found = await hopsOf(m.exchange, mx.secure, await lookups.addresses(m.exchange).catch(() => null));
        if (Array.isArray(found)) hops.push(...found);
        else unusable.push(found.unusable);
      }
      if (hops.length === 0 && unusable.length > 0) return { kind: 'fail', permanent: false, code: 451, reply: `451 4.7.5 DANE: no usable MX host for ${domain}: ${unusable.join('; ')}` };
      if (hops.length === 0) return { kind: 'fail', permanent: false, code: 451, reply: `451 4.4.4 no address for any MX of ${domain}` };
      return { kind: 'hops', hops };
    }
    // RFC 5321 §5.1: no MX -> the domain is its own implicit MX, if it has an address.
    const addrs = await lookups.addresses(domain);
    if (addrs.records.length === 0) return { kind: 'fail', permanent: true, code: 550, reply: `550 5.1.2 domain ${domain} has no MX and no address` };
    const found = await hopsOf(domain, mx.secure, addrs);
    if (!Array.isArray(found)) return { kind: 'fail', permanent: false, code: 451, reply: `451 4.7.5 DANE: ${found.unusable}` };
    return { kind: 'hops', hops: found };
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
