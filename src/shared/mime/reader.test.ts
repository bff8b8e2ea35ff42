import { describe, expect, it } from 'vitest';
import { allParts, readMime, type MimeLimits } from './reader.js';

const limits: MimeLimits = {
  maxBytes: 32 * 1024 * 1024,
  maxHeaderBytes: 128 * 1024,
  maxFields: 500,
  maxDepth: 8,
  maxParts: 64,
  maxPartBytes: 256 * 1024,
  maxTextChars: 64 * 1024,
};
const msg = (lines: string[]): Buffer => Buffer.from(lines.join('\r\n'), 'latin1');
const parseMime = (raw: Buffer, l: MimeLimits) => readMime(raw, l).root;

describe('readMime', () => {
  it('splits a multipart and decodes base64, quoted-printable and declared charsets', () => {
    const root = parseMime(
      msg([
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        'preamble',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('Zustellung fehlgeschlagen: Empfänger unbekannt').toString('base64'),
        '--b1',
        'Content-Type: text/plain; charset=iso-8859-1',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Bo=EEte pleine, r=E9essayez',
        '--b1--',
      ]),
      limits,
    );
    expect(root.type).toBe('multipart/mixed');
    expect(root.truncated).toBe(false);
    expect(root.children.map((c) => c.text.trim())).toEqual(['Zustellung fehlgeschlagen: Empfänger unbekannt', 'Boîte pleine, réessayez']);
  });

  it('reads unlabelled ISO-2022-JP and Shift_JIS text', () => {
    const jis = Buffer.concat([Buffer.from('Content-Type: text/plain\r\n\r\n'), Buffer.from('1b2442303840681b2842', 'hex')]);
    expect(parseMime(jis, limits).text).toBe('宛先');
    const sjis = Buffer.concat([Buffer.from('Content-Type: text/plain; charset=Shift_JIS\r\n\r\n'), Buffer.from('88b690e6', 'hex')]);
    expect(parseMime(sjis, limits).text).toBe('宛先');
  });

  it('reads EUC-JP mislabelled as ISO-2022-JP (8-bit bytes cannot be ISO-2022-JP)', () => {
    const euc = Buffer.concat([Buffer.from('Content-Type: text/plain; charset="ISO-2022-JP"\r\n\r\n'), Buffer.from('b0b8c0e8', 'hex')]);
    expect(parseMime(euc, limits).text).toBe('宛先');
  });

  it('falls back to readable text for an unknown charset and for 8-bit text that is not UTF-8', () => {
    expect(parseMime(msg(['Content-Type: text/plain; charset=x-no-such-charset', '', 'user unknown']), limits).text).toBe('user unknown');
    const latin = Buffer.concat([Buffer.from('Content-Type: text/plain\r\n\r\n'), Buffer.from([0x63, 0x61, 0x66, 0xe9])]);
    expect(parseMime(latin, limits).text).toBe('café');
  });

  it('marks a multipart cut before its closing boundary as truncated and keeps the parts it has', () => {
    const root = parseMime(msg(['Content-Type: multipart/report; boundary=zz', '', '--zz', 'Content-Type: text/plain', '', 'The mail system', '--zz', 'Content-Type: message/delivery-status', '', 'Final-Recip']), limits);
    expect(root.truncated).toBe(true);
    expect(root.children.map((c) => c.type)).toEqual(['text/plain', 'message/delivery-status']);
  });

  it('uses the boundary the body really has when the declared one never occurs', () => {
    const root = parseMime(msg(['Content-Type: multipart/mixed; boundary="declared"', '', '--actual.123', 'Content-Type: text/plain', '', 'hello', '--actual.123--']), limits);
    expect(root.children.map((c) => c.text.trim())).toEqual(['hello']);
  });

  it('finds the boundary the body uses when its delimiter lines carry transport padding (RFC 2046 §5.1.1)', () => {
    const root = parseMime(msg(['Content-Type: multipart/mixed;', 'boundary="lost.on.an.unfolded.line"', '', '--actual.123  ', 'Content-Type: text/plain', '', 'hello', '--actual.123-- ']), limits);
    expect(allParts(root).map((p) => p.text.trim())).toContain('hello');
  });

  it('reads a multipart without any boundary line as text', () => {
    expect(parseMime(msg(['Content-Type: multipart/report; boundary=x', '', 'plain words']), limits).text.trim()).toBe('plain words');
  });

  it('stops at the part and depth limits', () => {
    const nested = (depth: number): string[] =>
      depth === 0 ? ['Content-Type: text/plain', '', 'leaf'] : ['Content-Type: message/rfc822', '', ...nested(depth - 1)];
    expect(allParts(parseMime(msg(nested(20)), { ...limits, maxDepth: 4 })).length).toBe(5);
    const many = ['Content-Type: multipart/mixed; boundary=m', ''];
    for (let i = 0; i < 100; i++) many.push('--m', 'Content-Type: text/plain', '', `part ${i}`);
    many.push('--m--');
    expect(allParts(parseMime(msg(many), { ...limits, maxParts: 10 })).length).toBe(10);
  });

  it('caps the decoded text of a part', () => {
    const root = parseMime(msg(['Content-Type: text/plain', '', 'x'.repeat(5000)]), { ...limits, maxTextChars: 100 });
    expect(root.text.length).toBe(100);
  });
});

