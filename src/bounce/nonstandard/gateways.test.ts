// Gateway notices that never name the SMTP command: "user unknown" is filtered unless an X.1.x status says the
// address itself was refused. Messages written for this test after the formats' fixed headings.
import { describe, expect, it } from 'vitest';
import { parseBounce } from '../index.js';

function zohoStyle(reply: string): Buffer {
  return Buffer.from([
    'From: mailer-daemon@mail.example.net',
    'To: ann@example.org',
    'Subject: Undelivered Mail Returned to Sender',
    'X-ZohoMail: Si CHF_MF_NL',
    'Content-Type: text/plain; charset=UTF-8',
    '',
    'This message was created automatically by mail delivery software.',
    'A message that you sent could not be delivered to one or more of its recipients. This is a permanent error.',
    '',
    `bob@example.com Invalid Address, ERROR_CODE :550, ERROR_CODE :${reply}`,
    '',
  ].join('\r\n'));
}

function x1Style(reason: string): Buffer {
  return Buffer.from([
    'From: "Mail Delivery System" <MAILER-DAEMON@gw.example.jp>',
    'To: ann@example.org',
    'Subject: Mail Delivery Failure',
    '',
    'The original message was received at Mon, 2 Feb 2026 10:00:00 +0900 (JST)',
    'from ann@example.org',
    '',
    '---The following addresses had delivery errors---',
    '',
    `carol@example.co.jp [${reason}]`,
    '',
  ].join('\r\n'));
}

describe('bounce formats that never name the SMTP command', () => {
  it('reads "user unknown" without an address status as filtered', () => {
    expect(parseBounce(zohoStyle('Requested action not taken: no such user here')).recipients[0]).toMatchObject({ recipient: 'bob@example.com', reason: 'filtered' });
    expect(parseBounce(x1Style('Unknown user')).recipients[0]).toMatchObject({ recipient: 'carol@example.co.jp', reason: 'filtered' });
  });
  it('keeps userunknown when an X.1.x status names the address', () => {
    expect(parseBounce(zohoStyle('5.1.1 <bob@example.com>... User Unknown')).recipients[0]?.reason).toBe('userunknown');
  });
  it('leaves other reasons alone', () => {
    expect(parseBounce(zohoStyle('5.2.2 <bob@example.com>... Mailbox Full')).recipients[0]?.reason).toBe('mailboxfull');
  });
});
