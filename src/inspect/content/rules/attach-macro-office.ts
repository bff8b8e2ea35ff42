// Office documents with macros: the macro-enabled OOXML extensions, an OOXML zip holding vbaProject.bin, or an OLE2
// (.doc/.xls) file with a _VBA_PROJECT stream (stream names are UTF-16LE in the compound file directory).
import { carriedFiles, describe } from '../attachments.js';
import { extensionOf, macroOfficeExtensions } from '../data/attachments.js';
import type { ContentRule } from './rule.js';

const OLE_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const OLE_VBA = Buffer.from('_VBA_PROJECT', 'utf16le');

export const attachMacroOffice: ContentRule = {
  name: 'ATTACH_MACRO_OFFICE',
  score: 3.0,
  strength: 'evidence',
  description: 'carries an Office document with macros',
  test(msg) {
    const files = carriedFiles(msg);
    const named = files.find((f) => macroOfficeExtensions.has(extensionOf(f.name)));
    if (named) return describe(named);
    const vba = files.find((f) => /(^|\/)vbaProject\.bin$/i.test(f.name));
    if (vba) return vba.archive;
    const ole = msg.attachments.find((a) => a.content.subarray(0, 8).equals(OLE_MAGIC) && a.content.includes(OLE_VBA));
    return ole ? ole.filename || '(unnamed)' : false;
  },
};
