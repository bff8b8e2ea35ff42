// Static routes: a recipient domain (or '*', the smarthost) -> an ordered list of "host:port" next hops.
// They replace the MX lookup for that domain, which makes them both the smarthost setting and the test hook.
import type { DanePolicy } from '../dane/tlsa.js';

export interface NextHop {
  /** Host name or address to connect to. */
  host: string;
  port: number;
  /** The MX name the address was found for (for SNI and the DSN's Remote-MTA); absent for static routes. */
  name?: string;
  /** Deliver only over TLS with a certificate valid for `name` (an MTA-STS policy in enforce mode). */
  requireValidTls?: boolean;
  /** The host's DNSSEC-validated TLSA records (RFC 7672): TLS required, and a chain matching one of them. */
  dane?: DanePolicy;
}

export type RouteTable = ReadonlyMap<string, NextHop[]>;

const SMTP_PORT = 25;

/** "host", "host:port", "[v6]:port" or "v6" -> NextHop; throws on a port that is not a number. */
export function parseHop(text: string): NextHop {
  const t = text.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(t);
  if (bracketed) return { host: bracketed[1]!, port: bracketed[2] ? Number(bracketed[2]) : SMTP_PORT };
  const colons = t.split(':').length - 1;
  if (colons === 1) {
    const [host, port] = t.split(':') as [string, string];
    if (!/^\d+$/.test(port) || Number(port) > 65535) throw new Error(`bad port in route "${text}"`);
    return { host, port: Number(port) };
  }
  return { host: t, port: SMTP_PORT }; // a bare name, or an IPv6 address without brackets
}

export function parseRoutes(config: Readonly<Record<string, string>>): RouteTable {
  const table = new Map<string, NextHop[]>();
  for (const [domain, hops] of Object.entries(config)) {
    const list = hops.split(',').map((h) => h.trim()).filter(Boolean).map(parseHop);
    if (list.length === 0) throw new Error(`route for "${domain}" has no next hop`);
    table.set(domain.toLowerCase(), list);
  }
  return table;
}

/** The route for a domain: an exact entry first, then '*'; undefined means "look up MX". */
export function routeFor(table: RouteTable, domain: string): NextHop[] | undefined {
  return table.get(domain.toLowerCase()) ?? table.get('*');
}
