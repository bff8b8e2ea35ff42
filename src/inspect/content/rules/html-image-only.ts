// An HTML message that is images and almost no text puts its words where text filters cannot read them.
import type { ContentMessage } from '../message.js';
import type { ContentRule } from './rule.js';

// A sentence or two is words a filter reads: a payment notice under the company's logo ("Your card ending in 3205 has
// been charged: Growth plan, 25/06/2026, €39.00. Thanks for being a customer!", about 150 characters) is no image
// spam; on 130 transactional messages from public templates sent as HTML only, 200 characters tagged four of them.
const MAX_TEXT_CHARS = 100;
// Text without words is no text either: rows of digits and underscores under the pictures, there to look like content.
const MAX_LETTERS = 20;
const ENOUGH_LETTERS = new RegExp(String.raw`^(?:\P{L}*\p{L}){${MAX_LETTERS}}`, 'u'); // stops at the 20th letter

/** Whether the message is HTML made of images with almost no text. */
export function isImageOnly(msg: ContentMessage): boolean {
  if (!msg.html || msg.html.imageCount === 0) return false;
  if (msg.text.replace(/\s+/g, '').length < MAX_TEXT_CHARS) return true;
  return !ENOUGH_LETTERS.test(msg.text);
}

export const htmlImageOnly: ContentRule = {
  name: 'HTML_IMAGE_ONLY',
  score: 1.5,
  strength: 'hint',
  description: 'HTML message made of images with almost no text',
  test: isImageOnly,
};
