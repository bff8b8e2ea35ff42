// Amazon SES notifications (written for this test after the SES developer guide's field list): the bounce type
// stands in for a status when SES attached no DSN, the original headers give back our trace, and JSON of the wrong
// shape is a broken notification, never an exception.
import { describe, expect, it } from 'vitest';
import { parseAmazonSes } from './amazon-ses.js';

const TRACE = 'X-Mailwarden-Trace';
const parse = (doc: unknown) => parseAmazonSes(JSON.stringify(doc), TRACE);

describe('Amazon SES notifications', () => {
  it('a permanent NoEmail bounce without a DSN is a permanent failure of an unknown user', () => {
    const r = parse({ notificationType: 'Bounce', bounce: { bounceType: 'Permanent', bounceSubType: 'NoEmail', bouncedRecipients: [{ emailAddress: 'gone@dest.test' }] } });
    expect(r).toMatchObject({ kind: 'found', value: { type: 'bounce', recipients: [{ recipient: 'gone@dest.test', status: '5.0.0', hint: 'userunknown' }] } });
    const transient = parse({ notificationType: 'Bounce', bounce: { bounceType: 'Transient', bounceSubType: 'MailboxFull', bouncedRecipients: [{ emailAddress: 'full@dest.test' }] } });
    expect(transient).toMatchObject({ value: { recipients: [{ status: '4.0.0', hint: null }] } });
  });

  it('gives back the envelope sender and our trace header from the mail object', () => {
    const mail = { source: 'b+abc@bounces.test', headers: [{ name: 'Subject', value: 'hi' }, { name: 'x-mailwarden-trace', value: 'Q; a; 00' }] };
    const r = parse({ notificationType: 'Complaint', mail, complaint: { complainedRecipients: [{ emailAddress: 'ann@dest.test' }] } });
    expect(r).toMatchObject({ kind: 'found', value: { quoted: { returnPath: 'b+abc@bounces.test', trace: 'Q; a; 00' }, feedback: { feedbackType: 'abuse', original: { trace: 'Q; a; 00' } } } });
  });

  it('reads no more than 100 recipients of one notification', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ emailAddress: `r${i}@dest.test` }));
    const r = parse({ notificationType: 'Bounce', bounce: { bounceType: 'Permanent', bouncedRecipients: many } });
    expect(r.kind === 'found' && r.value.recipients.length).toBe(100);
  });

  it('JSON of the wrong shape is broken, not thrown', () => {
    for (const doc of [
      { notificationType: 'Bounce', bounce: { bouncedRecipients: 'everyone' } },
      { notificationType: 'Bounce', bounce: null, mail: 'x' },
      { notificationType: 'Delivery', delivery: { recipients: [1, null, {}] } },
      { notificationType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: ['a@b'] }] }, mail: { headers: 'all' } },
      { Type: 'Notification', Message: 'null', notificationType: 'x' },
      { Type: 'Notification', Message: '{"notificationType":', notificationType: 'x' },
    ]) {
      expect(parse(doc).kind).toBe('broken');
    }
  });
});
