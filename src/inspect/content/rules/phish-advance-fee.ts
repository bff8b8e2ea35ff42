// The advance-fee ("419") script: a confidential transfer of a large sum, a next of kin or beneficiary, and the
// reader's bank account to receive it. Two of its phrases must appear, since each alone occurs in honest mail.
import type { ContentRule } from './rule.js';

const PHRASES = [
  /\bstrictly\s+confidential|\bvery\s+confidential\s+(?:request|business|transaction)/i,
  /\bnext\s+of\s+kin\b/i,
  /\b(?:million|billion)\s+(?:united\s+states\s+dollars|u\.?s\.?\s+dollars|usd)\b/i, // spelled out, as the script writes it
  /\b(?:transfer|remit|move)\s+(?:the\s+|this\s+)?(?:funds?|money|sum)\s+(?:in)?to\s+your\s+(?:bank\s+)?account/i,
  /\b(?:beneficiary|foreign\s+partner)\b/i,
  /\b(?:late|deceased)\s+(?:client|father|husband|customer)\b/i,
  /\b\d{1,2}\s*%\s+(?:of\s+the\s+(?:total\s+)?(?:sum|amount|funds))/i,
];
const MIN_PHRASES = 2;

export const phishAdvanceFee: ContentRule = {
  name: 'PHISH_ADVANCE_FEE',
  score: 2.5,
  description: 'tells the advance-fee story of a large confidential transfer',
  test(msg) {
    const text = msg.subject + '\n' + msg.text;
    return PHRASES.filter((p) => p.test(text)).length >= MIN_PHRASES;
  },
};
