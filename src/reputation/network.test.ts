import { describe, expect, it } from 'vitest';
import { clientNetwork } from './network.js';

describe('client network of an AUTH', () => {
  it('is the /24 for IPv4 (also when mapped into IPv6) and the /64 for IPv6', () => {
    expect(clientNetwork('192.0.2.77')).toBe('192.0.2.0/24');
    expect(clientNetwork('::ffff:192.0.2.77')).toBe('192.0.2.0/24');
    expect(clientNetwork('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });
});
