// An HTML message that is images and almost no text puts its words where text filters cannot read them.
import type { ContentRule } from './rule.js';

const MAX_TEXT_CHARS = 200;

export const htmlImageOnly: ContentRule = {
  name: 'HTML_IMAGE_ONLY',
  score: 1.5,
  strength: 'hint',
  description: 'HTML message made of images with almost no text',
  test(msg) {
    if (!msg.html || msg.html.imageCount === 0) return false;
    return msg.text.replace(/\s+/g, '').length < MAX_TEXT_CHARS;
  },
};
