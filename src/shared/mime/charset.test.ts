import { describe, expect, it } from 'vitest';
import { guessCharset } from './charset.js';

describe('guessCharset, in its documented order', () => {
  const utf8 = Buffer.from('Empfänger');
  const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
  it('takes a known declared charset first', () => {
    expect(guessCharset(latin1, 'ISO-8859-2')).toBe('iso-8859-2');
    expect(guessCharset(utf8, 'koi8-r')).toBe('koi8-r');
  });
  it('does not believe 8-bit bytes under ISO-2022-JP, a 7-bit code', () => {
    expect(guessCharset(utf8, 'iso-2022-jp')).toBe('utf-8');
    expect(guessCharset(Buffer.from('b0b8c0e8', 'hex'), 'ISO-2022-JP')).toBe('euc-jp');
  });
  it('then reads the bytes: a BOM, ISO-2022-JP escapes, valid UTF-8', () => {
    expect(guessCharset(Buffer.from([0xff, 0xfe, 0x41, 0x00]), undefined)).toBe('utf-16le');
    expect(guessCharset(Buffer.from('1b2442303840681b2842', 'hex'), 'us-ascii')).toBe('iso-2022-jp');
    expect(guessCharset(utf8, 'x-unknown')).toBe('utf-8');
    expect(guessCharset(utf8, 'us-ascii')).toBe('utf-8');
  });
  it('falls back to windows-1252 for 8-bit text that is none of these', () => {
    expect(guessCharset(latin1, undefined)).toBe('windows-1252');
    expect(guessCharset(latin1, 'x-unknown')).toBe('windows-1252');
  });
});
