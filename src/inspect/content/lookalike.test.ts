// Domains dressed up as a brand's are recognised by trick; the brand's own domains and unrelated names are not.
import { describe, expect, it } from 'vitest';
import { lookalikeOf, skeleton } from './lookalike.js';

describe('lookalike domains', () => {
  it('folds confusable letters, punycode and digit tricks into the name a reader sees', () => {
    expect(skeleton('xn--pypal-4ve')).toBe('paypal');
    expect(skeleton('rnicrosoft')).toBe('microsoft');
    expect(skeleton('paypa1')).toBe('paypal');
  });

  it('names the brand and the trick', () => {
    expect(lookalikeOf('paypa1.com')).toMatchObject({ how: 'confusable letters', brand: { name: 'paypal' } });
    expect(lookalikeOf('micosoft.com')).toMatchObject({ how: 'one letter off' });
    expect(lookalikeOf('paypal-secure-login.net')).toMatchObject({ how: 'brand name inside' });
    expect(lookalikeOf('dh1.com')).toMatchObject({ how: 'confusable letters', brand: { name: 'dhl' } });
    expect(lookalikeOf('github-advisory.net')).toMatchObject({ how: 'brand name inside', brand: { name: 'github' } });
  });

  it('leaves the brand\'s own domains and unrelated names alone', () => {
    for (const d of ['paypal.com', 'githubusercontent.com', 'microsoftonline.com', 'dhl.de', 'example.com', 'lindner-kaffee.de', 'appletree-bakery.com', 'chaser.io', 'w3.org']) {
      expect(lookalikeOf(d)).toBeNull();
    }
  });
});
