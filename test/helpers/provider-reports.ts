// What a mailbox provider sends back about a message it received from us: an ARF complaint quoting the message (with
// the Return-Path its MTA added at delivery), or a late DSN to the return path. Written here from RFC 5965 and
// RFC 3464, in the shape the big providers use.
import nodemailer from 'nodemailer';

/** The message as the provider stored it: its MTA adds Return-Path with the envelope sender (RFC 5321 §4.4). */
export function asDelivered(envelopeFrom: string, raw: Buffer | string): string {
  return `Return-Path: <${envelopeFrom}>\r\n${raw.toString()}`;
}

export function arfComplaint(opts: { delivered: string; rcpt?: string; feedbackType?: string; to?: string }): string {
  const b = 'arf_boundary_1';
  return [
    'From: Feedback Loop <fbl@provider.test>',
    `To: <${opts.to ?? 'fbl@bounces.test'}>`,
    'Subject: Complaint about message from 127.0.0.1',
    'Date: Fri, 04 Dec 2026 12:00:00 +0000',
    'Message-ID: <complaint-1@provider.test>',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=feedback-report; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is an email abuse report for an email message received from IP 127.0.0.1.',
    '',
    `--${b}`,
    'Content-Type: message/feedback-report',
    '',
    `Feedback-Type: ${opts.feedbackType ?? 'abuse'}`,
    'User-Agent: ProviderFBL/1.0',
    'Version: 1',
    ...(opts.rcpt ? [`Original-Rcpt-To: <${opts.rcpt}>`] : []),
    'Source-IP: 127.0.0.1',
    '',
    `--${b}`,
    'Content-Type: message/rfc822',
    'Content-Disposition: inline',
    '',
    opts.delivered.replace(/\r?\n$/, ''),
    `--${b}--`,
    '',
  ].join('\r\n');
}

export function lateDsn(opts: { rcpt: string; status?: string; diagnostic?: string; to: string; original?: string }): string {
  const b = 'dsn_boundary_1';
  return [
    'From: Mail Delivery Subsystem <MAILER-DAEMON@mx.provider.test>',
    `To: <${opts.to}>`,
    'Subject: Undelivered Mail Returned to Sender',
    'Date: Fri, 04 Dec 2026 12:00:00 +0000',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain',
    '',
    `Your message to <${opts.rcpt}> could not be delivered.`,
    '',
    `--${b}`,
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.provider.test',
    '',
    `Final-Recipient: rfc822; ${opts.rcpt}`,
    'Action: failed',
    `Status: ${opts.status ?? '5.1.1'}`,
    'Remote-MTA: dns; store.provider.test',
    `Diagnostic-Code: smtp; ${opts.diagnostic ?? '550 5.1.1 <' + opts.rcpt + '>: Recipient address rejected: User unknown in local recipient table'}`,
    '',
    `--${b}`,
    'Content-Type: text/rfc822-headers',
    '',
    (opts.original ?? 'Subject: hello').split(/\r?\n\r?\n/)[0]!,
    '',
    `--${b}--`,
    '',
  ].join('\r\n');
}

/** Send a report as a provider does: from the null sender, to the feedback listener. */
export async function sendReport(port: number, to: string, raw: string): Promise<string> {
  const t = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    const info = await t.sendMail({ envelope: { from: '', to: [to] }, raw });
    return info.response;
  } finally {
    t.close();
  }
}

/**
 * A Microsoft JMRP complaint (Outlook.com's feedback loop): ARF from staff@hotmail.com with the reported copy
 * attached, stamped X-HmXmrOriginalRecipient. `redacted`: the complainer's address withheld (no such header, no
 * Original-Rcpt-To), as Microsoft does for privacy; only what we wrote into the copy can name the recipient.
 */
