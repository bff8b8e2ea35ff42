import { describe, expect, it } from 'vitest';
import { traceValue, verifyTrace } from './trace.js';

const secret = 'test-secret';

describe('trace header', () => {
  it('verifies what it signed, with the identity decoded', () => {
    const v = traceValue('0MI1ABCDEF0123456789', { account: 'hosting-a', sub: 'uid1000:mailer.php' }, secret);
    expect(v).toMatch(/^0MI1ABCDEF0123456789; hosting-a\/uid1000%3Amailer.php; [0-9a-f]{32}$/);
    expect(verifyTrace(`X-Mailwarden-Trace: ${v}`, secret)).toEqual({ kind: 'valid', queueId: '0MI1ABCDEF0123456789', account: 'hosting-a', sub: 'uid1000:mailer.php' });
  });
  it('keeps separators in a sub-identity from breaking the format', () => {
    const v = traceValue('0MI1ABCDEF0123456789', { account: 'a', sub: 'x; y/z é' }, secret);
    expect(verifyTrace(v, secret)).toMatchObject({ kind: 'valid', sub: 'x; y/z é' });
  });
  it('tells a forged trace (changed identity, queue id or secret) from text that is no trace at all', () => {
    const v = traceValue('0MI1ABCDEF0123456789', { account: 'alice', sub: '' }, secret);
    expect(verifyTrace(v.replace('alice', 'mallory'), secret)).toEqual({ kind: 'forged', queueId: '0MI1ABCDEF0123456789' });
    expect(verifyTrace(v.replace('0MI1', '0MI2'), secret).kind).toBe('forged');
    expect(verifyTrace(v, 'other-secret').kind).toBe('forged');
    expect(verifyTrace('hello world', secret)).toEqual({ kind: 'not-trace' });
  });
  it('survives header folding', () => {
    const v = traceValue('0MI1ABCDEF0123456789', { account: 'alice', sub: 'bob' }, secret).replace('; ', ';\r\n\t');
    expect(verifyTrace(v, secret).kind).toBe('valid');
  });
});
