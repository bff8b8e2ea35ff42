// Words that mix Latin letters with Cyrillic or Greek look-alikes ("Pаypal" with a Cyrillic а): written to read as
// a brand to people and as something else to filters. Unicode TR39 calls this mixed-script confusables.
import type { ContentRule } from './rule.js';

const MIXED_WORD = /(?=[\p{L}]*\p{Script=Latin})(?=[\p{L}]*[\p{Script=Cyrillic}\p{Script=Greek}])[\p{L}]{3,}/gu;
const MIN_WORDS = 2;

export const mixedScripts: ContentRule = {
  name: 'MIXED_SCRIPTS',
  score: 2.0,
  strength: 'evidence',
  description: 'words mix Latin with Cyrillic or Greek look-alike letters',
  test(msg) {
    const text = msg.subject + ' ' + (msg.from?.name ?? '') + ' ' + msg.text;
    if (!/[\u0370-\u04ff]/.test(text)) return false; // the common case, without the Unicode scan
    const words = text.match(MIXED_WORD) ?? [];
    return words.length >= MIN_WORDS && words[0]!;
  },
};
