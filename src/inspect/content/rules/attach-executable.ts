// Executables as attachments (by name, or by the MZ / ELF magic of the content whatever the name says).
import { carriedFiles, describe } from '../attachments.js';
import { executableExtensions, extensionOf } from '../data/attachments.js';
import type { ContentRule } from './rule.js';

const isBinary = (c: Buffer) =>
  (c.length > 64 && c[0] === 0x4d && c[1] === 0x5a) || c.subarray(0, 4).toString('latin1') === '\x7fELF';

export const attachExecutable: ContentRule = {
  name: 'ATTACH_EXECUTABLE',
  score: 8.0,
  strength: 'evidence',
  description: 'carries an executable program',
  test(msg) {
    const file = carriedFiles(msg).find((f) => executableExtensions.has(extensionOf(f.name)) || isBinary(f.content));
    return file ? describe(file) : false;
  },
};
