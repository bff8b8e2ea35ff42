// A Date that cannot be read (RFC 5322 §3.3 date-time, with the obsolete forms of §4.3 that Date.parse accepts) or
// that lies more than a day in the future: spamware that fakes dates to sort at the top of an inbox.
import { headerText } from '../message.js';
import type { ContentRule } from './rule.js';

const DAY_MS = 24 * 3600 * 1000;

export const badDate: ContentRule = {
  name: 'BAD_DATE',
  score: 1.0,
  strength: 'hint',
  description: 'Date header unreadable or in the future',
  test(msg, ctx) {
    const value = headerText(msg, 'date');
    if (!value) return false;
    const at = Date.parse(value.replace(/\([^)]*\)/g, '').trim());
    if (Number.isNaN(at)) return 'unreadable';
    return at > (ctx.now ?? Date.now()) + DAY_MS && 'in the future';
  },
};
