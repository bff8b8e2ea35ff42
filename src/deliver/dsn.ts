// RFC 3464 delivery status notifications. No Node library writes multipart/report, so the few fixed parts are
// written here; header values go through libmime so non-ASCII text is encoded (RFC 2047) and long lines folded.
import { randomBytes } from 'node:crypto';
import libmime from 'libmime';
import type { Classification } from '../classify/types.js';
import { newQueueId } from '../queue/id.js';
import type { NewMessage } from '../queue/types.js';
import type { DsnAction } from '../queue/events.js';
import { rfc5322Date } from '../shared/dates.js';

export interface DsnRecipient {
  rcpt: string;
  /** RFC 3464 §2.3.3: 'failed' for bounces and expiry, 'delayed' for the delay warning. */
  action: DsnAction;
  status: string;
  /** The remote host's reply, or our own reason when no host answered (then `remoteMta` is ''). */
  reply: string;
  remoteMta: string;
  lastAttemptAt: number;
  expired: boolean;
  classification?: Classification;
}

export interface DsnInput {
  reportingMta: string;
  original: { id: string; mailFrom: string; receivedAt: number; raw: Buffer };
  recipients: DsnRecipient[];
  now: number;
}

/** The original's header section (up to the first empty line), for the text/rfc822-headers part. */
export function headerSection(raw: Buffer): string {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  return (end < 0 ? text : text.slice(0, end)).replace(/\r?\n/g, '\r\n') + '\r\n';
}

function header(name: string, value: string): string {
  return libmime.foldLines(`${name}: ${libmime.encodeWords(value, 'Q', 0)}`, 76) + '\r\n';
}

/** Socket errors of Node and nodemailer (errno names), in the words a sender can read. */
const SOCKET_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'the receiving server refused the connection',
  ETIMEDOUT: 'the connection to the receiving server timed out',
  ETIMEOUT: 'the connection to the receiving server timed out',
  ECONNRESET: 'the receiving server closed the connection unexpectedly',
  EHOSTUNREACH: 'the receiving server could not be reached (no route to host)',
  ENETUNREACH: 'the receiving server could not be reached (network unreachable)',
  ENOTFOUND: 'the name of the receiving server was not found in DNS',
  EAI_AGAIN: 'the name of the receiving server could not be looked up (DNS did not answer)',
  EPIPE: 'the connection to the receiving server broke off',
};

/**
 * Our own reason for a failure when no host answered: a raw "ESOCKET: connect ECONNREFUSED 192.0.2.1:25" becomes
 * "the receiving server refused the connection (192.0.2.1 port 25)"; anything else is kept as written.
 */
export function readableReason(reply: string): string {
  if (!/^\s*E[A-Z_]{3,}\b/.test(reply)) return reply; // an SMTP reply or a sentence of ours: kept as written
  const code = (reply.match(/\bE[A-Z_]{3,}\b/g) ?? []).find((c) => c in SOCKET_ERRORS);
  if (!code) return reply;
  const where = /\s(\S+):(\d{1,5})\s*$/.exec(reply);
  return where ? `${SOCKET_ERRORS[code]} (${where[1]} port ${where[2]})` : SOCKET_ERRORS[code]!;
}

/** Sentences of a fix that speak of the relay trying again: untrue in a notice that reports giving up. */
const RETRY_SENTENCE = /[^.]*\b(?:retr(?:y|ies|ied)|tries again|try again later)\b[^.]*\.\s*/gi;

function humanPart(input: DsnInput, delayed: boolean): string {
  const lines = delayed
    ? ['This is the mail system at ' + input.reportingMta + '.', '',
       'Your message could not be delivered yet to the recipients below. It is still in the queue and will be',
       'tried again; you do not need to send it again. You will be told if it finally fails.']
    : ['This is the mail system at ' + input.reportingMta + '.', '',
       'Your message could not be delivered to the recipients below. It has been given up; the reasons follow.'];
  for (const r of input.recipients) {
    lines.push('', `<${r.rcpt}>:`);
    lines.push(r.remoteMta ? `    ${r.remoteMta} said:` : '    reason:');
    for (const l of reasonText(r).split(/\r?\n/)) lines.push(`    ${l}`);
    if (r.expired) lines.push('    The message stayed in the queue too long without being delivered; it will not be tried again.');
    if (r.classification?.explanation) lines.push(`    What it means: ${r.classification.explanation}`);
    const fix = r.action === 'failed' ? r.classification?.fix.replace(RETRY_SENTENCE, '').trim() : r.classification?.fix;
    if (fix) lines.push(`    What to do: ${fix}`);
  }
  return lines.join('\r\n') + '\r\n';
}

