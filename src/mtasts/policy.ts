// MTA-STS policies (RFC 8461): parsing the policy file, matching MX host names against it, and what a policy means
// for one delivery. Pure functions; fetching and caching are in fetch.ts.
/** An MX host as the delivery stage hands it over: the address to connect to and the MX name it was found for. */
export interface StsHop {
  host: string;
  name?: string;
}

export type StsMode = 'enforce' | 'testing' | 'none';

export interface StsPolicy {
  /** The id of the `_mta-sts` TXT record the policy was fetched for (§3.1): a new id means a new policy. */
  id: string;
  mode: StsMode;
  mx: string[];
  maxAgeS: number;
}

/** RFC 8461 §3.2: "key: value" lines; version, mode and max_age required, mx required unless mode is none. */
export function parsePolicy(text: string, id: string): StsPolicy | string {
  const fields = new Map<string, string[]>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^([a-z_]+):\s*(.*?)\s*$/.exec(line);
    if (m) fields.set(m[1]!, [...(fields.get(m[1]!) ?? []), m[2]!]);
  }
  if (fields.get('version')?.[0] !== 'STSv1') return 'policy version is not STSv1';
  const mode = fields.get('mode')?.[0];
  if (mode !== 'enforce' && mode !== 'testing' && mode !== 'none') return `policy mode "${mode ?? ''}" is not enforce, testing or none`;
  const maxAge = Number(fields.get('max_age')?.[0]);
  if (!Number.isInteger(maxAge) || maxAge < 0 || maxAge > 31_557_600) return 'policy max_age is missing or out of range';
  const mx = (fields.get('mx') ?? []).map((p) => p.toLowerCase());
  if (mode !== 'none' && mx.length === 0) return 'policy lists no mx';
  return { id, mode, mx, maxAgeS: maxAge };
}

/** "*.example.com" matches one leftmost label ("mx1.example.com", not "a.b.example.com"); else the name itself (§4.1). */
export function mxMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const p = pattern.replace(/\.$/, '');
  if (p.startsWith('*.')) {
    const dot = h.indexOf('.');
    return dot > 0 && h.slice(dot + 1) === p.slice(2);
  }
  return h === p;
}

export type StsDecision<H extends StsHop> =
  /** No policy, mode none, or testing mode: deliver as usual (`mismatched` lists what enforce would refuse). */
  | { kind: 'as-usual'; mismatched: string[] }
  /** Enforce: only these hops, each over TLS with a certificate valid for its MX name. */
  | { kind: 'enforce'; hops: (H & { requireValidTls: true })[] }
  | { kind: 'refuse'; reply: string };

export function applyPolicy<H extends StsHop>(domain: string, policy: StsPolicy | undefined, hops: readonly H[]): StsDecision<H> {
  if (!policy || policy.mode === 'none') return { kind: 'as-usual', mismatched: [] };
  const fits = (h: H) => h.name !== undefined && policy.mx.some((p) => mxMatches(p, h.name!));
  const mismatched = [...new Set(hops.filter((h) => !fits(h)).map((h) => h.name ?? h.host))];
  if (policy.mode === 'testing') return { kind: 'as-usual', mismatched };
  const allowed = hops.filter(fits).map((h) => ({ ...h, requireValidTls: true as const }));
  if (allowed.length === 0) {
    return { kind: 'refuse', reply: `451 4.7.5 MTA-STS policy of ${domain} (enforce) allows mx ${policy.mx.join(', ')}; none of its MX hosts (${mismatched.join(', ')}) matches` };
  }
  return { kind: 'enforce', hops: allowed };
}
