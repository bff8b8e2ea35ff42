import { describe, expect, it } from 'vitest';
import { findReturnPathTokens, returnPath, verifyReturnPath } from './return-path.js';

const s = { bounceDomain: 'bounces.example.net', secret: 'test-secret' };
const rcpts = ['Ann@Dest.test', 'bob@dest.test'];

describe('VERP return path', () => {
  it('fits a local part (64 octets) and verifies to its recipient, whatever the case an MTA gave it', () => {
    const rp = returnPath('MIS0ABCDE0123456789', 'acme/shop', 'Ann@Dest.test', s);
    expect(rp).toMatch(/^b\+mis0abcde0123456789\.[0-9a-f]{6}\.[0-9a-f]{20}@bounces\.example\.net$/);
    expect(rp.split('@')[0]!.length).toBeLessThanOrEqual(64);
    const [token] = findReturnPathTokens(`Return-Path: <${rp.toUpperCase()}>`, [s.bounceDomain]);
    expect(token?.queueId).toBe('MIS0ABCDE0123456789');
    expect(verifyReturnPath(token!, 'acme/shop', rcpts, s.secret)).toBe('Ann@Dest.test');
  });

  it('fails for another identity, another secret, a changed MAC or a recipient not of the message', () => {
    const [token] = findReturnPathTokens(returnPath('MIS0ABCDE0123456789', 'acme/shop', 'bob@dest.test', s), [s.bounceDomain]);
    expect(verifyReturnPath(token!, 'acme/other', rcpts, s.secret)).toBeNull();
    expect(verifyReturnPath(token!, 'acme/shop', rcpts, 'other-secret')).toBeNull();
    expect(verifyReturnPath({ ...token!, mac: '0'.repeat(20) }, 'acme/shop', rcpts, s.secret)).toBeNull();
    expect(verifyReturnPath(token!, 'acme/shop', ['ann@dest.test'], s.secret)).toBeNull();
  });

  it('ignores tokens on other domains', () => {
    const rp = returnPath('MIS0ABCDE0123456789', 'acme', 'bob@dest.test', s);
    expect(findReturnPathTokens(rp.replace('bounces.example.net', 'evil.test'), [s.bounceDomain])).toEqual([]);
  });
});
