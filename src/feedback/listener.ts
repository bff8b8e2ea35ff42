// The SMTP listener of the feedback domains: bounces to the VERP return path and feedback-loop reports. It takes mail
// only for those domains, never relays (nothing it receives is queued), and answers each report with what became of
// it, so a provider testing its feedback loop sees the result; unusable input gets a 5xx with the reason.
import { SMTPServer } from 'smtp-server';
import { createAdmission, gateConnections } from '../accept/admission.js';
import { NO_ROOM } from '../accept/message.js';
import { readData } from '../accept/read-data.js';
import type { ByteBudget } from '../shared/byte-budget.js';
import type { TlsMaterial } from '../accept/secrets.js';
import { smtpError } from '../accept/smtp-error.js';
import type { Config } from '../config/schema.js';
import type { Logger } from '../shared/logger.js';
import type { Intake } from './intake.js';

export interface FeedbackListener {
  port: number;
  close(): Promise<void>;
}

export function feedbackDomains(config: Config): string[] {
  return [config.feedback.bounceDomain, ...config.feedback.reportDomains].map((d) => d.toLowerCase());
}

export async function startFeedbackListener(opts: { config: Config; tls: TlsMaterial; intake: Intake; logger: Logger; dataBudget: ByteBudget }): Promise<FeedbackListener> {
  const { config, intake, logger } = opts;
  const domains = new Set(feedbackDomains(config));
  const { limits } = config;
  const server = new SMTPServer({
    name: config.hostname,
    banner: 'mailwarden feedback ESMTP',
    key: opts.tls.key,
    cert: opts.tls.cert,
    size: config.bounce.maxBytes,
    maxClients: limits.maxClients,
    maxCommandLength: limits.maxCommandLineBytes,
    socketTimeout: limits.socketTimeoutMs,
    closeTimeout: limits.shutdownGraceMs,
    disableReverseLookup: true,
    logger: false,
    hideENHANCEDSTATUSCODES: true,
    hideDSN: true,
    authOptional: true,
    disabledCommands: ['AUTH'],
    onRcptTo(address, session, callback) {
      const domain = address.address.slice(address.address.lastIndexOf('@') + 1).toLowerCase();
      if (!domains.has(domain)) return callback(smtpError(550, '5.7.1 Relaying denied: this server takes only bounces and feedback reports for its own domains'));
      if (session.envelope.rcptTo.length >= limits.maxRecipients) return callback(smtpError(452, '4.5.3 Too many recipients'));
      callback();
    },
    onData(stream, session, callback) {
      readData(stream, config.bounce.maxBytes, opts.dataBudget).then(
        (data) => {
          // intake.process below is synchronous: no other message can take these bytes before it is done with them.
          data.release();
          // Bare LF and NUL are refused on the relay path because we would pass them on; a report goes nowhere.
          if (data.oversized) return callback(smtpError(552, `5.3.4 Report too big: the limit is ${config.bounce.maxBytes} bytes`));
          if (data.overBudget) return callback(smtpError(452, NO_ROOM));
          const envelopeRecipients = session.envelope.rcptTo.map((r) => r.address);
          const results = intake.process(data.raw, { source: 'smtp', envelopeRecipients });
          const first = results[0];
          logger.info({ event: 'feedback-report', sid: session.id, ip: session.remoteAddress, results }, 'feedback report');
          if (!first || first.status === 'rejected') {
            return callback(smtpError(550, `5.6.0 ${first?.status === 'rejected' ? first.error : 'empty report'}`.replace(/[\r\n]+/g, ' ')));
          }
          // An mbox or a digest holds several reports: the answer names what became of each.
          const answer = results.length === 1
            ? `report ${first.status}${first.reason ? ` (${first.reason})` : ''}`
            : `${results.length} reports: ${results.map((r) => r.status).join(', ')}`;
          callback(null, `2.0.0 Ok: ${answer}`.replace(/[\r\n]+/g, ' ').slice(0, 400));
        },
      ).catch(
        // Reading failed, or the intake threw (a bug: it must not, whatever a stranger sends): the session gets a
        // temporary error rather than hanging without an answer.
        (err: unknown) => {
          logger.error({ event: 'internal-error', what: 'feedback-data', err }, 'internal error while reading a report');
          callback(smtpError(451, '4.3.0 Temporary local problem, please try again later'));
        },
      );
    },
  });
  server.on('error', (err) => logger.warn({ event: 'smtp-error', listener: 'feedback', err: err.message }, 'SMTP connection error'));
  // This listener faces the internet (bounces and complaint reports come from anyone's servers): one address gets no
  // more simultaneous connections here than on the customers' listeners, or a single client could hold every slot
  // until the socket time-out and no report would get in. Its slots are its own, not shared with the customers'.
  gateConnections(server, createAdmission(limits, logger, 'feedback'), { implicitTls: false });
  const { host, port } = config.feedback.listener;
  const bound = await new Promise<number>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => {
      server.server.off('error', reject);
      const a = server.server.address();
      resolve(typeof a === 'object' && a ? a.port : port);
    });
  });
  logger.info({ event: 'listening', listener: 'feedback', host, port: bound }, 'listening');
  return { port: bound, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
