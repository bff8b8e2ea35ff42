import { describe, expect, it } from 'vitest';
import { trustedNetworkMatcher } from './trusted-networks.js';

describe('trusted networks', () => {
  const match = trustedNetworkMatcher({ 'hosting-a': ['192.0.2.0/24', '2001:db8::/32'], single: ['198.51.100.7'] });
  it('names the network of an address, IPv4, IPv6 and v4-mapped', () => {
    expect(match('192.0.2.77')).toBe('hosting-a');
    expect(match('::ffff:192.0.2.77')).toBe('hosting-a');
    expect(match('2001:db8:1::5')).toBe('hosting-a');
    expect(match('198.51.100.7')).toBe('single');
  });
  it('returns null outside every network and for garbage', () => {
    expect(match('198.51.100.8')).toBeNull();
    expect(match('203.0.113.1')).toBeNull();
    expect(match('not-an-ip')).toBeNull();
  });
  it('refuses a bad CIDR at start with the entry', () => {
    expect(() => trustedNetworkMatcher({ x: ['10.0.0.0/33'] })).toThrow(/10\.0\.0\.0\/33/);
    expect(() => trustedNetworkMatcher({ x: ['example.test'] })).toThrow(/example\.test/);
  });
});
