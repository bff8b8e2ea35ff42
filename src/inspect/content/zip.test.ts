// Zip local headers (APPNOTE §4.3.7): entry names and the encryption flag, also when sizes come after the data.
import { describe, expect, it } from 'vitest';
import { zipOf } from '../../../test/helpers/compose.js';
import { zipEntries } from './zip.js';

describe('zipEntries', () => {
  it('lists entries with their encryption flag', () => {
    const zip = zipOf([{ name: 'a.txt', data: 'hello' }, { name: 'dir/b.exe', data: 'MZ..', encrypted: true }]);
    expect(zipEntries(zip)).toEqual([
      { name: 'a.txt', encrypted: false },
      { name: 'dir/b.exe', encrypted: true },
    ]);
  });

  it('finds the next entry by its signature when the sizes follow the data (flag bit 3)', () => {
    const zip = zipOf([{ name: 'a.txt', data: 'hello' }, { name: 'b.txt', data: 'world', encrypted: true }]);
    zip.writeUInt16LE(8, 6); // first entry: sizes in a data descriptor
    zip.writeUInt32LE(0, 18); // ... so its header says 0
    expect(zipEntries(zip).map((e) => e.name)).toEqual(['a.txt', 'b.txt']);
  });

  it('answers nothing for content that is no zip, or a zip cut short', () => {
    expect(zipEntries(Buffer.from('%PDF-1.4 not a zip'))).toEqual([]);
    expect(zipEntries(zipOf([{ name: 'a.txt', data: 'x' }]).subarray(0, 20))).toEqual([]);
  });
});
