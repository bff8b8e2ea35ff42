// A text body in base64 although it is plain ASCII: no mail client needs that (RFC 2045 §6.2 gives 7bit for it),
// but it hides the words from naive filters on the way.
import type { ContentRule } from './rule.js';

const ASCII_ONLY = /^[\x09\x0a\x0d\x20-\x7e]*$/;

export const base64Text: ContentRule = {
  name: 'BASE64_TEXT_BODY',
  score: 1.0,
  strength: 'hint',
  description: 'plain ASCII text needlessly encoded in base64',
  test: (msg) => msg.textParts.some((p) => p.transferEncoding === 'base64' && p.content.length > 0 && ASCII_ONLY.test(p.content)),
};