export function jmrpComplaint(opts: { delivered: string; rcpt?: string; redacted?: boolean }): string {
  const b = 'jmrp_b_0001';
  const stamp = !opts.redacted && opts.rcpt ? `X-HmXmrOriginalRecipient: <${opts.rcpt}>\r\n` : '';
  return [
    'From: staff@hotmail.com',
    'To: <fbl@bounces.test>',
    'Subject: complaint about message from 127.0.0.1',
    'Date: Fri, 04 Dec 2026 12:00:00 +0000',
    'Message-ID: <jmrp-0001@hotmail.com>',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=feedback-report; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset="us-ascii"',
    '',
    'This is an email abuse report for an email message received from IP 127.0.0.1 on Fri, 04 Dec 2026 11:58:00 +0000.',
    '',
    `--${b}`,
    'Content-Type: message/feedback-report',
    '',
    'Feedback-Type: abuse',
    'User-Agent: Microsoft JMRP',
    'Version: 1',
    'Source-IP: 127.0.0.1',
    'Arrival-Date: Fri, 04 Dec 2026 11:58:00 +0000',
    '',
    `--${b}`,
    'Content-Type: message/rfc822',
    'Content-Disposition: inline',
    '',
    (stamp + opts.delivered).replace(/\r?\n$/, ''),
    `--${b}--`,
    '',
  ].join('\r\n');
}

/** A delivered copy's header fields as SES lists them in `mail.headers` (name and value, unfolded). */
export function sesHeaders(raw: Buffer | string): Array<{ name: string; value: string }> {
  const head = raw.toString().split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return head.split(/\r?\n/).map((line) => ({ name: line.slice(0, line.indexOf(':')), value: line.slice(line.indexOf(':') + 1).trim() }));
}

/**
 * An Amazon SES notification (SES developer guide, "Amazon SNS notification contents"), as the SNS topic's email
 * subscription delivers it: `email` puts the notification's JSON in the body, `email-json` the SNS envelope whose
 * Message is that JSON as a string. SNS folds long lines with a newline and a space.
 */
export function sesNotification(opts: { notification: Record<string, unknown>; protocol: 'email' | 'email-json'; to?: string }): string {
  const message = JSON.stringify(opts.notification);
  const body = opts.protocol === 'email'
    ? `${message}\n\n--\nIf you wish to stop receiving notifications from this topic, please click or visit the link below to unsubscribe:\nhttps://sns.us-east-1.amazonaws.com/unsubscribe.html?SubscriptionArn=arn:aws:sns:us-east-1:123456789012:ses-feedback:0001`
    : JSON.stringify({
      Type: 'Notification', MessageId: '7d8a6a4e-0001', TopicArn: 'arn:aws:sns:us-east-1:123456789012:ses-feedback', Message: message,
      Timestamp: '2026-12-04T12:00:00.000Z', SignatureVersion: '1', Signature: 'c2lnbmF0dXJl',
      SigningCertURL: 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0001.pem',
      UnsubscribeURL: 'https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-1:123456789012:ses-feedback:0001',
    }, null, 2);
  const folded = body.split('\n').map((line) => line.replace(/(.{76})(?=.)/g, '$1\r\n ')).join('\r\n');
  return [
    'From: AWS Notifications <no-reply@sns.amazonaws.com>',
    `To: <${opts.to ?? 'ses-feedback@bounces.test'}>`,
    'Subject: AWS Notification Message',
    'Date: Fri, 04 Dec 2026 12:00:00 +0000',
    'Message-ID: <0100018c-sns-0001@email.amazonses.com>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 7bit',
    '',
    folded,
    '',
  ].join('\r\n');
}

/** The `mail` object of an SES notification about a copy our relay handed to SES. */
export function sesMail(copy: { mailFrom: string; rcptTo: string[]; raw: Buffer }): Record<string, unknown> {
  return {
    timestamp: '2026-12-04T11:58:00.000Z', messageId: '0100018c-0001', source: copy.mailFrom, sourceIp: '127.0.0.1',
    sourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/shop.test', sendingAccountId: '123456789012',
    destination: copy.rcptTo, headersTruncated: false, headers: sesHeaders(copy.raw),
  };
}
