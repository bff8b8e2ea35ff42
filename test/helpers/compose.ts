// Test messages written with Nodemailer's MailComposer, the way a customer's application would write them, plus the
// few byte-level edits (dropping a header) that a composer will not do on purpose.
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';

export const DATE = new Date('2026-11-02T09:30:00Z');

/** A plain, honest message unless the options say otherwise. */
export async function compose(options: Mail.Options = {}): Promise<Buffer> {
  const mail = new MailComposer({
    from: 'Alice Example <alice@example.com>',
    to: 'bob@example.org',
    subject: 'Minutes of Tuesday',
    text: 'Hi Bob,\n\nattached are the minutes of our meeting on Tuesday. See you next week.\n\nAlice\n',
    date: DATE,
    messageId: '<minutes-1@example.com>',
    ...options,
  });
  return mail.compile().build();
}

/** The message without the named header field (and its continuation lines). */
export function withoutHeader(raw: Buffer, name: string): Buffer {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const kept: string[] = [];
  let dropping = false;
  for (const line of text.slice(0, end).split('\r\n')) {
    if (/^[ \t]/.test(line)) {
      if (!dropping) kept.push(line);
      continue;
    }
    dropping = line.toLowerCase().startsWith(name.toLowerCase() + ':');
    if (!dropping) kept.push(line);
  }
  return Buffer.from(kept.join('\r\n') + text.slice(end), 'latin1');
}

/** A minimal zip archive (APPNOTE §4.3.7 local headers, stored entries), optionally flagged encrypted. */
export function zipOf(entries: Array<{ name: string; data: string; encrypted?: boolean }>): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = Buffer.from(e.data, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(e.encrypted ? 1 : 0, 6); // general purpose flags, bit 0 = encrypted
    header.writeUInt32LE(data.length, 18); // compressed size
    header.writeUInt32LE(data.length, 22); // uncompressed size
    header.writeUInt16LE(name.length, 26);
    parts.push(header, name, data);
  }
  parts.push(Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)); // end of central directory (empty)
  return Buffer.concat(parts);
}
