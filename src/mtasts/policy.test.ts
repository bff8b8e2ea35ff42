import { describe, expect, it } from 'vitest';
import { txtId } from './fetch.js';
import { applyPolicy, mxMatches, parsePolicy } from './policy.js';

describe('MTA-STS policies', () => {
  it('parses a policy file and refuses a broken one', () => {
    expect(parsePolicy('version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\n', 'a1'))
      .toEqual({ id: 'a1', mode: 'enforce', mx: ['mx1.example.com', '*.example.net'], maxAgeS: 604800 });
    expect(parsePolicy('version: STSv2\nmode: enforce\nmx: a\nmax_age: 1', 'x')).toBe('policy version is not STSv1');
    expect(parsePolicy('version: STSv1\nmode: enforce\nmax_age: 1', 'x')).toBe('policy lists no mx');
  });

  it('matches a wildcard on exactly one leftmost label', () => {
    expect(mxMatches('*.example.net', 'mx1.example.net.')).toBe(true);
    expect(mxMatches('*.example.net', 'a.b.example.net')).toBe(false);
    expect(mxMatches('*.example.net', 'example.net')).toBe(false);
    expect(mxMatches('mx.example.com', 'MX.example.com')).toBe(true);
  });

  it('reads the id of the one STSv1 TXT record', () => {
    expect(txtId([['v=STSv1; id=2026', '1204;']])).toBe('20261204');
    expect(txtId([['v=STSv1; id=1;'], ['v=STSv1; id=2;']])).toBeUndefined();
    expect(txtId([['v=spf1 -all']])).toBeUndefined();
  });

  it('keeps only listed MX hosts in enforce mode, requiring valid TLS, and only reports in testing mode', () => {
    const hops = [{ host: '192.0.2.1', port: 25, name: 'mx1.example.net' }, { host: '192.0.2.2', port: 25, name: 'backup.other.test' }];
    const policy = { id: '1', mode: 'enforce' as const, mx: ['*.example.net'], maxAgeS: 60 };
    expect(applyPolicy('example.net', policy, hops)).toEqual({ kind: 'enforce', hops: [{ ...hops[0], requireValidTls: true }] });
    expect(applyPolicy('example.net', { ...policy, mode: 'testing' }, hops)).toEqual({ kind: 'as-usual', mismatched: ['backup.other.test'] });
    expect(applyPolicy('example.net', { ...policy, mx: ['mx.else.test'] }, hops).kind).toBe('refuse');
    expect(applyPolicy('example.net', undefined, hops)).toEqual({ kind: 'as-usual', mismatched: [] });
  });
});
