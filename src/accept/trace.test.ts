import { describe, expect, it } from 'vitest';
import { stampRecipient, traceValue, verifyTrace } from './trace.js';

const secret = 'test-secret';

describe('trace header', () => {
  it('verifies what it signed, with the identity decoded', () => {
    const v = traceValue('0MI1ABCDEF0123456789', { account: 'hosting-a', sub: 'uid1000:mailer.php' }, secret);
    expect(v).toMatch(/^0MI1ABCDEF0123456789; hosting-a\/uid1000%3Amailer.php; [0-9a-f]{32}$/);
    expect(verifyTrace(`X-Mailwarden-Trace: ${v}`, secret)).toEqual({ kind: 'valid', queueId: '0MI1ABCDEF0123456789', account: 'hosting-a', sub: 'uid1000:mailer.php', recipient: '' });
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
  it('signs the recipient of a one-recipient copy; the short form still verifies, and neither passes for the other', () => {
    const id = '0MI1ABCDEF0123456789';
    const long = traceValue(id, { account: 'hosting', sub: 'shop' }, secret, 'Ann+x;y@Dest.test');
    expect(long).toMatch(/^0MI1ABCDEF0123456789; hosting\/shop; ann%2Bx%3By@dest\.test; [0-9a-f]{32}$/);
    expect(verifyTrace(long, secret)).toEqual({ kind: 'valid', queueId: id, account: 'hosting', sub: 'shop', recipient: 'ann+x;y@dest.test' });
    expect(verifyTrace(traceValue(id, { account: 'hosting', sub: 'shop' }, secret), secret)).toMatchObject({ kind: 'valid', recipient: '' });
    // Another recipient under the same MAC, or the recipient dropped to make a short form of it: forged.
    expect(verifyTrace(long.replace('ann%2Bx%3By@', 'bob@'), secret).kind).toBe('forged');
    expect(verifyTrace(long.replace(/ ann%2Bx%3By@dest\.test;/, ''), secret).kind).toBe('forged');
  });
  it('stamps the recipient into a copy in place of the message\'s trace, and leaves mail without one as it is', () => {
    const id = '0MI1ABCDEF0123456789';
    const raw = Buffer.from(`Received: by relay\r\nX-Mailwarden-Trace: ${traceValue(id, { account: 'a', sub: '' }, secret)}\r\nSubject: hi\r\n\r\nX-Mailwarden-Trace: in the body\r\n`);
    const copy = stampRecipient(raw, 'X-Mailwarden-Trace', id, { account: 'a', sub: '' }, 'bob@dest.test', secret).toString();
    expect(copy).toBe(`Received: by relay\r\nX-Mailwarden-Trace: ${traceValue(id, { account: 'a', sub: '' }, secret, 'bob@dest.test')}\r\nSubject: hi\r\n\r\nX-Mailwarden-Trace: in the body\r\n`);
    const dsn = Buffer.from('Subject: Delivery Status Notification\r\n\r\nX-Mailwarden-Trace: quoted\r\n');
    expect(stampRecipient(dsn, 'X-Mailwarden-Trace', id, { account: 'a', sub: '' }, 'bob@dest.test', secret)).toBe(dsn);
  });
});
