// Payment pressure and untraceable payment means: the language of invoice fraud, fake fees and gift-card scams.
import { linksOnlyToOwnSite } from '../links.js';
import { findPhrase } from './phrases.js';
import type { ContentRule } from './rule.js';

const PAYMENT_PHRASES = new RegExp(
  // \b first: the alternatives are only tried at word starts, a fifth of the positions.
  String.raw`\b(?:` +
  [
    String.raw`(?:wire|bank)\s+transfer\s+(?:of|the|to)`,
    String.raw`(?:change|update)\s+(?:of|to|in)?\s*(?:our|the)?\s*bank(?:ing)?\s+details`,
    // the supplier's or employee's account "changed": invoices or the salary to be paid elsewhere from now on
    String.raw`(?:bank(?:ing)?|account)\s+(?:details|information|info)\s+(?:have|has)\s+(?:been\s+)?(?:changed|updated)|(?:do\s+not|don't)\s+(?:pay|send)\s+(?:\w+\s+){0,2}?(?:to|into)\s+the\s+old\s+account|(?:change|update)\s+my\s+(?:direct\s+deposit|payroll|salary\s+account)`,
    String.raw`(?:payment|invoice)\s+(?:is\s+)?(?:overdue|past\s+due|outstanding|declined|failed)`,
    String.raw`(?:buy|purchase|send)\s+(?:me\s+)?(?:some\s+)?(?:itunes|google\s+play|amazon|steam)?\s*gift\s*cards?`,
    String.raw`western\s+union|moneygram`,
    String.raw`(?:send|pay|transfer)\s+(?:the\s+)?(?:fee|amount|payment)\s+(?:in|via|by)\s+(?:bitcoin|btc|crypto)`,
    String.raw`(?:credit\s+card|card)\s+(?:number|details)\s+(?:and|&)\s+(?:cvv|expiry|expiration)`,
    String.raw`processing\s+fee|transfer\s+fee|release\s+(?:of\s+)?(?:the\s+)?funds`,
  ].join('|') +
    ')',
);

export const phishPayment: ContentRule = {
  name: 'PHISH_PAYMENT',
  score: 1.5,
  strength: 'hint',
  description: 'presses for a payment or asks for payment details',
  // The same words in a service's own notice send the reader to its own site only (see linksOnlyToOwnSite).
  test: (msg) => !linksOnlyToOwnSite(msg) && findPhrase(msg, PAYMENT_PHRASES),
};
