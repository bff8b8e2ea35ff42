// Text styled invisible (display:none, visibility:hidden, zero size or opacity) is written for filters, not
// readers: "hash busters" and innocent words to dilute a statistical filter. A few characters are tracking or
// preheader snippets, so only a paragraph's worth counts.
import type { ContentRule } from './rule.js';

const MIN_HIDDEN_CHARS = 100;

export const htmlHiddenText: ContentRule = {
  name: 'HTML_HIDDEN_TEXT',
  score: 1.5,
  strength: 'hint',
  description: 'HTML hides a block of text from the reader',
  test: (msg) => (msg.html?.hiddenChars ?? 0) >= MIN_HIDDEN_CHARS,
};
