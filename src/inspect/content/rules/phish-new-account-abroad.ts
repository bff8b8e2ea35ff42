// Supplier fraud from a hijacked mailbox: "our bank details have changed, pay all open invoices to the account below",
// and the account below is in another country than the firm. The attacker cannot open an account in the firm's name
// at the firm's bank; they use a money mule's account or a neobank that opens one online, which is almost always
// abroad (a German joinery paid into a Lithuanian IBAN). An honest change names the firm's new account at home. Read
// from the IBAN's own country code (ISO 13616) against the country of the sender's domain, so it works only where the
// domain has a country code; a .com or .eu firm is left to the other signs.
import { senderDomain } from '../links.js';
import { BANK_CHANGE_PHRASES } from './phish-payment.js';
import { findPhrase } from './phrases.js';
import type { ContentRule } from './rule.js';

// An IBAN as printed in mail: country, check digits, then 11-30 letters and digits, in groups of four or run together.
const IBAN = /\b([a-z]{2})\d{2}(?:[ ]?[a-z0-9]{4}){2,7}(?:[ ]?[a-z0-9]{1,3})?\b/g;

// The countries of the IBAN registry (SWIFT's), by the code their domains use; the United Kingdom's domains end in .uk.
const IBAN_COUNTRIES = new Set([
  'ad', 'ae', 'al', 'at', 'az', 'ba', 'be', 'bg', 'bh', 'br', 'by', 'ch', 'cr', 'cy', 'cz', 'de', 'dk', 'do', 'ee', 'eg',
  'es', 'fi', 'fo', 'fr', 'gb', 'ge', 'gi', 'gl', 'gr', 'gt', 'hr', 'hu', 'ie', 'il', 'iq', 'is', 'it', 'jo', 'kw', 'kz',
  'lb', 'lc', 'li', 'lt', 'lu', 'lv', 'ly', 'mc', 'md', 'me', 'mk', 'mr', 'mt', 'mu', 'nl', 'no', 'pk', 'pl', 'ps', 'pt',
  'qa', 'ro', 'rs', 'sa', 'sc', 'se', 'si', 'sk', 'sm', 'st', 'sv', 'tl', 'tn', 'tr', 'ua', 'va', 'vg', 'xk',
]);

/** The IBAN country of a sender domain's top-level label, or null when it names no IBAN country. */
function domainCountry(domain: string): string | null {
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  const country = tld === 'uk' ? 'gb' : tld;
  return IBAN_COUNTRIES.has(country) ? country : null;
}

export const phishNewAccountAbroad: ContentRule = {
  name: 'PHISH_NEW_ACCOUNT_ABROAD',
  score: 5.0,
  strength: 'evidence',
  description: "announces new bank details and gives an account in another country than the sender's",
  test(msg) {
    const sender = senderDomain(msg);
    const home = domainCountry(sender);
    // The account is printed under its name ("IBAN: LT12 …"): a plain search first spares the phrase scan of every
    // message from a country-code domain.
    if (!home || !msg.lower.own.includes('iban')) return false;
    const change = findPhrase(msg, BANK_CHANGE_PHRASES);
    if (!change) return false;
    for (const m of msg.lower.own.matchAll(IBAN)) {
      const country = m[1]!;
      if (IBAN_COUNTRIES.has(country) && country !== home) return `"${change}", an account in ${country.toUpperCase()} from a .${sender.split('.').pop()} sender`;
    }
    return false;
  },
};
