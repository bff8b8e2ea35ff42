// Words that mix Latin letters with Cyrillic or Greek look-alikes ("Pаypal" with a Cyrillic а): written to read as
// a brand to people and as something else to filters. Unicode TR39 calls this mixed-script confusables. The same
// trick hides a name under marks of another script: "A̱m̱a̱ẕo̱ṉ" with Syriac points over and under its Latin
// letters reads as Amazon to a person and as no name to a filter. No language puts a Syriac, Arabic or Hebrew
// vowel sign on a Latin letter (the accents of Latin-script languages are marks of no script of their own, or
// precomposed letters), so one such letter in the sender's name or the subject is enough.
import type { ContentRule } from './rule.js';

const MIXED_WORD = /(?=[\p{L}]*\p{Script=Latin})(?=[\p{L}]*[\p{Script=Cyrillic}\p{Script=Greek}])[\p{L}]{3,}/gu;
const MIN_WORDS = 2;
/**
 * A Latin letter, any marks, then a mark that belongs to other scripts only: by Script_Extensions, since the Arabic
 * vowel signs (used in Syriac too) are "Inherited" by Script and only their extensions say whose they are.
 */
const LATIN_UNDER_FOREIGN_MARK = /\p{Script=Latin}\p{M}*(?![\p{Script_Extensions=Inherited}\p{Script_Extensions=Latin}\p{Script_Extensions=Common}])\p{M}/u;
/** Where such marks are: Greek and Cyrillic marks, Hebrew to N'Ko, the Indic scripts, the extended mark blocks. */
const FOREIGN_MARK_RANGES = /[\u0342\u0345\u0483-\u0489\u0591-\u07ff\u0900-\u0dff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;

export const mixedScripts: ContentRule = {
  name: 'MIXED_SCRIPTS',
  score: 2.0,
  strength: 'evidence',
  description: 'words mix Latin with Cyrillic or Greek look-alike letters, or hide Latin letters under another script\'s marks',
  test(msg) {
    const name = msg.from?.name ?? '';
    const text = msg.subject + ' ' + name + ' ' + msg.text;
    // the common case without the Unicode scans: no Greek or Cyrillic letter, no other script's mark
    if (/[\u0370-\u04ff]/.test(text)) {
      const words = text.match(MIXED_WORD) ?? [];
      if (words.length >= MIN_WORDS) return words[0]!;
    }
    const marked = [name, msg.subject].find((t) => FOREIGN_MARK_RANGES.test(t) && LATIN_UNDER_FOREIGN_MARK.test(t));
    return marked !== undefined && `marks of another script on Latin letters in "${marked.slice(0, 40)}"`;
  },
};
