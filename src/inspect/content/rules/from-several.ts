// A From field with several addresses and no Sender: RFC 5322 §3.6.2 requires a Sender when From names more than one
// author, and Gmail refuses such mail outright ("Messages with multiple addresses in From: header are not
// accepted"). Kits use it to show the reader one address (a brand's, a colleague's) while the one that passes the
// receiver's checks stands second.
import { fromMailboxes, hasHeader } from '../message.js';
import type { ContentRule } from './rule.js';

export const fromSeveral: ContentRule = {
  name: 'FROM_SEVERAL_ADDRESSES',
  score: 2.0,
  strength: 'hint',
  description: 'From names several addresses and there is no Sender (RFC 5322 §3.6.2; Gmail refuses such mail)',
  test(msg) {
    // One address has one "@": only a field with two is parsed again.
    const field = msg.headers.find((f) => f.name === 'from')?.value ?? '';
    if (field.indexOf('@') === field.lastIndexOf('@') || hasHeader(msg, 'sender')) return false;
    const authors = fromMailboxes(msg);
    return authors.length > 1 && authors.map((a) => a.address).join(', ');
  },
};
