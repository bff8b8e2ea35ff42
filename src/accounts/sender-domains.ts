// Sender-domain policy: an account that enforces its domains may only use them (or their subdomains) in MAIL FROM
// and in the From: header. Pure functions.
import addressparser from 'nodemailer/lib/addressparser/index.js';
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

/** One address: a local part and a domain, each without "@" or white space. */
const ONE_ADDRESS = /^[^@\s]+@[^@\s]+$/;

/** What is wrong with the From: header values of a message, or null when there is one header with one address. */
export function malformedFrom(values: readonly string[]): string | null {
  if (values.length !== 1) return `${values.length} headers`;
  const addresses = addressparser(values[0]!, { flatten: true });
  if (addresses.length !== 1) return `${addresses.length} addresses`;
  if (!ONE_ADDRESS.test(addresses[0]!.address)) return `<${addresses[0]!.address}> is not one address`;
  return null;
}