/** The remote reply as sent, or our own reason in words. */
function reasonText(r: DsnRecipient): string {
  return r.remoteMta ? r.reply : readableReason(r.reply);
}

/** RFC 3464 §2.2 and §2.3: one per-message block, then one block per recipient. */
function statusPart(input: DsnInput): string {
  const blocks = [
    `Reporting-MTA: dns; ${input.reportingMta}\r\nX-Mailwarden-Queue-ID: ${input.original.id}\r\n` +
      `Arrival-Date: ${rfc5322Date(input.original.receivedAt)}\r\n`,
  ];
  for (const r of input.recipients) {
    // Diagnostic-Code (§2.3.6) carries a remote reply as type "smtp"; our own reasons get an X- type.
    const diag = r.remoteMta ? `smtp; ${r.reply.replace(/\r?\n/g, ' ')}` : `X-Mailwarden; ${reasonText(r).replace(/\r?\n/g, ' ')}`;
    blocks.push(
      `Final-Recipient: rfc822; ${r.rcpt}\r\nAction: ${r.action}\r\nStatus: ${r.status}\r\n` +
        (r.remoteMta ? `Remote-MTA: dns; ${r.remoteMta}\r\n` : '') +
        libmime.foldLines(`Diagnostic-Code: ${diag}`, 76) + '\r\n' +
        `Last-Attempt-Date: ${rfc5322Date(r.lastAttemptAt)}\r\n`,
    );
  }
  return blocks.join('\r\n');
}

/** Build the DSN as a message ready to queue: from the null sender (so it never bounces back), to the sender. */
export function buildDsn(input: DsnInput): NewMessage {
  const delayed = input.recipients.every((r) => r.action === 'delayed');
  const boundary = `=_mw_${randomBytes(12).toString('hex')}`;
  const id = newQueueId(input.now);
  const raw =
    header('From', `Mail Delivery System <MAILER-DAEMON@${input.reportingMta}>`) +
    header('To', `<${input.original.mailFrom}>`) +
    header('Subject', delayed ? 'Delayed Mail (still being retried)' : 'Undelivered Mail Returned to Sender') +
    header('Date', rfc5322Date(input.now)) +
    header('Message-ID', `<${id}.dsn@${input.reportingMta}>`) +
    'Auto-Submitted: auto-replied\r\n' + // RFC 3834 §5: keeps auto-responders from answering the DSN
    'MIME-Version: 1.0\r\n' +
    `Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary="${boundary}"\r\n` +
    '\r\n' +
    'This is a MIME-encapsulated delivery status notification.\r\n' +
    `\r\n--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n` +
    humanPart(input, delayed) +
    `\r\n--${boundary}\r\nContent-Type: message/delivery-status\r\n\r\n` +
    statusPart(input) +
    `\r\n--${boundary}\r\nContent-Type: text/rfc822-headers\r\n\r\n` +
    headerSection(input.original.raw) +
    `\r\n--${boundary}--\r\n`;
  const body = Buffer.from(raw, 'utf8');
  return {
    id, receivedAt: input.now, mailFrom: '', recipients: [input.original.mailFrom], raw: body,
    identity: { account: 'mailwarden', sub: 'dsn', source: 'none' },
    clientIp: '127.0.0.1', heloName: input.reportingMta, initialState: 'queued',
    smtpUtf8: /[^\x00-\x7f]/.test(input.original.mailFrom), eightBit: /[^\x00-\x7f]/.test(raw),
    events: [
      { at: input.now, type: 'received', data: { dsnFor: input.original.id, action: delayed ? 'delayed' : 'failed' } },
      { at: input.now, type: 'queued', data: { recipients: 1 } },
    ],
  };
}
