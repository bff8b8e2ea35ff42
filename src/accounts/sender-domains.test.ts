import { describe, expect, it } from 'vitest';
import { domainAllowed, forbiddenSender } from './sender-domains.js';

describe('sender-domain policy', () => {
  const account = { enforceDomains: true, allowedDomains: ['customer.test'] };
  it('allows the domain and its subdomains, case-insensitively', () => {
    expect(domainAllowed('customer.test', ['customer.test'])).toBe(true);
    expect(domainAllowed('Mail.Customer.TEST', ['customer.test'])).toBe(true);
    expect(domainAllowed('evilcustomer.test', ['customer.test'])).toBe(false);
  });
  it('names the first address outside the allowed domains', () => {
    expect(forbiddenSender(account, ['a@customer.test', 'b@other.test'])).toBe('b@other.test');
    expect(forbiddenSender(account, ['a@customer.test'])).toBeNull();
  });
  it('lets the null sender through and does nothing when the account does not enforce', () => {
    expect(forbiddenSender(account, [''])).toBeNull();
    expect(forbiddenSender({ ...account, enforceDomains: false }, ['x@other.test'])).toBeNull();
  });
});
