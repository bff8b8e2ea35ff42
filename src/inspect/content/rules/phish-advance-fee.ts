// The advance-fee ("419") script: a confidential transfer of a large sum, a next of kin or beneficiary, and the
// reader's bank account to receive it, in English and in the translations the same script goes out in (pt, es, fr,
// de, it, nl). Two of its phrases must appear, since each alone occurs in honest mail.
import { byFirstLetter } from '../data/by-first-letter.js';
import type { ContentRule } from './rule.js';

/** One phrase of the script: its alternatives, with a word end after each where asked. */
const phrase = (alternatives: string, wordEnd = false) => (wordEnd ? String.raw`(?:${alternatives})\b` : alternatives);

const PHRASE_KINDS = [
    phrase(String.raw`strictly\s+confidential|very\s+confidential\s+(?:request|business|transaction)|estritamente\s+confidencial|estrictamente\s+confidencial|strictement\s+confidentiel(?:le)?|streng\s+vertraulich|strettamente\s+confidenziale|strikt\s+vertrouwelijk`),
    phrase(String.raw`next\s+of\s+kin|parente\s+mais\s+próximo|pariente\s+más\s+cercano|plus\s+proche\s+parent|nächsten?\s+angehörigen?|parente\s+più\s+prossimo|naaste\s+familielid`, true),
    phrase(String.raw`(?:million|billion)\s+(?:united\s+states\s+dollars|u\.?s\.?\s+dollars|usd)|milhões\s+de\s+dólares|millones\s+de\s+dólares|millions\s+de\s+dollars|millionen\s+(?:us-?)?dollar|milioni\s+di\s+dollari|miljoen\s+(?:amerikaanse\s+)?dollar`, true), // spelled out, as the script writes it
    phrase(String.raw`(?:transfer|remit|move)\s+(?:the\s+|this\s+)?(?:funds?|money|sum)\s+(?:in)?to\s+your\s+(?:bank\s+)?account`),
    phrase(String.raw`beneficiary|foreign\s+partner|beneficiári[oa]s?|beneficiari[oa]s?|bénéficiaire|begünstigter?|begunstigde`, true),
    phrase(String.raw`(?:late|deceased)\s+(?:client|father|husband|wife|customer|engineer|uncle)|(?:falecido|finado)\s+(?:cliente|pai|marido|esposo)|(?:difunto|fallecido)\s+(?:cliente|padre|esposo|marido)|(?:feu|défunt)\s+(?:client|père|mari)|verstorbenen?\s+(?:kunden?|vaters?|ehemann(?:es)?|mann(?:es)?)|(?:defunto|compianto)\s+(?:cliente|padre|marito)|overleden\s+(?:klant|vader|echtgenoot)`, true),
    phrase(String.raw`\d{1,2}\s*%\s+of\s+the\s+(?:total\s+)?(?:sum|amount|funds)`),
    // the dying donor's variant: a widow with months to live (or her cancer) gives her fortune to a stranger
    phrase(String.raw`(?:few|some|\d+)\s+(?:months|weeks)\s+to\s+live|donate\s+(?:this|the|my|these)\s+(?:funds?|money|sum|inheritance|fortune)|(?:diagnosed\s+with|suffering\s+from|due\s+to|battling|dying\s+of)\s+(?:\w+\s+)?cancer`),
    // the donor's gift to the reader: millions "donated to you", "for charity"
    phrase(String.raw`(?:donated|donating|awarded|granted|gifted)\s+(?:the\s+sum\s+of\s+)?\(?(?:us\s*)?[$€]\s?\d{1,3}(?:[.,]\d{3}){2,}(?:[.,]\d\d)?\s*(?:usd|eur|dollars|euros?)?\s+to\s+you`),
    phrase(String.raw`for\s+(?:the\s+purpose\s+of\s+)?charit(?:y|able\s+(?:work|purposes?))|(?:charity|charitable)\s+(?:work|project|purposes?)`, true),
    // ... in the translations it goes out in: terminally ill, with months to live (pt, es, fr, de, it, nl)
    phrase(String.raw`estado\s+terminal|doente\s+terminal|poucos\s+meses\s+de\s+vida|morrerei\s+em\s+breve|enferm[oa]\s+terminal|pocos\s+meses\s+de\s+vida|moriré\s+pronto|phase\s+terminale|quelques\s+mois\s+à\s+vivre|unheilbar\s+krank|wenige\s+monate\s+zu\s+leben|malat[oa]\s+terminale|pochi\s+mesi\s+di\s+vita|terminaal\s+ziek|enkele\s+maanden\s+te\s+leven`),
    // an inheritance of millions, the fortune to be given away
    phrase(String.raw`(?:inheritance|herança|herencia|héritage|erbschaft|eredità|erfenis)\s+(?:\S+\s+){0,4}?(?:million|milhões|millones|millions|millionen|milioni|miljoen)`),
    // a sum in the millions written in figures, as the "sum of" or "deposit of" to be released
    // (and in the translations, where the thousands are marked with dots: "a quantia de ($ 5.500.000.00USD)")
    phrase(String.raw`(?:sum|fund|funds|amount|deposit|payment|quantia|soma|montante|suma|cantidad|somme|montant|summe|betrag|somma|importo|bedrag)\s+(?:of|de|di|von|van)\s+\(?(?:us\s*)?[$€]\s?\d{1,3}(?:[.,]\d{3}){2,}`),
    // the "compensation" variant: paid out on a card after a fee, the transaction "risk free"
    phrase(String.raw`compensation\s+(?:payment|fund)|(?:100\s*%\s+)?risk[\s-]free\s+(?:transaction|transfer|deal)|(?:pagamento|fundos?)\s+de\s+compensação|(?:pago|fondos?)\s+de\s+compensación|(?:paiement|fonds)\s+de\s+compensation|entschädigungs(?:zahlung|fonds)|(?:pagamento|fondo)\s+di\s+(?:compensazione|risarcimento)|compensatie(?:betaling|fonds)`),
    // the consignment variant: a "diplomatic agent" holds a box of cash or a card for the reader at customs
    phrase(String.raw`diplomat(?:ic)?\s+(?:delivery\s+|courier\s+)?(?:agent|courier)`, true),
    phrase(String.raw`consignment\s+(?:box|boxes|package|trunk)`, true),
    // a sum in the millions written with a currency sign and "million" ("USD$1.5million", "US$ 4.7 million", "€ 2,5 milhões")
    phrase(String.raw`(?:us\s*d?\s*\$|usd\s*\$?|\$|€|eur\s*)\s?\d{1,3}(?:[.,]\d{1,3})?\s*(?:million|milhões|millones|millions|millionen|milioni|miljoen)`),
    // the e-mail lottery variant: the reader's address "won" a draw nobody entered, and a claims agent waits, the
    // notice to be kept secret until the money is paid out (en, es, pt, fr, de, it, nl)
    phrase(String.raw`(?:your\s+)?e-?mail\s+(?:address\s+)?(?:has\s+)?(?:won|emerged\s+(?:as\s+)?(?:a\s+)?winner)|su\s+dirección\s+de\s+(?:correo|e-?mail)\s+(?:\S+\s+){0,12}?(?:ha\s+)?(?:resultado\s+)?(?:ganador|premiad)|seu\s+(?:endereço\s+de\s+)?e-?mail\s+(?:foi\s+)?(?:sorteado|premiado|ganhou|contemplado)|votre\s+(?:adresse\s+)?e-?mail\s+a\s+(?:gagné|été\s+tirée)|ihre\s+e-?mail-?adresse\s+(?:hat\s+)?gewonnen|il\s+(?:suo|tuo)\s+indirizzo\s+e-?mail\s+ha\s+vinto|uw\s+e-?mailadres\s+heeft\s+gewonnen`),
    phrase(String.raw`claims?\s+agent|agente\s+(?:de\s+)?reclamaci(?:ones|ón)|agente\s+de\s+reclama(?:ções|ção)|agent\s+de\s+réclamation|(?:keep|mantenga|mantenha|gardez|halten\s+sie)\s+(?:this|esta|cette|diese)\s+(?:notification|notificación|notificação|award|mitteilung)\s+(?:\S+\s+){0,2}?(?:confidential|en\s+secreto|em\s+sigilo|secrète|geheim)`, true),
    // a group of its own: "compensation payment … on an ATM card" is two phrases of the script, not one
    phrase(String.raw`atm\s+(?:master\s*|visa\s*)?card|cart(?:ão|a)\s+(?:visa\s+|master\s*)?atm|tarjeta\s+(?:visa\s+)?atm|carte\s+(?:visa\s+)?atm|atm-?(?:karte|kaart)`),
];

