// What start-up would reject beyond the schema's types: every value that a start-up parser reads (CIDRs, next hops,
// regular expressions) is run through that same parser here, and settings that only clash with each other (two
// listeners on one port) are compared. Every command loads its configuration through these (cli/context.ts), so
// `config check` refuses exactly what `start` would. They live with the CLI, above the stages whose parsers they borrow:
// the configuration module itself sits below every stage and knows only the schema.
import { parseCidr } from '../accept/trusted-networks.js';
import { parseHop } from '../deliver/routes.js';
import { compileHeaderSources } from '../identify/sources.js';
import type { Config } from '../config/schema.js';

export interface ConfigProblem {
  path: string;
  message: string;
}

function problem(path: string, run: () => unknown): ConfigProblem[] {
  try {
    run();
    return [];
  } catch (err) {
    return [{ path, message: (err as Error).message }];
  }
}

/** A port of 0 picks a free one, and a wildcard address overlaps every other address on the same port. */
function clash(a: { host: string; port: number }, b: { host: string; port: number }): boolean {
  const wildcard = (h: string) => h === '0.0.0.0' || h === '::' || h === '';
  return a.port !== 0 && a.port === b.port && (a.host === b.host || wildcard(a.host) || wildcard(b.host));
}

function portClashes(config: Config): ConfigProblem[] {
  const bound = [
    ...(['submission', 'smtps', 'relay'] as const).filter((k) => config.listeners[k].enabled).map((k) => ({ path: `listeners.${k}`, ...config.listeners[k] })),
    ...(config.admin.enabled ? [{ path: 'admin', ...config.admin }] : []),
  ];
  return bound.flatMap((b, i) =>
    bound.slice(0, i).filter((a) => clash(a, b)).map((a) => ({ path: `${b.path}.port`, message: `${b.host}:${b.port} is also used by ${a.path}` })),
  );
}

export function startProblems(config: Config): ConfigProblem[] {
  return [
    ...Object.entries(config.trustedNetworks).flatMap(([name, cidrs]) =>
      cidrs.flatMap((cidr, i) => problem(`trustedNetworks.${name}.${i}`, () => parseCidr(cidr)))),
    ...Object.entries(config.delivery.routes).flatMap(([domain, hops]) => {
      const list = hops.split(',').map((h) => h.trim()).filter(Boolean);
      if (list.length === 0) return [{ path: `delivery.routes.${domain}`, message: 'no next hop' }];
      return list.flatMap((hop) => problem(`delivery.routes.${domain}`, () => parseHop(hop)));
    }),
    ...config.delivery.dnsServers.flatMap((server, i) => problem(`delivery.dnsServers.${i}`, () => parseHop(server))),
    ...config.identity.headers.flatMap((h, i) =>
      problem(`identity.headers.${i}.pattern`, () => compileHeaderSources({ ...config.identity, presets: [], headers: [h] }))),
    ...portClashes(config),
  ];
}
