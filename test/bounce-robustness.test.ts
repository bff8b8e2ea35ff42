// Whatever a stranger mails us, parseBounce answers: garbage, truncated MIME, wrong charsets, 10 MB bounces and
// pathological text give a result (kind "unknown", or what could be read), never an exception.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOUNCE_KINDS } from '../src/bounce/types.js';
import { parseBounce, type BounceReport } from '../src/bounce/index.js';

const fixtures = join(import.meta.dirname, 'fixtures/bounces');
const valid = (r: BounceReport): boolean => BOUNCE_KINDS.includes(r.kind) && Array.isArray(r.recipients);

/** A small deterministic generator, so a failure can be replayed. */
function bytes(seed: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const dsn = (extra: string[], charset = 'us-ascii'): Buffer =>
  Buffer.from(
    [
      'From: MAILER-DAEMON@relay.example.net',
      'Subject: Undelivered Mail Returned to Sender',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      '',
      '--B',
      `Content-Type: text/plain; charset=${charset}`,
      '',
      'The mail system could not deliver your message.',
      '--B',
      'Content-Type: message/delivery-status',
      '',
      'Final-Recipient: rfc822; gone@example.com',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 <gone@example.com>: Recipient address rejected: User unknown',
      '',
      ...extra,
    ].join('\r\n'),
  );

describe('parseBounce on hostile input', () => {
  it('answers kind "unknown" for random bytes and never throws', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const report = parseBounce(bytes(seed, (seed * 37) % 4096));
      expect(valid(report)).toBe(true);
      expect(report.kind).toBe('unknown');
    }
  });

  it('reads every prefix of real bounces (truncated MIME) without throwing', () => {
    for (const name of readdirSync(fixtures).filter((f) => f.endsWith('.eml'))) {
      const raw = readFileSync(join(fixtures, name));
      for (let cut = 0; cut < raw.length; cut += 211) expect(valid(parseBounce(raw.subarray(0, cut)))).toBe(true);
    }
  });

  it('reads a DSN cut inside its status part as far as it goes', () => {
    const full = dsn(['--B--']);
    const report = parseBounce(full.subarray(0, full.indexOf('Action:')));
    expect(report.kind).toBe('dsn');
    expect(report.recipients.map((r) => r.recipient)).toEqual(['gone@example.com']);
  });

  it('reads a 10 MB bounce (a large returned attachment) and finds its recipient', () => {
    const attachment = Buffer.alloc(7.5 * 1024 * 1024, 0x41).toString('base64').replace(/(.{76})/g, '$1\r\n');
    const raw = dsn(['--B', 'Content-Type: message/rfc822', '', 'Content-Type: application/octet-stream', 'Content-Transfer-Encoding: base64', '', attachment, '--B--']);
    expect(raw.length).toBeGreaterThan(10 * 1000 * 1000);
    const report = parseBounce(raw);
    expect(report.kind).toBe('dsn');
    expect(report.recipients.map((r) => [r.recipient, r.reason])).toEqual([['gone@example.com', 'userunknown']]);
  });

  it('survives wrong and unknown charset labels', () => {
    for (const charset of ['utf-16', 'x-no-such-charset', 'iso-2022-jp', 'shift_jis', 'utf-7', '']) {
      const report = parseBounce(dsn(['--B--'], charset));
      expect(report.kind).toBe('dsn');
      expect(report.recipients[0]?.recipient).toBe('gone@example.com');
    }
  });

  it('stays bounded on pathological text: long runs, deep nesting, endless boundaries', () => {
    const bounceHead = 'From: MAILER-DAEMON@example.net\nSubject: Undelivered Mail\n\n';
    const inputs = [
      bounceHead + 'a'.repeat(200_000),
      bounceHead + 'x@y' + '.-'.repeat(100_000),
      bounceHead + 'a@'.repeat(100_000),
      bounceHead + '<a@b.c>... ' + 'x@'.repeat(50_000),
      'Content-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@example.com\nStatus: 5.0.0 (' + '('.repeat(100_000),
      'Content-Type: message/rfc822\n\n'.repeat(5000),
      'Content-Type: multipart/mixed; boundary=b\n\n' + '--b\n'.repeat(100_000),
      'Content-Type: text/html\n\n' + '<style>'.repeat(50_000),
    ];
    for (const input of inputs) expect(valid(parseBounce(Buffer.from(input)))).toBe(true);
  });
});
