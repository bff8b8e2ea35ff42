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
