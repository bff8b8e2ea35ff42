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
