// Callback phishing: a charge, renewal or order the reader never made, an amount, and a phone number to call to
// cancel or dispute it, in the name of a company that did not send it. There is no link for a filter to judge: the
// call reaches the fraudster, who talks the victim into remote access or a "refund". Honest receipts give a number
// to call too, so all of it must be there, and the company must be named as the one billing (in the display name,
// or in the subject before what is billed) while the mail comes from a domain that is not the company's.
import { brandNamePattern, brands } from '../data/brands.js';
import { registrableDomain } from '../urls.js';
import type { ContentRule } from './rule.js';

/** North American numbers ("1-808-555-0142", "(808) 555 0142") and international ones ("+44 20 7946 0018"). */
const PHONE = /(?:\+?1[\s.-]?)?\(?\b[2-9]\d{2}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}/;
const AMOUNT = /[$€£]\s?\d{2,5}(?:[.,]\d{2})?|\b\d{2,5}(?:[.,]\d{2})?\s?(?:usd|eur|gbp|dollars)\b|\b(?:usd|eur|gbp)\s?\d{2,5}/;
/** A dispute or cancellation that the reader is told to settle by phone. */
const CALL_TO_DISPUTE = new RegExp(
  String.raw`\b(?:if\s+you\s+(?:did\s+not|didn'?t|do\s+not|don'?t)\s+(?:authori[sz]e|recogni[sz]e|make|place|request|initiate)|(?:to|wish\s+to|want\s+to)\s+cancel|for\s+(?:a\s+)?refund|unauthori[sz]ed\s+(?:charge|transaction|purchase|payment))\b[\s\S]{0,200}?\b(?:call|phone|dial|contact|reach)\b` +
    String.raw`|\b(?:call|phone|dial)\b[\s\S]{0,120}?\b(?:cancel|refund|dispute|unauthori[sz]ed)`,
);
/**
 * The brand as the seller of what is billed: in the display name, or in the subject before the thing billed ("Norton
 * 360 subscription renewed", "PayPal invoice #…", "Your Geek Squad order"). A merchant's own receipt names a payment
 * service as the means ("paid via PayPal"), which does not count.
 */
const patterns = brands.filter((b) => !b.commonWord).map((b) => ({
  brand: b,
  name: new RegExp(brandNamePattern(b), 'iu'),
  seller: new RegExp(String.raw`(?<!\b(?:via|with|through|using|by)\s+)${brandNamePattern(b)}(?:\W+[\p{L}\p{N}]+){0,2}?\W+(?:invoice|order|subscription|renew\w*|receipt|billing|purchase|membership|plan|protection|account|payment|charge)`, 'iu'),
}));

export const phishCallback: ContentRule = {
  name: 'PHISH_CALLBACK',
  score: 5.0,
  strength: 'evidence',
  description: 'a charge in a company\'s name that the reader is told to dispute by phone, sent from outside that company',
  test(msg) {
    if (!msg.from) return false;
    const named = patterns.find((p) => p.seller.test(msg.subject) || p.name.test(msg.from!.name));
    if (!named || named.brand.domains.includes(registrableDomain(msg.from.domain))) return false;
    const text = msg.lower.subject + '\n' + msg.lower.own;
    return AMOUNT.test(text) && PHONE.test(text) && CALL_TO_DISPUTE.test(text) && named.brand.name;
  },
};
