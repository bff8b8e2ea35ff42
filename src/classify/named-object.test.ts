import { describe, expect, it } from 'vitest';
import { classifyReply } from './index.js';
import { namedObject } from './named-object.js';

describe('blame follows the object a refusal names', () => {
  it('finds an IP or a domain in the reply, and nothing when it names both or neither', () => {
    expect(namedObject('550 5.7.1 sender ip 203.0.113.5 is on our local blocklist')).toBe('sender-ip');
    expect(namedObject('550 mail from 203.0.113.5 not allowed')).toBe('sender-ip');
    expect(namedObject('550 5.7.1 your domain example.com has a poor reputation')).toBe('sender-domain');
    expect(namedObject('554 client host [192.0.2.1] blocked: domain example.com is listed')).toBeNull();
    // the sender's address is the sender's side, not its IP; an IP beside it (the address's own MX, in a callout's
    // answer) leaves the reading as the rule made it
    expect(namedObject('553 5.7.1 sender address rejected: not owned by user')).toBe('sender-domain');
    expect(namedObject('450 4.1.7 <b@example.net>: sender address rejected: unverified address: host mx.example.net[198.51.100.4] said: 550 no such user')).toBeNull();
    expect(namedObject('550 5.7.1 message refused')).toBeNull();
  });

  it('turns a generic reading toward the object named; the status code alone does not decide', () => {
    expect(classifyReply({ text: '550 5.7.1 Sender IP 203.0.113.5 is on our local blocklist' })).toMatchObject({ reason: 'blocked', blame: 'sender-ip', action: 'pause-route' });
    expect(classifyReply({ text: '550 5.7.1 Your domain example.com has a poor reputation' })).toMatchObject({ blame: 'sender-domain' });
    expect(classifyReply({ text: '550 5.7.1 Your domain example.com has a poor reputation' }).action).not.toBe('pause-route');
  });

  it('reads a bare "access denied" at connect as a refusal of the connecting IP', () => {
    expect(classifyReply({ text: '550 Access denied', phase: 'connect' })).toMatchObject({ reason: 'blocked', blame: 'sender-ip' });
    expect(classifyReply({ text: '550 Access denied', phase: 'rcpt' }).blame).not.toBe('sender-ip');
  });

  it('reads a refusal at connect in words no rule knows as a block of the connecting IP, and nothing else', () => {
    expect(classifyReply({ text: 'Banned', phase: 'connect' })).toMatchObject({ reason: 'blocked', blame: 'sender-ip', rule: 'phase-connect' });
    expect(classifyReply({ text: 'Your host is not welcome here', phase: 'connect' })).toMatchObject({ reason: 'blocked', blame: 'sender-ip' });
    expect(classifyReply({ text: 'hello world', phase: 'connect' }).reason).toBe('undefined'); // no refusal said
    expect(classifyReply({ text: 'Banned', phase: 'rcpt' }).blame).not.toBe('sender-ip');
  });
});
