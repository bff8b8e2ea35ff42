// Long runs of capitals in the body: a fifth or more of the words of a message of some length in capitals is
// shouting, not acronyms.
import type { ContentRule } from './rule.js';

const MIN_WORDS = 40;
const MIN_SHARE = 0.2;
const WORD = /\b[\p{L}]{3,}\b/gu;
// Cheap pre-check on ASCII letters: a fifth of the words in capitals makes well over a tenth of the letters capitals,
// so below that the word scan (the costly part, on every message) is skipped. Every third character is enough to
// estimate the share (the rule needs 40 words, so at least a hundred letters are sampled), at a third of the cost.
const MIN_UPPER_LETTER_SHARE = 0.1;
const SAMPLE_STRIDE = 3;

function upperShare(text: string): number {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i += SAMPLE_STRIDE) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return upper / (upper + lower || 1);
}

export const textAllCaps: ContentRule = {
  name: 'TEXT_ALL_CAPS',
  score: 1.0,
  strength: 'hint',
  description: 'a large share of the text is in capital letters',
  test(msg) {
    if (upperShare(msg.text) < MIN_UPPER_LETTER_SHARE) return false;
    const words = msg.text.match(WORD) ?? [];
    if (words.length < MIN_WORDS) return false;
    const caps = words.filter((w) => w === w.toUpperCase() && w !== w.toLowerCase()).length;
    return caps / words.length >= MIN_SHARE && `${Math.round((100 * caps) / words.length)} % of words`;
  },
};
