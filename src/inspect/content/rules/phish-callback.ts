// Callback phishing: a charge, renewal or order the reader never made, an amount, and a phone number to call to
// cancel or dispute it, in the name of a company that did not send it. There is no link for a filter to judge: the
// call reaches the fraudster, who talks the victim into remote access or a "refund". Honest receipts give a number
// to call too, so all of it must be there, and the company must be named as the one billing (in the display name,
// or in the subject before what is billed) while the mail comes from a domain that is not the company's.
import { brandNamePattern, brands } from '../data/brands.js';
import { freemailDomains } from '../data/freemail.js';
import { registrableDomain } from '../urls.js';
import type { ContentRule } from './rule.js';

/**
 * North American numbers ("1-808-555-0142", "(808) 555 0142"), international ones ("+44 20 7946 0018") and European
 * national ones that start with 0 ("0800 123 4567", "01 84 88 12 34", "030 1234 5678").
 */
const PHONE = /(?:\+?1[\s.-]?)?\(?\b[2-9]\d{2}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}|\b0\d{1,4}(?:[\s./-]\d{2,4}){2,4}\b/;
/**
 * An amount with its currency before or after it, in the decimal styles of English, continental Europe and Brazil
 * ("$399.99", "399,99 €", "R$ 1.299,90", "EUR 1,299.00").
 */
const AMOUNT = /(?:[$€£]|r\$)\s?(?:\d{1,3}(?:[.,]\d{3})+|\d{2,5})(?:[.,]\d{2})?|\b(?:\d{1,3}(?:[.,]\d{3})+|\d{2,5})(?:[.,]\d{2})?\s?(?:€|usd|eur|gbp|dollars|euros?)(?!\p{L})|\b(?:usd|eur|gbp)\s?\d{2,5}/u;
/**
 * A charge the reader is told they did not make ("if you did not authorise this", "unauthorised charge", "for a
 * refund"), in English, German, French, Spanish, Portuguese, Italian and Dutch.
 */
const DISPUTE = [
  String.raw`if\s+you\s+(?:did\s+not|didn'?t|do\s+not|don'?t)\s+(?:authori[sz]e|recogni[sz]e|make|place|request|initiate)|for\s+(?:a\s+)?refund|unauthori[sz]ed\s+(?:charge|transaction|purchase|payment)`,
  String.raw`nicht\s+(?:autorisiert|veranlasst|bestellt|getätigt)|rückerstattung`,
  String.raw`si\s+vous\s+n'?\s?(?:avez|êtes)\s+pas|rembours\p{L}*`,
  String.raw`(?:si|se|caso)\s+(?:usted\s+|você\s+)?(?:no|não)\s+(?:reconoce|reconhe\p{L}*|autoriz\p{L}*|realiz\p{L}*|solicit\p{L}*)|reembols\p{L}*`,
  String.raw`se\s+non\s+(?:hai|ha)\s+(?:autorizzato|effettuato|riconosci)|rimborso|als\s+(?:u|je)\s+(?:dit|deze)\s+\p{L}*\s*niet|terugbetaling`,
].join('|');
const DISPUTE_STEMS = String.raw`refund|dispute|unauthori[sz]ed|rückerstatt|rembours|reembols|rimbors|terugbetal`;
/** Cancelling what was billed: "to cancel", "kündigen", "pour annuler", "para cancelar", "per annullare", "om te annuleren". */
const CANCEL = String.raw`(?:to|wish\s+to|want\s+to)\s+cancel|stornieren|kündigen|widerrufen|pour\s+(?:annuler|résilier)|para\s+cancelar|per\s+(?:annullare|disdire)|om\s+te\s+annuleren`;
const CANCEL_STEMS = String.raw`cancel|storn|kündig|annul`;
const CALL = String.raw`(?:call|phone|dial|reach|anrufen|rufen|wählen|kontaktieren|appel\p{L}*|contact\p{L}*|llam\p{L}*|lig(?:ue|ar|ando)|chiam\p{L}*|contatt\p{L}*|bel(?:len)?)`;
const CALL_FIRST = String.raw`(?:call|phone|dial|rufen\s+sie|appelez|llame|ligue|chiami|bel)`;
/** The reader told to settle it by phone: the trigger, then within a few lines a word for calling; or the other way round. */
const callTo = (trigger: string, stems: string) =>
  new RegExp(
    String.raw`(?<![\p{L}])(?:${trigger})[\s\S]{0,200}?(?<![\p{L}])${CALL}(?![\p{L}])|(?<![\p{L}])${CALL_FIRST}(?![\p{L}])[\s\S]{0,120}?(?:${stems})`,
    'u',
  );
