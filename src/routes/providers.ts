// The big mailbox providers, recognised by the host names of their MX records (several brands share one set of MX
// hosts: Yahoo and AOL both answer on *.yahoodns.net, so they share one reputation for a sending IP and one shaping),
// with the shaping each accepts from one source IP without complaint. The figures are conservative starting points
// taken from the providers' postmaster pages and operators' experience; `delivery.shaping` overrides any of them.

/** How much one source IP sends to one provider; 0 means no limit. */
export interface Shaping {
  /** Simultaneous connections. */
  connections: number;
  /** Messages over one connection before it is closed and another opened. */
  messagesPerConnection: number;
  messagesPerMinute: number;
  messagesPerHour: number;
}

export interface Provider {
  name: string;
  /** MX host names end with one of these (matched on a label boundary). */
  mxSuffixes: readonly string[];
  /** Recipient domains known to be hosted there, for destinations reached without an MX lookup (static routes). */
  domains: readonly string[];
  shaping: Shaping;
}

export const PROVIDERS: readonly Provider[] = [
  {
    name: 'google', mxSuffixes: ['google.com', 'googlemail.com'], domains: ['gmail.com', 'googlemail.com'],
    shaping: { connections: 10, messagesPerConnection: 100, messagesPerMinute: 600, messagesPerHour: 20_000 },
  },
  {
    name: 'yahoo', mxSuffixes: ['yahoodns.net'], domains: ['yahoo.com', 'ymail.com', 'rocketmail.com', 'aol.com', 'aim.com', 'verizon.net'],
    shaping: { connections: 5, messagesPerConnection: 20, messagesPerMinute: 300, messagesPerHour: 10_000 },
  },
  {
    name: 'microsoft-consumer', mxSuffixes: ['olc.protection.outlook.com', 'hotmail.com'], domains: ['outlook.com', 'hotmail.com', 'live.com', 'msn.com'],
    shaping: { connections: 5, messagesPerConnection: 20, messagesPerMinute: 300, messagesPerHour: 10_000 },
  },
  {
    name: 'microsoft-365', mxSuffixes: ['mail.protection.outlook.com'], domains: [],
    shaping: { connections: 10, messagesPerConnection: 50, messagesPerMinute: 600, messagesPerHour: 30_000 },
  },
  {
    name: 'apple', mxSuffixes: ['mail.icloud.com'], domains: ['icloud.com', 'me.com', 'mac.com'],
    shaping: { connections: 5, messagesPerConnection: 20, messagesPerMinute: 200, messagesPerHour: 6_000 },
  },
  {
    name: 'gmx-webde', mxSuffixes: ['gmx.net', 'gmx.com', 'web.de'], domains: ['gmx.de', 'gmx.net', 'gmx.com', 'web.de'],
    shaping: { connections: 3, messagesPerConnection: 20, messagesPerMinute: 100, messagesPerHour: 3_000 },
  },
  {
    name: 'comcast', mxSuffixes: ['comcast.net'], domains: ['comcast.net'],
    shaping: { connections: 2, messagesPerConnection: 10, messagesPerMinute: 60, messagesPerHour: 2_000 },
  },
  {
    name: 'orange', mxSuffixes: ['orange.fr', 'wanadoo.fr'], domains: ['orange.fr', 'wanadoo.fr'],
    shaping: { connections: 2, messagesPerConnection: 10, messagesPerMinute: 60, messagesPerHour: 2_000 },
  },
  {
    name: 'mailru', mxSuffixes: ['mail.ru'], domains: ['mail.ru', 'inbox.ru', 'list.ru', 'bk.ru'],
    shaping: { connections: 3, messagesPerConnection: 20, messagesPerMinute: 100, messagesPerHour: 3_000 },
  },
  {
    name: 'yandex', mxSuffixes: ['yandex.net', 'yandex.ru'], domains: ['yandex.ru', 'yandex.com', 'ya.ru'],
    shaping: { connections: 3, messagesPerConnection: 20, messagesPerMinute: 100, messagesPerHour: 3_000 },
  },
];

/** Everyone else: no limit of its own beyond the relay's per-destination connection setting. */
export const UNLIMITED: Shaping = { connections: 0, messagesPerConnection: 0, messagesPerMinute: 0, messagesPerHour: 0 };

function endsWithLabel(host: string, suffix: string): boolean {
  return host === suffix || host.endsWith(`.${suffix}`);
}

/**
 * The provider behind a destination: by the MX host name when there is one, else by the recipient domain. Unknown
 * destinations are their own provider, named after the domain, so that a reaction to one never touches another.
 * The longest matching suffix wins, so a narrower entry can be added beside a broader one.
 */
export function providerOf(mxHost: string | undefined, domain: string): string {
  const host = (mxHost ?? '').toLowerCase().replace(/\.$/, '');
  let best: { name: string; length: number } | undefined;
  if (host) {
    for (const p of PROVIDERS) {
      for (const s of p.mxSuffixes) if (endsWithLabel(host, s) && s.length > (best?.length ?? 0)) best = { name: p.name, length: s.length };
    }
  }
  if (best) return best.name;
  const d = domain.toLowerCase();
  return PROVIDERS.find((p) => p.domains.includes(d))?.name ?? d;
}

/** The shaping for a provider: the shipped defaults with the configured overrides on top. */
export function shapingOf(provider: string, overrides: Readonly<Record<string, Partial<Shaping>>>): Shaping {
  const base = PROVIDERS.find((p) => p.name === provider)?.shaping ?? UNLIMITED;
  return { ...base, ...(overrides[provider] ?? {}) };
}
