// Our trace line (RFC 5321 §4.4): every SMTP server that accepts a message for relay MUST prepend a Received header.
import type { SMTPServerSession } from 'smtp-server';
import { rfc5322Date } from '../shared/dates.js';

/** Strip anything that could break the header: the client chooses its HELO name and reverse DNS is theirs too. */
function safe(text: string): string {
  return text.replace(/[^\x21-\x7e]/g, '');
}

export function receivedHeader(opts: {
  session: Pick<SMTPServerSession, 'hostNameAppearsAs' | 'clientHostname' | 'remoteAddress' | 'transmissionType' | 'tlsOptions'>;
  hostname: string;
  queueId: string;
  recipients: readonly string[];
  now: number;
}): string {
  const { session } = opts;
  const helo = safe(session.hostNameAppearsAs || 'unknown');
  const rdns = safe(session.clientHostname || '');
  const ip = safe(session.remoteAddress);
  const from = rdns && rdns !== `[${ip}]` ? `from ${helo} (${rdns} [${ip}])` : `from ${helo} ([${ip}])`;
  const tls = session.tlsOptions ? ` (${safe(session.tlsOptions.version ?? 'TLS')} ${safe(session.tlsOptions.name)})` : '';
  // §4.4: the "for" clause names the recipient; only with one, so a Bcc list is not disclosed to every recipient.
  const forClause = opts.recipients.length === 1 ? `\r\n\tfor <${opts.recipients[0]}>` : '';
  return (
    `Received: ${from}\r\n\tby ${opts.hostname} (mailwarden) with ${session.transmissionType || 'ESMTP'}${tls}\r\n` +
    `\tid ${opts.queueId}${forClause}; ${rfc5322Date(opts.now)}\r\n`
  );
}