const CALL_TO_DISPUTE = callTo(DISPUTE, DISPUTE_STEMS);
const CALL_TO_CANCEL = callTo(CANCEL, CANCEL_STEMS);
/** What a company bills, in the seven languages. */
const BILLED = String.raw`invoice|order|subscription|renew\w*|receipt|billing|purchase|membership|plan|protection|account|payment|charge|rechnung|bestellung|abo\p{L}*|verlängerung|zahlung|facture|commande|renouvellement|paiement|factura|fatura|pedido|suscripci\p{L}*|assinatura|renova\p{L}*|fattura|ordine|rinnovo|abbonament\p{L}*|abonnement|factuur|bestelling|verlenging|betaling`;
/**
 * The brand as the seller of what is billed: in the display name, or in the subject before the thing billed ("Norton
 * 360 subscription renewed", "PayPal invoice #…", "Your Geek Squad order"). A merchant's own receipt names a payment
 * service as the means ("paid via PayPal", "bezahlt mit PayPal", "payé par PayPal"), which does not count.
 */
const patterns = brands.filter((b) => !b.commonWord).map((b) => ({
  brand: b,
  /** The name's first word in lower case: a substring test that rules the brand out before any regex runs. */
  key: b.name.toLowerCase().split(' ')[0]!,
  name: new RegExp(brandNamePattern(b), 'iu'),
  seller: new RegExp(
    String.raw`(?<!(?<![\p{L}])(?:via|with|through|using|by|über|mit|par|avec|con|com|por|tramite|met)\s+)${brandNamePattern(b)}(?:\W+[\p{L}\p{N}]+){0,2}?\W+(?:${BILLED})` +
      // French, Spanish, Portuguese and Italian put the noun first: "Facture PayPal", "Rinnovo abbonamento McAfee".
      String.raw`|(?<![\p{L}])(?:${BILLED})(?:\s+(?:from|von|de|du|da|del|di|van))?\s+${brandNamePattern(b)}`,
    'iu',
  ),
}));

export const phishCallback: ContentRule = {
  name: 'PHISH_CALLBACK',
  score: 5.0,
  strength: 'evidence',
  description: 'a charge in a company\'s name, or sent from a free mailbox, that the reader is told to dispute by phone',
  test(msg) {
    if (!msg.from) return false;
    const fromName = msg.from.name;
    const lowerName = fromName.toLowerCase();
    const named = patterns.find(
      (p) => (msg.lower.subject.includes(p.key) && p.seller.test(msg.subject)) || (lowerName.includes(p.key) && p.name.test(fromName)),
    );
    const sender = registrableDomain(msg.from.domain);
    // No company's billing or fraud desk writes from a free mailbox: a charge to dispute by phone sent from one needs
    // no brand named (the "Suporte NU" transaction alert from a Gmail address).
    const fromFreeMail = freemailDomains.has(sender);
    if ((!named && !fromFreeMail) || named?.brand.domains.includes(sender)) return false;
    const text = msg.lower.subject + '\n' + msg.lower.own;
    if (!AMOUNT.test(text) || !PHONE.test(text)) return false;
    if (!named) return CALL_TO_DISPUTE.test(text) && `sent from a free mailbox (${sender})`;
    // A reseller or IT provider bills the brand's product under its own name ("Brightline IT": "your Microsoft 365
    // subscription renewed; to cancel, call us"); only mail that speaks as the brand may be told to cancel by phone,
    // mail that names the brand in its subject must also dispute a charge the reader never made.
    const asTheBrand = named.name.test(fromName);
    return (CALL_TO_DISPUTE.test(text) || (asTheBrand && CALL_TO_CANCEL.test(text))) && named.brand.name;
  },
};
