// Text in a 1-2 px font (or <font size=1>) that nobody can read: the same filter-dilution trick as hidden text.
import type { ContentRule } from './rule.js';

const MIN_TINY_CHARS = 50;

export const htmlTinyFont: ContentRule = {
  name: 'HTML_TINY_FONT',
  score: 1.0,
  strength: 'hint',
  description: 'HTML holds text in an unreadably small font',
  test: (msg) => (msg.html?.tinyChars ?? 0) >= MIN_TINY_CHARS,
};
