// Zero-width and invisible formatting characters inside words split them for filters and not for readers, in the
// text and in the sender's display name ("C͏a͏r͏r͏e͏f͏o͏u͏r" with a joiner between each letter).
import type { ContentRule } from './rule.js';

// Unicode's default-ignorable code points (DerivedCoreProperties.txt: rendered as nothing) that text has no use for
// between letters: soft hyphen, combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian vowel
// separator, zero-width space/non-joiner/joiner, word joiner and invisible operators, BOM, half-width filler. Left
// out: the variation selectors and tags of emoji sequences, Mongolian's free variation selectors, and the bidi marks
// and controls that Arabic and Hebrew text uses.
const INVISIBLE = /[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200d\u2060-\u2064\u3164\ufeff\uffa0]/g;
const MIN_CHARS = 3;

export const zeroWidth: ContentRule = {
  name: 'ZERO_WIDTH_CHARS',
  score: 2.0,
  strength: 'hint',
  description: 'text hides zero-width characters inside words',
  test(msg) {
    const n = [msg.subject, msg.text, msg.from?.name ?? ''].reduce((sum, text) => sum + (text.match(INVISIBLE)?.length ?? 0), 0);
    return n >= MIN_CHARS && `${n} characters`;
  },
};
