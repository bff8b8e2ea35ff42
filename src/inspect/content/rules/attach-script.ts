// Script files that Windows or a browser runs when opened (JScript, VBScript, PowerShell, HTA, SVG with script).
import { carriedFiles, describe } from '../attachments.js';
import { extensionOf, scriptExtensions } from '../data/attachments.js';
import type { ContentRule } from './rule.js';

export const attachScript: ContentRule = {
  name: 'ATTACH_SCRIPT',
  score: 5.0,
  strength: 'evidence',
  description: 'carries a script file',
  test(msg) {
    const file = carriedFiles(msg).find((f) => scriptExtensions.has(extensionOf(f.name)));
    return file ? describe(file) : false;
  },
};
