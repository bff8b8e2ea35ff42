import { describe, expect, it } from 'vitest';
import { outerParts, parseRfc3464 } from './rfc3464.js';
import { mime, mimeTree, report } from '../../test/helpers/bounce-messages.js';

const parse = (raw: Buffer) => {
  const root = mimeTree(raw);
  return parseRfc3464(root, outerParts(root));
};

describe('parseRfc3464', () => {
  it('reads every recipient group with status, folded diagnostic and remote MTA', () => {
    const result = parse(
      report('delivery-status', 'message/delivery-status', [
        'Reporting-MTA: dns; relay.example.net',
        'Arrival-Date: Sun, 29 Nov 2026 10:00:00 +0000',
        '',
        'Final-Recipient: rfc822; first@example.com',
        'Action: failed',
        'Status: 5.1.1',
        'Remote-MTA: dns; mx.example.com',
        'Diagnostic-Code: smtp; 550 5.1.1 <first@example.com>: Recipient address',
        '    rejected: User unknown in virtual mailbox table',
        '',
        'Final-Recipient: rfc822; <second@example.com>',
        'Action: delayed',
        'Status: 4.4.1',
        'Diagnostic-Code: X-Postfix; connect to mx.example.com[192.0.2.1]:25: Connection timed out',
      ]),
    );
    expect(result.kind).toBe('found');
    if (result.kind !== 'found') return;
    expect(result.value.reportingMta).toBe('relay.example.net');
    expect(result.value.recipients).toEqual([
      {
        recipient: 'first@example.com',
        status: '5.1.1',
        code: 550,
        diagnostic: '550 5.1.1 <first@example.com>: Recipient address rejected: User unknown in virtual mailbox table',
        remoteMta: 'mx.example.com',
        dsnAction: 'failed',
        phase: null,
        hint: null,
      },
      {
        recipient: 'second@example.com',
        status: '4.4.1',
        code: null,
        diagnostic: 'connect to mx.example.com[192.0.2.1]:25: Connection timed out',
        remoteMta: null,
        dsnAction: 'delayed',
        phase: null,
        hint: null,
      },
    ]);
  });

  it('prefers the specific status inside the diagnostic over a generic 5.0.0 field', () => {
    const result = parse(report('delivery-status', 'message/delivery-status', ['Final-Recipient: rfc822; a@example.com', 'Action: failed', 'Status: 5.0.0', 'Diagnostic-Code: smtp; 552 5.2.2 Mailbox full']));
    expect(result.kind === 'found' && result.value.recipients[0]?.status).toBe('5.2.2');
  });

  it('reads RFC 6533 message/global-delivery-status with a UTF-8 address', () => {
    const result = parse(report('global-delivery-status', 'message/global-delivery-status', ['Final-Recipient: utf-8; müller@example.de', 'Action: failed', 'Status: 5.1.1']));
    expect(result.kind === 'found' && result.value.recipients.map((r) => r.recipient)).toEqual(['müller@example.de']);
  });

  it('reads DSN fields pasted into a plain-text body', () => {
    const root = mime(['From: MAILER-DAEMON@example.net', 'Subject: Returned mail', '', 'Delivery failed.', '', 'Reporting-MTA: dns; mx.example.net', '', 'Final-Recipient: rfc822; lost@example.com', 'Action: failed', 'Status: 5.1.1']);
    const result = parseRfc3464(root, outerParts(root));
    expect(result.kind === 'found' && result.value.recipients.map((r) => r.recipient)).toEqual(['lost@example.com']);
  });

  it('says "not this kind" for an ordinary message and "broken" for a report without usable recipients', () => {
    const plain = mime(['From: a@example.org', 'Subject: hello', '', 'Just a note.']);
    expect(parseRfc3464(plain, outerParts(plain)).kind).toBe('not-this-kind');
    const noRecipient = parse(report('delivery-status', 'message/delivery-status', ['Reporting-MTA: dns; relay.example.net', 'Action: failed']));
    expect(noRecipient).toEqual({ kind: 'broken', error: 'delivery-status part without a recipient field' });
    const noPart = parse(report('delivery-status', 'text/plain', ['nothing here']));
    expect(noPart.kind).toBe('broken');
  });

  it('ignores a delivery-status part inside the returned message', () => {
    const root = mime([
      'Content-Type: multipart/mixed; boundary=O',
      '',
      '--O',
      'Content-Type: text/plain',
      '',
      'Forwarded for your information.',
      '--O',
      'Content-Type: message/rfc822',
      '',
      'Content-Type: message/delivery-status',
      '',
      'Final-Recipient: rfc822; inner@example.com',
      'Status: 5.1.1',
      '--O--',
    ]);
    expect(parseRfc3464(root, outerParts(root)).kind).toBe('not-this-kind');
  });
});
