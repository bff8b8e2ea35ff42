// "invoice.pdf.exe": Windows hides the last extension by default, so the reader sees a document.
import { carriedFiles, describe } from '../attachments.js';
import { documentExtensions, executableExtensions, extensionOf, scriptExtensions } from '../data/attachments.js';
import type { ContentRule } from './rule.js';

export const attachDoubleExtension: ContentRule = {
  name: 'ATTACH_DOUBLE_EXTENSION',
  score: 5.0,
  strength: 'evidence',
  description: 'file name with a document extension followed by a program extension',
  test(msg) {
    const file = carriedFiles(msg).find((f) => {
      const last = extensionOf(f.name);
      if (!executableExtensions.has(last) && !scriptExtensions.has(last)) return false;
      const stem = f.name.slice(0, f.name.lastIndexOf('.')).trimEnd();
      return documentExtensions.has(extensionOf(stem));
    });
    return file ? describe(file) : false;
  },
};
