// A subject written in capitals ("YOUR POWER SUPPLY IS KILLING YOUR EQUIPMENT"): shouting for attention, rare in
// person-to-person and transactional mail. Short subjects ("RE: FYI", "URGENT") are too common to count.
import type { ContentRule } from './rule.js';

const MIN_LETTERS = 12;

export const subjectAllCaps: ContentRule = {
  name: 'SUBJECT_ALL_CAPS',
  score: 1.0,
  strength: 'hint',
  description: 'subject written in capital letters',
  test(msg) {
    const letters = msg.subject.replace(/^(?:(?:re|fwd?|aw|wg)\s*:\s*)+/i, '').replace(/[^\p{L}]/gu, '');
    return letters.length >= MIN_LETTERS && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  },
};
