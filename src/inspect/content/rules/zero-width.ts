// Zero-width and invisible formatting characters inside words split them for filters and not for readers.
import type { ContentRule } from './rule.js';

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const MIN_CHARS = 3;

export const zeroWidth: ContentRule = {
  name: 'ZERO_WIDTH_CHARS',
  score: 2.0,
  strength: 'hint',
  description: 'text hides zero-width characters inside words',
  test(msg) {
    const n = (msg.subject.match(INVISIBLE)?.length ?? 0) + (msg.text.match(INVISIBLE)?.length ?? 0);
    return n >= MIN_CHARS && `${n} characters`;
  },
};
