// Which trusted network (by name) a client address belongs to, for the relay listener. node:net BlockList does the
// CIDR matching for IPv4 and IPv6 alike.
import { BlockList, isIPv4, isIPv6 } from 'node:net';

export type TrustedNetworkMatcher = (clientIp: string) => string | null;

function ipFamily(ip: string): 'ipv4' | 'ipv6' | null {
  if (isIPv4(ip)) return 'ipv4';
  if (isIPv6(ip)) return 'ipv6';
  return null;
}

export function parseCidr(cidr: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } {
  const [address = '', prefixText] = cidr.trim().split('/');
  const family = ipFamily(address);
  if (!family) throw new Error(`trustedNetworks: "${cidr}" is not an IP address or CIDR`);
  const max = family === 'ipv4' ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) throw new Error(`trustedNetworks: "${cidr}" has a bad prefix length`);
  return { address, prefix, family };
}

/** Build the matcher once at start; a bad CIDR throws with the offending entry. First network listed wins. */
export function trustedNetworkMatcher(networks: Readonly<Record<string, readonly string[]>>): TrustedNetworkMatcher {
  const lists = Object.entries(networks).map(([name, cidrs]) => {
    const list = new BlockList();
    for (const cidr of cidrs) {
      const { address, prefix, family } = parseCidr(cidr);
      list.addSubnet(address, prefix, family);
    }
    return { name, list };
  });
  return (clientIp) => {
    // An IPv4 client on a dual-stack socket shows up as ::ffff:a.b.c.d; match it as the IPv4 address it is.
    const ip = clientIp.startsWith('::ffff:') && isIPv4(clientIp.slice(7)) ? clientIp.slice(7) : clientIp;
    const family = ipFamily(ip);
    if (!family) return null;
    return lists.find(({ list }) => list.check(ip, family))?.name ?? null;
  };
}