// Hostile input: each bound gives a parse with a defect that says which limit was hit, never an exception, and keeps
// the work and the memory within the limits whatever the input's size.
describe('readMime bounds', () => {
  it('stops deep nesting at maxDepth with a defect', () => {
    let nested = ['Content-Type: text/plain', '', 'innermost'];
    for (let i = 0; i < 5000; i++) nested = [`Content-Type: multipart/mixed; boundary=b${i}`, '', `--b${i}`, ...nested, `--b${i}--`];
    const read = readMime(msg(nested), limits);
    expect(read.defects).toContain('MIME nesting too deep');
    expect(allParts(read.root).length).toBe(limits.maxDepth + 1);
    expect(allParts(read.root).some((p) => p.text.includes('innermost'))).toBe(false);
  });

  it('stops a huge part count at maxParts with a defect', () => {
    const lines = ['Content-Type: multipart/mixed; boundary=x', ''];
    for (let i = 0; i < 200_000; i++) lines.push('--x', '', `part ${i}`);
    lines.push('--x--');
    const read = readMime(msg(lines), limits);
    expect(read.defects).toContain('too many MIME parts');
    expect(allParts(read.root).length).toBe(limits.maxParts);
  });

  it('decodes at most maxPartBytes of a 20 MB base64 part', () => {
    const payload = Buffer.alloc(20 * 1024 * 1024, 0x41).toString('base64').replace(/.{76}/g, '$&\r\n');
    const raw = msg(['Content-Type: application/octet-stream', 'Content-Transfer-Encoding: base64', '', payload]);
    const before = process.memoryUsage().arrayBuffers;
    const { root } = readMime(raw, limits);
    expect(root.content.length).toBe(limits.maxPartBytes);
    expect(root.content.every((b) => b === 0x41)).toBe(true);
    // The decoded bytes are capped, not the whole 20 MB decoded and cut afterwards.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 * limits.maxPartBytes);
    expect(root.text).toBe(''); // not a textual type
  });

  it('reads no further than maxBytes of the message', () => {
    const raw = msg(['Content-Type: text/plain', '', 'x'.repeat(10_000)]);
    expect(readMime(raw, { ...limits, maxBytes: 1000 }).root.text.length).toBeLessThan(1000);
  });

  it('keeps the text of broken boundaries: none declared, never closed, or a different one used', () => {
    const none = readMime(msg(['Content-Type: multipart/mixed', '', 'only text']), limits);
    expect(none.defects).toContain('multipart without a boundary parameter');
    expect(none.root.text).toBe('only text');
    const unclosed = readMime(msg(['Content-Type: multipart/mixed; boundary=q', '', '--q', '', 'first', '--q', '', 'cut off']), limits);
    expect(unclosed.root.truncated).toBe(true);
    expect(unclosed.defects).toContain('multipart without its closing boundary');
    expect(unclosed.root.children.map((c) => c.text)).toEqual(['first', 'cut off']);
    const other = readMime(msg(['Content-Type: multipart/mixed; boundary=declared', '', '--used.4711', '', 'hello', '--used.4711--']), limits);
    expect(other.defects).toContain('multipart split on a boundary it does not declare');
    expect(other.root.children.map((c) => c.text)).toEqual(['hello']);
  });

  it('reads a part in an unknown charset by what its bytes are', () => {
    const utf8 = Buffer.concat([Buffer.from('Content-Type: text/plain; charset=x-unheard-of\r\n\r\n'), Buffer.from('Grüße')]);
    expect(readMime(utf8, limits).root.text).toBe('Grüße');
    const cp1252 = Buffer.concat([Buffer.from('Content-Type: text/plain; charset=x-unheard-of\r\n\r\n'), Buffer.from([0x93, 0x68, 0x69, 0x94])]);
    expect(readMime(cp1252, limits).root.text).toBe('\u201chi\u201d');
  });

  it('says why bytes are not a message and still returns a tree', () => {
    expect(readMime(Buffer.from(''), limits).notMessage).toBe('empty or no header section');
    expect(readMime(Buffer.from('no header here\r\n\r\nbody'), limits).notMessage).toBe('the first line is not a header field');
    expect(readMime(Buffer.from('Subject: a\0b\r\n\r\nbody'), limits).notMessage).toBe('NUL bytes in the header section');
    expect(readMime(Buffer.from('From someone@example.com Mon Nov  2 09:30:00 2026\nSubject: hi\n\nbody'), limits).notMessage).toBeNull();
  });

  it('cuts a header section longer than maxHeaderBytes and the fields beyond maxFields', () => {
    const many = Array.from({ length: 2000 }, (_, i) => `X-F${i}: ${'v'.repeat(100)}`);
    const read = readMime(msg([...many, '', 'body']), { ...limits, maxHeaderBytes: 50_000, maxFields: 300 });
    expect(read.root.fields.length).toBe(300);
    expect(read.defects).toContain('header section longer than 50000 bytes');
    expect(read.defects).toContain('too many header fields');
  });
});

describe('readMime on a header of broken lines', () => {
  it('names each kind of defect once, however many lines have it', () => {
    const read = readMime(msg(['Subject: ok', ...Array.from({ length: 300_000 }, () => 'no field here'), '', 'body']), { ...limits, maxHeaderBytes: 8 * 1024 * 1024 });
    expect(read.defects).toEqual(['line that is not a header field']);
    expect(read.root.header('subject')).toBe('ok');
    expect(read.root.text).toBe('body');
  });
});
