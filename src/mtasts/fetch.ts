// Finding a domain's MTA-STS policy (RFC 8461 §3): the `_mta-sts` TXT record names the policy's id, the policy file
// comes from https://mta-sts.DOMAIN/.well-known/mta-sts.txt over TLS valid for that name, without redirects. Policies
// are cached by domain for their max_age and fetched again only when the TXT id changes (§5.1); when the TXT record
// or the fetch fails, a cached policy that has not expired still applies, else there is none (delivery as usual).
import { Resolver } from 'node:dns/promises';
import { request } from 'node:https';
import type { LookupFunction } from 'node:net';
import { rootCertificates } from 'node:tls';
import type { CachedPolicy, StsCacheStore } from './cache-store.js';
import { parsePolicy, type StsPolicy } from './policy.js';

export interface StsSource {
  /** The policy in force for a domain at `now`, if any. */
  policyFor(domain: string, now: number): Promise<StsPolicy | undefined>;
}

export interface StsSourceOptions {
  dnsServers: readonly string[];
  /** 443; another port only to reach a local test server. */
  httpsPort: number;
  /** Extra trusted CA certificates (PEM) besides the public ones: a private PKI, or a test's own CA. */
  trustedCa: string;
  onProblem: (domain: string, problem: string) => void;
  /** Where fetched policies are kept across restarts (the relay's database); memory only without it. */
  persisted?: StsCacheStore;
}

/** §3.3: a policy file larger than this is not a policy. */
const MAX_POLICY_BYTES = 64 * 1024;
const FETCH_TIMEOUT_MS = 10_000;
/**
 * How long a TXT answer (or its absence) is reused: without it every message to a domain without MTA-STS, most of
 * them, would cost a DNS query. A new policy id is seen this much later at most.
 */
const TXT_CACHE_MS = 5 * 60_000;

/** The id of a `v=STSv1; id=...` record; undefined when there is none (or more than one, §3.1). */
export function txtId(records: string[][]): string | undefined {
  const sts = records.map((r) => r.join('')).filter((t) => /^v=STSv1\s*;/i.test(t));
  if (sts.length !== 1) return undefined;
  return /(?:^|;)\s*id=([A-Za-z0-9]{1,32})\s*(?:;|$)/.exec(sts[0]!)?.[1];
}

export function createStsSource(opts: StsSourceOptions): StsSource {
  const resolver = new Resolver({ timeout: 5000, tries: 2 });
  if (opts.dnsServers.length > 0) resolver.setServers([...opts.dnsServers]);
  const ca = opts.trustedCa ? [...rootCertificates, opts.trustedCa] : undefined;
  const cache = new Map<string, CachedPolicy>();
  // A domain not in memory yet may have a policy from before a restart.
  const cached = (domain: string): CachedPolicy | undefined => {
    let entry = cache.get(domain);
    if (!entry && opts.persisted) {
      entry = opts.persisted.get(domain);
      if (entry) cache.set(domain, entry);
    }
    return entry;
  };
  const txtCache = new Map<string, { id: string | undefined; expiresAt: number }>();

  // The policy host's address comes from our resolver, as the MX lookups do.
  const lookup: LookupFunction = (hostname, options, callback) => {
    resolver.resolve4(hostname).then(
      (addrs) => (options.all ? callback(null, addrs.map((address) => ({ address, family: 4 }))) : callback(null, addrs[0]!, 4)),
      (err: NodeJS.ErrnoException) => callback(err, '', 4),
    );
  };

  function fetchPolicy(domain: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const host = `mta-sts.${domain}`;
      const req = request({ host, port: opts.httpsPort, path: '/.well-known/mta-sts.txt', method: 'GET', lookup, servername: host, ...(ca ? { ca } : {}), timeout: FETCH_TIMEOUT_MS }, (res) => {
        // §3.3: no redirects; only a 200 with text/plain is a policy.
        if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode} from ${host}`)), res.resume();
        if (!/^text\/plain\b/i.test(res.headers['content-type'] ?? '')) return reject(new Error(`${host} did not answer text/plain`)), res.resume();
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_POLICY_BYTES) return req.destroy(new Error(`policy from ${host} is larger than ${MAX_POLICY_BYTES} bytes`));
          chunks.push(c);
        });
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      });
      req.on('timeout', () => req.destroy(new Error(`no answer from ${host} within ${FETCH_TIMEOUT_MS} ms`)));
      req.on('error', reject);
      req.end();
    });
  }

  return {
    async policyFor(domain, now) {
      const entry = cached(domain);
      const valid = entry && entry.expiresAt > now ? entry.policy : undefined;
      const known = txtCache.get(domain);
      let id = known?.id;
      if (!known || known.expiresAt <= now) {
        id = await resolver.resolveTxt(`_mta-sts.${domain}`).then(txtId, () => undefined);
        txtCache.set(domain, { id, expiresAt: now + TXT_CACHE_MS });
      }
      if (id === undefined || id === valid?.id) return valid;
      try {
        const parsed = parsePolicy(await fetchPolicy(domain), id);
        if (typeof parsed === 'string') throw new Error(parsed);
        const fresh = { policy: parsed, expiresAt: now + parsed.maxAgeS * 1000 };
        cache.set(domain, fresh);
        opts.persisted?.put(domain, fresh);
        return parsed;
      } catch (err) {
        opts.onProblem(domain, (err as Error).message);
        return valid;
      }
    },
  };
}
