import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { byteBudget } from '../shared/byte-budget.js';
import { findDefect, readData } from './read-data.js';

describe('DATA content checks', () => {
  it('accepts CRLF-only content', () => {
    expect(findDefect(Buffer.from('a\r\nb\r\n'), -1)).toBeNull();
  });
  it('finds bare LF, bare CR and NUL', () => {
    expect(findDefect(Buffer.from('a\nb'), -1)).toBe('bare-lf');
    expect(findDefect(Buffer.from('a\r.\r\n'), -1)).toBe('bare-cr');
    expect(findDefect(Buffer.from('a\x00b'), -1)).toBe('nul');
  });
  it('judges line endings across chunk boundaries', () => {
    expect(findDefect(Buffer.from('\nx'), 0x0d)).toBeNull();
    expect(findDefect(Buffer.from('\nx'), 0x61)).toBe('bare-lf');
    expect(findDefect(Buffer.from('x'), 0x0d)).toBe('bare-cr');
    expect(findDefect(Buffer.from('abc\r'), -1)).toBeNull(); // decided by the next chunk
  });
  it('reads a message split anywhere, and a CR at the very end is bare', async () => {
    const ok = await readData(Readable.from([Buffer.from('a\r'), Buffer.from('\nb\r\n')]), 100, byteBudget(1000));
    expect(ok).toMatchObject({ size: 6, oversized: false, defect: null });
    expect(ok.raw.toString()).toBe('a\r\nb\r\n');
    expect((await readData(Readable.from([Buffer.from('a\r')]), 100, byteBudget(1000))).defect).toBe('bare-cr');
  });
  it('keeps nothing past the size limit but reads to the end', async () => {
    const r = await readData(Readable.from([Buffer.alloc(60, 0x61), Buffer.alloc(60, 0x61)]), 100, byteBudget(1000));
    expect(r).toMatchObject({ size: 120, oversized: true });
    expect(r.raw.length).toBe(0);
  });
  it('past the byte budget keeps nothing, reads to the end and gives every byte back', async () => {
    const budget = byteBudget(100);
    expect(budget.tryTake(30)).toBe(true); // another message in DATA
    const r = await readData(Readable.from([Buffer.alloc(50, 0x61), Buffer.alloc(50, 0x61)]), 1000, budget);
    expect(r).toMatchObject({ size: 100, oversized: false, overBudget: true });
    expect(r.raw.length).toBe(0);
    expect(budget.used()).toBe(30);
    const ok = await readData(Readable.from([Buffer.alloc(50, 0x61)]), 1000, budget);
    expect(budget.used()).toBe(80);
    ok.release();
    ok.release();
    expect(budget.used()).toBe(30);
  });
  it('reads into the declared size, and keeps the order when the message outgrows it', async () => {
    const parts = ['ab', 'cd', 'efgh', 'i'].map((x) => Buffer.from(x));
    for (const declared of [0, 3, 4, 9, 100]) {
      const r = await readData(Readable.from(parts), 1000, byteBudget(1000), declared);
      expect(r.raw.toString()).toBe('abcdefghi');
    }
  });
});
