// Sender-domain policy: an account that enforces its domains may only use them (or their subdomains) in MAIL FROM
// and in the From: header. Pure functions.
import type { Account } from './types.js';
import { domainOf } from '../shared/address.js';

export function domainAllowed(domain: string, allowed: readonly string[]): boolean {
  const d = domain.toLowerCase();
  return allowed.some((a) => {
    const base = a.toLowerCase();
    return d === base || d.endsWith('.' + base);
  });
}

/**
 * The first of `addresses` the account may not send as, or null when all are allowed (or the account does not
 * enforce). The null sender (<>, '') has no domain and is allowed: bounces from the customer's own server use it.
 */
export function forbiddenSender(account: Pick<Account, 'enforceDomains' | 'allowedDomains'>, addresses: readonly string[]): string | null {
  if (!account.enforceDomains) return null;
  for (const address of addresses) {
    if (address === '') continue;
    if (!domainAllowed(domainOf(address), account.allowedDomains)) return address;
  }
  return null;
}
