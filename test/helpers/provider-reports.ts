// What a mailbox provider sends back about a message it received from us: an ARF complaint quoting the message (with
// the Return-Path its MTA added at delivery), or a late DSN to the return path, built as the provider simulator
// builds them (src/demo/provider-reports.ts), from a fixed provider, moment and id; and how a provider sends one.
import nodemailer from 'nodemailer';
import { arfReport, dsnReport } from '../../src/demo/provider-reports.js';

export { asDelivered } from '../../src/demo/provider-reports.js';

/** One fixed moment and id: the same call writes the same report (a replay is byte for byte one). */
const AT = Date.UTC(2026, 11, 4, 12);

export function arfComplaint(opts: { delivered: string; rcpt?: string; feedbackType?: string; to?: string }): string {
  return arfReport({
    reporter: 'provider.test', to: opts.to ?? 'fbl@bounces.test', at: AT, id: 'complaint-1', sourceIp: '127.0.0.1', delivered: opts.delivered,
    ...(opts.rcpt ? { rcpt: opts.rcpt } : {}), ...(opts.feedbackType ? { feedbackType: opts.feedbackType } : {}),
  });
}

export function lateDsn(opts: { rcpt: string; status?: string; diagnostic?: string; to: string; original?: string }): string {
  return dsnReport({
    reporter: 'provider.test', reportingMta: 'mx.provider.test', to: opts.to, at: AT, id: 'dsn-1', rcpt: opts.rcpt, original: opts.original ?? 'Subject: hello',
    ...(opts.status ? { status: opts.status } : {}), ...(opts.diagnostic ? { diagnostic: opts.diagnostic } : {}),
  });
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
