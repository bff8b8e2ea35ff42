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
    ['554 Vaše IP adresa 192.0.2.1 je na černé listině', 'blocked'],
  ] as const)('%s -> %s', (text, reason) => {
    expect(classifyReply({ text })).toMatchObject({ reason, rule: 'cue-word' });
  });

  // The mailbox and its state, or the message and its size, with the receiver's own words between them; written for
  // these tests in each language's ordinary phrasing (no status that names the cause, so only the words can).
  it.each([
    ['452 La boîte aux lettres du destinataire est pleine', 'mailboxfull'],
    ['552 Skrzynka odbiorcy jest pełna', 'mailboxfull'],
    ['552 Mailbox van ontvanger is vol', 'mailboxfull'],
    ['552 Pełna skrzynka odbiorcy', 'mailboxfull'],
    ['552 您的邮箱已满，请清理', 'mailboxfull'],
    ['550 Postfach des Empfängers gesperrt', 'suspend'],
    ['550 Cuenta deshabilitada', 'suspend'],
    ['550 Schránka příjemce byla zablokována', 'suspend'],
    ['552 Nachricht zu groß', 'emailtoolarge'],
    ['552 Le message est trop volumineux', 'emailtoolarge'],
    ['552 Wiadomość jest za duża', 'emailtoolarge'],
  ] as const)('%s -> %s', (text, reason) => {
    expect(classifyReply({ text })).toMatchObject({ reason, rule: 'cue-word' });
  });

  it('reads the state of a mailbox only next to it: a sender blocked further on is no disabled mailbox', () => {
    expect(classifyReply({ text: '550 Boîte inexistante ou adresse de l’expéditeur bloquée', phase: 'rcpt' }).reason).not.toBe('suspend');
    expect(classifyReply({ text: '550 Twoje konto zostało zablokowane', phase: 'mail' }).blame).not.toBe('recipient');
    expect(classifyReply({ text: '550 Mail volume from your server is too high' }).reason).not.toBe('mailboxfull');
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