// Scanned once (lower case, see phrases.ts) by one pattern of every phrase's alternatives grouped by first letter
// (see by-first-letter.ts), \b in front so they are tried at word starts only: honest mail holds none of them, so the
// scan is all the rule costs there. A phrase found is then told apart by its own anchored pattern.
const ANY_PHRASE = new RegExp(String.raw`\b(?:${byFirstLetter(PHRASE_KINDS)})`, 'g');
const EACH_PHRASE = PHRASE_KINDS.map((p) => new RegExp(`^(?:${p})`));
const MIN_PHRASES = 2;

// exec on the one expression rather than matchAll: matchAll copies the expression first, and copying one of 10 KB
// cost 14 µs a call, more than the scan of an ordinary message.
function distinctPhrases(text: string, found: Set<number>): void {
  ANY_PHRASE.lastIndex = 0;
  for (let m = ANY_PHRASE.exec(text); m; m = ANY_PHRASE.exec(text)) {
    found.add(EACH_PHRASE.findIndex((re) => re.test(m![0])));
    if (found.size >= MIN_PHRASES) return;
  }
}

export const phishAdvanceFee: ContentRule = {
  name: 'PHISH_ADVANCE_FEE',
  score: 2.5,
  strength: 'evidence',
  description: 'tells the advance-fee story of a large confidential transfer',
  test(msg) {
    const found = new Set<number>();
    distinctPhrases(msg.lower.subject, found);
    distinctPhrases(msg.lower.own, found);
    return found.size >= MIN_PHRASES;
  },
};
