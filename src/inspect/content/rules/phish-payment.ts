// Payment pressure and untraceable payment means: the language of invoice fraud, fake fees and gift-card scams.
import { byFirstLetter } from '../data/by-first-letter.js';
import { paymentPlatformHosts } from '../data/payment-platforms.js';
import { actsOnOwnSite, linksOnlyToOwnSite, offSiteLinks } from '../links.js';
import type { ContentMessage } from '../message.js';
import { findPhrase } from './phrases.js';
import type { ContentRule } from './rule.js';

// Said in ordinary bills too: "please pay by bank transfer to the account below", "your invoice is overdue". They press
// for a payment only when the reader is sent to pay on a page that is neither the sender's nor a payment service's.
const BILLING_PHRASES = new RegExp(
  // \b first: the alternatives are only tried at word starts, a fifth of the positions.
  String.raw`\b(?:` +
  [
    String.raw`(?:wire|bank)\s+transfer\s+(?:of|the|to)`,
    String.raw`(?:payment|invoice)\s+(?:is\s+)?(?:overdue|past\s+due|outstanding|declined|failed)`,
  ].join('|') +
    ')',
);

// The supplier's or employee's account "changed", in seven languages: invoices or the salary to be paid elsewhere from
// now on (shared with PHISH_NEW_ACCOUNT_ABROAD).
const BANK_CHANGE = [
  String.raw`(?:change|update)\s+(?:of|to|in)?\s*(?:our|the)?\s*bank(?:ing)?\s+details`,
  String.raw`(?:bank(?:ing)?|account)\s+(?:details|information|info)\s+(?:have|has)\s+(?:been\s+)?(?:changed|updated)|(?:do\s+not|don't)\s+(?:pay|send)\s+(?:\w+\s+){0,2}?(?:to|into)\s+the\s+old\s+account|(?:change|update)\s+my\s+(?:direct\s+deposit|payroll|salary\s+account)`,
  // a freelancer's or supplier's "I've switched banks, please use my new details"
  String.raw`(?:switched|changed|moved)\s+(?:my\s+|our\s+)?banks\b|use\s+(?:my|our)\s+new\s+(?:bank\s+|banking\s+|account\s+)?details`,
  // ... and the same change announced in the script's other words and languages: "changed our banking
  // arrangements", "future payments … to our new account", "unsere Bankverbindung hat sich geändert", "nouvelles
  // coordonnées bancaires", "nuevos datos bancarios", "nuove coordinate bancarie", "gewijzigde bankgegevens",
  // "novos dados bancários", payments "auf unser neues Konto", "sur notre nouveau compte", "a nuestra nueva cuenta". ("Änderung" is matched from its second letter: these expressions run without the u
  // flag behind \b, which takes "ä" for no letter, so a word that begins with it has no \b before it, only after.)
  String.raw`changed\s+(?:our|my)\s+bank(?:ing)?\s+(?:details|arrangements|account|information)|(?:future|all)\s+(?:future\s+)?payments\s+(?:should|must|will|are\s+to)\s+(?:now\s+)?be\s+(?:made|sent|paid|transferred)\s+(?:in)?to\s+(?:our|my|the)\s+new\s+(?:bank\s+)?account|bankverbindung\s+(?:hat\s+sich\s+)?geändert|(?:aenderung|nderung|wechsel)\s+(?:unserer|der|meiner)\s+bankverbindung|(?:unsere|meine)\s+neue\s+bankverbindung|neue\s+bankverbindung\s*:|umstellung\s+(?:unseres|unserer|meines|meiner)\s+(?:geschäfts)?(?:kontos|bankverbindung)|(?:auf|an)\s+(?:unser|mein)\s+neues\s+(?:geschäfts)?konto|(?:sur|vers|à)\s+(?:notre|mon)\s+nouveau\s+compte|a\s+(?:nuestra|mi)\s+nueva\s+cuenta|sul\s+(?:nostro|mio)\s+nuovo\s+conto|naar\s+(?:onze|mijn)\s+nieuwe\s+rekening|para\s+a\s+(?:nossa|minha)\s+nova\s+conta|(?:nouvelles?|changement\s+de\s+(?:nos\s+)?)\s*coordonnées\s+bancaires|nouveau\s+rib|(?:nuevos|cambio\s+de\s+(?:nuestros\s+)?)\s*datos\s+bancarios|nueva\s+cuenta\s+bancaria|(?:nuove|cambio\s+(?:delle\s+)?)\s*coordinate\s+bancarie|nuovo\s+iban|(?:gewijzigde|nieuwe)\s+bankgegevens|nieuw\s+rekeningnummer|(?:novos|alteração\s+d[eo]s?\s+)\s*dados\s+bancários`,
];

/** A bank-details change announced in the sender's own words, in any of the seven languages. */
export const BANK_CHANGE_PHRASES = new RegExp(String.raw`\b(?:` + byFirstLetter(BANK_CHANGE) + ')');

// Never said by an honest bill: money sent to a new account, gift cards, untraceable transfers, fees to release funds.
// Grouped by first letter (by-first-letter.ts): the list, in seven languages, is tried at every word start of every
// message, and as a plain alternation it cost 5 % of bench:score.
const FRAUD_PHRASES = new RegExp(
  String.raw`\b(?:` +
  byFirstLetter([
    ...BANK_CHANGE,
    String.raw`(?:buy|purchase|send)\s+(?:me\s+)?(?:some\s+)?(?:itunes|google\s+play|amazon|steam)?\s*gift\s*cards?`,
    String.raw`western\s+union|moneygram`,
    String.raw`(?:send|pay|transfer)\s+(?:the\s+)?(?:fee|amount|payment)\s+(?:in|via|by)\s+(?:bitcoin|btc|crypto)`,
    String.raw`(?:credit\s+card|card)\s+(?:number|details)\s+(?:and|&)\s+(?:cvv|expiry|expiration)`,
    String.raw`processing\s+fee|transfer\s+fee|release\s+(?:of\s+)?(?:the\s+)?funds`,
  ]) +
    ')',
);

/** The reader is sent to pay on a page that is neither the sender's (see actsOnOwnSite) nor a payment service's. */
function paysElsewhere(msg: ContentMessage): boolean {
  const elsewhere = offSiteLinks(msg).filter((l) => !paymentPlatformHosts.has(l.host));
  return elsewhere.length > 0 && !actsOnOwnSite(msg, elsewhere);
}

export const phishPayment: ContentRule = {
  name: 'PHISH_PAYMENT',
  score: 1.5,
  strength: 'hint',
  description: 'presses for a payment or asks for payment details',
  // The fraud phrases in a service's own notice send the reader to its own site only (see linksOnlyToOwnSite).
  test: (msg) => (!linksOnlyToOwnSite(msg) && findPhrase(msg, FRAUD_PHRASES)) || (paysElsewhere(msg) && findPhrase(msg, BILLING_PHRASES)),
};
