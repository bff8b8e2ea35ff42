// Builders of small bounce and report messages for the unit tests (our own text, not corpus samples).
import { configSchema } from '../../src/config/schema.js';
import { bounceMimeLimits } from '../../src/bounce/read.js';
import { readMime, type MimePart } from '../../src/shared/mime/reader.js';

export const testLimits = configSchema.parse({}).bounce;

export function message(lines: string[]): Buffer {
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/** The MIME tree of a raw bounce, read as the bounce reader reads it. */
export function mimeTree(raw: Buffer): MimePart {
  return readMime(raw, bounceMimeLimits(testLimits)).root;
}

export function mime(lines: string[]): MimePart {
  return mimeTree(message(lines));
}

/** A multipart/report (RFC 6522) with a text part, a report part of the given type and the returned headers. */
export function report(reportType: string, partType: string, fields: string[], text = 'The mail system could not deliver your message.'): Buffer {
  return message([
    'From: Mail Delivery System <MAILER-DAEMON@relay.example.net>',
    'To: sender@example.org',
    'Subject: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=${reportType}; boundary="R"`,
    '',
    '--R',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    text,
    '',
    '--R',
    `Content-Type: ${partType}`,
    '',
    ...fields,
    '',
    '--R',
    'Content-Type: text/rfc822-headers',
    '',
    'From: sender@example.org',
    'To: someone@example.com',
    'Subject: quarterly report',
    'Message-ID: <q1@example.org>',
    'X-Mailwarden-Trace: v1.acct.abc123',
    '',
    '--R--',
    '',
  ]);
}
