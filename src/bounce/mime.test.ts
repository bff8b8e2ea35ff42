import { describe, expect, it } from 'vitest';
import { allParts, parseMime, type MimeLimits } from './mime.js';

const limits: MimeLimits = { maxDepth: 8, maxParts: 64, maxTextChars: 64 * 1024, maxHeaderBytes: 128 * 1024 };
const msg = (lines: string[]): Buffer => Buffer.from(lines.join('\r\n'), 'latin1');

describe('parseMime', () => {
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
