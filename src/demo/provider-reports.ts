// What a mailbox provider sends back about a message it took from us, in the shape the big providers use: a
// feedback-loop complaint (ARF, RFC 5965: multipart/report; report-type=feedback-report with a human part, the
// machine-readable message/feedback-report and the message as stored, message/rfc822), and a late bounce (RFC 3464:
// multipart/report; report-type=delivery-status with message/delivery-status and the original's header as
// text/rfc822-headers). The provider simulator sends them; scenario tests write reports with them too.
import { rfc5322Date } from '../shared/dates.js';

/** The message as the provider stored it: its MTA adds Return-Path with the envelope sender (RFC 5321 §4.4). */
export function asDelivered(envelopeFrom: string, raw: Buffer | string): string {
  return `Return-Path: <${envelopeFrom}>\r\n${raw.toString()}`;
}

interface ReportHead {
  /** The provider's domain: the report's From and Message-ID are on it. */
  reporter: string;
  /** Where the report goes. */
  to: string;
  at: number;
  /** Unique per report: its Message-ID and MIME boundary. */
  id: string;
}

export interface ArfInput extends ReportHead {
  /** The reported message as stored (asDelivered), whole. */
  delivered: string;
  /** The address of the complaining user, when the provider discloses it (most redact it). */
  rcpt?: string;
  /** The envelope sender the message came with. */
  mailFrom?: string;
  sourceIp: string;
  feedbackType?: string;
}

export function arfReport(r: ArfInput): string {
  const b = `arf_${r.id}`;
  return [
    `From: Feedback Loop <fbl@${r.reporter}>`,
    `To: <${r.to}>`,
    `Subject: Complaint about message from ${r.sourceIp}`,
    `Date: ${rfc5322Date(r.at)}`,
    `Message-ID: <${r.id}@${r.reporter}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=feedback-report; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    `This is an email abuse report for an email message received from IP ${r.sourceIp}.`,
    '',
    `--${b}`,
    'Content-Type: message/feedback-report',
    '',
    `Feedback-Type: ${r.feedbackType ?? 'abuse'}`,
    'User-Agent: ProviderFBL/1.0',
    'Version: 1',
    ...(r.mailFrom ? [`Original-Mail-From: <${r.mailFrom}>`] : []),
    ...(r.rcpt ? [`Original-Rcpt-To: <${r.rcpt}>`] : []),
    `Arrival-Date: ${rfc5322Date(r.at)}`,
    `Source-IP: ${r.sourceIp}`,
    '',
    `--${b}`,
    'Content-Type: message/rfc822',
    'Content-Disposition: inline',
    '',
    r.delivered.replace(/\r?\n$/, ''),
    `--${b}--`,
    '',
  ].join('\r\n');
}

export interface DsnInput extends ReportHead {
  /** The host that accepted the message and found it undeliverable later. */
  reportingMta: string;
  rcpt: string;
  status?: string;
  diagnostic?: string;
  /** The original message (its header section is quoted). */
  original: string;
}

export function dsnReport(r: DsnInput): string {
  const b = `dsn_${r.id}`;
  return [
    `From: Mail Delivery Subsystem <MAILER-DAEMON@${r.reportingMta}>`,
    `To: <${r.to}>`,
    'Subject: Undelivered Mail Returned to Sender',
    `Date: ${rfc5322Date(r.at)}`,
    `Message-ID: <${r.id}@${r.reporter}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain',
    '',
    `Your message to <${r.rcpt}> could not be delivered.`,
    '',
    `--${b}`,
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns; ${r.reportingMta}`,
    `Arrival-Date: ${rfc5322Date(r.at)}`,
    '',
    `Final-Recipient: rfc822; ${r.rcpt}`,
    'Action: failed',
    `Status: ${r.status ?? '5.1.1'}`,
    `Remote-MTA: dns; ${r.reportingMta}`,
    `Diagnostic-Code: smtp; ${r.diagnostic ?? `550 5.1.1 <${r.rcpt}>: Recipient address rejected: User unknown in local recipient table`}`,
    '',
    `--${b}`,
    'Content-Type: text/rfc822-headers',
    '',
    r.original.split(/\r?\n\r?\n/)[0]!,
    '',
    `--${b}--`,
    '',
  ].join('\r\n');
}
