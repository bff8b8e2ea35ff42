// Invisible elements between the letters of a word: the reader sees "Statement", a filter reads "Stat", a random
// token and "ement", and a link's text shows one address while the markup spells another. It exists only to break
// what a filter reads; no layout puts an invisible element inside a word, so a few of them are evidence.
import type { ContentRule } from './rule.js';

const MIN_SPLITS = 3;

export const htmlWordSplit: ContentRule = {
  name: 'HTML_WORD_SPLIT',
  score: 3,
  strength: 'evidence',
  description: 'breaks words up with invisible text, which only a filter reads',
  test: (msg) => (msg.html?.wordSplits ?? 0) >= MIN_SPLITS && `${msg.html!.wordSplits} words split`,
};
