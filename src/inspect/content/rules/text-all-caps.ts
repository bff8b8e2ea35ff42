// Long runs of capitals in the body: a fifth or more of the words of a message of some length in capitals is
// shouting, not acronyms.
import type { ContentRule } from './rule.js';

const MIN_WORDS = 40;
const MIN_SHARE = 0.2;
const WORD = /\b[\p{L}]{3,}\b/gu;

export const textAllCaps: ContentRule = {
  name: 'TEXT_ALL_CAPS',
  score: 1.0,
  description: 'a large share of the text is in capital letters',
  test(msg) {
    const words = msg.text.match(WORD) ?? [];
    if (words.length < MIN_WORDS) return false;
    const caps = words.filter((w) => w === w.toUpperCase() && w !== w.toLowerCase()).length;
    return caps / words.length >= MIN_SHARE && `${Math.round((100 * caps) / words.length)} % of words`;
  },
};
