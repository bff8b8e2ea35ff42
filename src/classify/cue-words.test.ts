// The cue-word reading, through the classifier: replies no rule phrase knows, named by one word of their cause.
import { describe, expect, it } from 'vitest';
import { classifyReply } from './index.js';

describe('a word that names the cause, where no rule knows the phrase', () => {
  it.each([
    ['550 5.7.1 Refused: the file you sent is infected', 'virusdetected'],
    ['550 5.7.1 Rejected, see our DKIM requirements', 'authfailure'],
    ['550 5.7.1 Rejected: PTR of 192.0.2.1 is generic', 'requireptr'],
    ['554 5.7.1 Refused: we accept only TLS 1.2 and newer', 'failedstarttls'],
    ['554 5.7.1 Refused: check the denylist at example.org', 'blocked'],
    ['550 5.7.1 Refused: this looks like junk mail to us', 'spamdetected'],
    ["550 5.7.1 Refused: we won't relay that", 'norelaying'],
    ['450 4.7.1 Refused for now: too many deliveries from you', 'ratelimited'],
    ['552 5.0.0 Refused: recipient quota reached', 'mailboxfull'],
    ['421 Try again later (198.51.100.4). Please contact abuse@mx.example.net.', 'blocked'],
  ] as const)('%s -> %s', (text, reason) => {
    expect(classifyReply({ text })).toMatchObject({ reason, rule: 'cue-word' });
  });

  it('lets a status that names its own cause (X.1.1: no such mailbox) outrank a word', () => {
    expect(classifyReply({ text: '550 5.1.1 Refused: address on our spam list' })).toMatchObject({ reason: 'userunknown' });
  });

  it('reads a word only in a reply: a text without a code or a status stays unrecognised', () => {
    expect(classifyReply({ text: 'hello spam world' }).rule).toBe('fallback-none');
  });

  it('reads nothing into a reply without such a word', () => {
    expect(classifyReply({ text: '550 5.7.1 Refused' }).rule).not.toBe('cue-word');
  });
});
