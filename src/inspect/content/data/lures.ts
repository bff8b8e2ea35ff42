// What phishing asks the reader to do, by kind of lure, in English, German, French, Spanish, Italian, Dutch and
// Portuguese. Written from how the lures work (your account is blocked, a fee is unpaid, a document waits, a wallet
// needs verifying), not copied from samples. Patterns are lower case and run on the lower-cased subject and text.
// Honest mail says many of these things too ("update your payment method" from a shop's own billing page), so a
// lure counts as evidence only together with a link that leaves the sender's own domain (see rules/phish-lure.ts).

export type LureKind = 'credentials' | 'payment' | 'parcel' | 'invoice' | 'crypto';

const w = String.raw;

export const lurePatterns: Record<LureKind, string[]> = {
  credentials: [
    // en
    w`(?:verify|confirm|validate|re-?validate|update|unlock|restore|secure|re-?activate)\s+your\s+(?:account|identity|password|login|credentials|mailbox|e-?mail\s+account|apple\s+id)`,
    w`(?:verify|confirm|validate)\s+(?:the\s+|this\s+)?(?:account|identity)\s+(?:to|now|within|before)`,
    w`(?:account|mailbox|password|apple\s+id)\s+(?:has\s+been|will\s+be|is|was)\s+(?:suspended|locked|disabled|blocked|limited|restricted|compromised|deactivated|expired?)`,
    // the reader's own password expiring, or an expiry notice; not an article headline such as "Password Expires"
    w`your\s+(?:[\w-]+\s+){0,3}password\s+(?:for\s+[\w\s]{0,30}?)?(?:will\s+expire|has\s+expired|is\s+expiring)|password\s+(?:expiry|expiration)\s+(?:notice|notification|alert|warning)|password\s+(?:[\w\s]{0,30}?)expires\s+(?:today|tomorrow|soon|in\s+\d|within)`,
    w`keep\s+(?:your\s+)?(?:current|same)\s+password`,
    w`mailbox\s+(?:is\s+)?(?:full|over\s*quota)|storage\s+(?:limit|quota)|(?:messages?|e-?mails?)\s+(?:are\s+)?(?:on\s+hold|held|pending\s+delivery)|release\s+(?:pending\s+)?messages`,
    w`sign\s+in\s+with\s+your\s+(?:e-?mail|microsoft|office)|(?:e-?mail|login)\s+credentials`,
    w`(?:multi-?factor|two-?factor|mfa|2fa)\s+(?:authentication\s+)?(?:settings?\s+)?(?:must\s+be\s+)?(?:renewed|expires?|update|re-?registration|re-?enroll)`,
    w`unusual\s+(?:sign-?in|login|activity)`,
    w`(?:document|file)s?\s+(?:has|have\s+been|was)\s+shared\s+with\s+you|secure\s+document|review\s+and\s+sign`,
    // a file, folder or fax waiting behind a link: "X shared a file with you", "sent you a secure document"
    w`shared\s+(?:a|an|the|this|\d+)\s+(?:[\w-]+\s+)?(?:file|document|folder|spreadsheet|pdf)s?\s+with\s+you|sent\s+you\s+(?:a|an)\s+(?:secure\s+|encrypted\s+|new\s+)?(?:document|file|fax|message)\s+to\s+(?:review|sign|view)`,
    // a voice message or fax to be played or read on a web page: telephone systems deliver the recording itself
    w`(?:new|missed|received\s+an?(?:\s+[\w-]+){0,3}?)\s+(?:voice\s*(?:mail|message)|fax)|listen\s+to\s+(?:the\s+|your\s+)?(?:voice\s*)?(?:mail|message|recording)|(?:play|view)\s+(?:the\s+)?(?:voice\s*(?:mail|message)|fax)`,
    // a meeting recording or chat waiting behind a sign-in
    w`(?:meeting\s+)?recording\s+is\s+(?:now\s+)?(?:available|ready)|watch\s+(?:the\s+)?recording|sign\s+in\s+with\s+your\s+(?:work|business|company|corporate|office\s*365)\s+(?:e-?mail|account)`,
    // the mail system keeps the reader's mail back
    w`(?:messages?|e-?mails?)\s+(?:in|(?:held|placed|stuck)\s+in)\s+(?:your\s+)?quarantine|quarantined\s+(?:messages?|e-?mails?)|undelivered\s+(?:messages?|e-?mails?)`,
    // the account is about to go away
    w`(?:account|mailbox|profile)\s+(?:will\s+be|is\s+(?:scheduled|set)\s+to\s+be)\s+(?:closed|terminated|deleted|deactivated|shut\s+down)|scheduled\s+for\s+(?:deletion|deactivation|termination)`,
    // pay and staff matters from "HR": an employee signs in to see them
    w`salary\s+(?:adjustment|increase|revision)|payroll\s+(?:update|adjustment|change)|(?:bonus|benefits?|compensation)\s+(?:statement|enrol(?:l)?ment|update|adjustment)`,
    // de, fr: a voice message waiting
    w`neue\s+sprachnachricht|sprachnachricht\s+(?:erhalten|abhören)|nouveau\s+message\s+vocal|message\s+vocal\s+(?:reçu|en\s+attente)`,
    // de
    w`(?:konto|zugang|passwort|postfach)\s+(?:wird|wurde|ist)\s+(?:gesperrt|deaktiviert|eingeschränkt|ablaufen|abgelaufen)`,
    w`(?:bestätigen|verifizieren|aktualisieren)\s+sie\s+(?:ihr(?:e|en)?\s+)?(?:konto|daten|identität|zugangsdaten|passwort)`,
    w`(?:ihr(?:e|en)?\s+)?(?:konto|daten|identität|zugangsdaten)\s+(?:zu\s+)?(?:bestätigen|verifizieren)`,
    w`zwei-?faktor|sicherheitsrichtlinien`,
    // fr
    w`(?:compte|mot\s+de\s+passe|accès)\s+(?:a\s+été|est|sera)\s+(?:suspendu|bloqué|désactivé|limité|expiré)`,
    w`(?:vérifie[rz]|confirme[rz]|valide[rz])\s+(?:votre|vos)\s+(?:compte|identité|informations|données|mot\s+de\s+passe)`,
    w`mot\s+de\s+passe\s+expire|conserver\s+votre\s+mot\s+de\s+passe`,
    // es
    w`(?:cuenta|contraseña|acceso)\s+(?:ha\s+sido|está|será)\s+(?:suspendid[ao]|bloquead[ao]|desactivad[ao]|limitad[ao])`,
    w`(?:hemos\s+)?bloqueado\s+(?:tu|su)\s+cuenta`,
    w`verifi(?:ca|que|car)\s+(?:tu|su)\s+(?:cuenta|identidad|datos)`,
    // it
    w`(?:account|conto|id\s+apple|password)\s+(?:è\s+stato|è|sarà)\s+(?:sospes[oa]|bloccat[oa]|disattivat[oa]|limitat[oa])`,
    w`verifica(?:re)?\s+(?:il\s+tuo|i\s+tuoi|le\s+tue)\s+(?:account|conto|dati|informazioni)`,
    // nl
    w`(?:account|rekening|bankpas|wachtwoord)\s+(?:is|wordt|werd)\s+(?:geblokkeerd|opgeschort|beperkt|verloopt)|bankpas\s+verloopt`,
    w`(?:bevestig|verifieer|controleer)\s+(?:uw|je)\s+(?:account|gegevens|identiteit)`,
    // pt
    w`(?:conta|palavra-passe|senha)\s+(?:foi|está|será)\s+(?:suspensa|bloqueada|desativada|limitada)`,
    w`confirme\s+(?:os\s+seus|a\s+sua|seus)\s+(?:dados|identidade|conta)`,
  ],
  payment: [
    w`(?:update|confirm|verify)\s+(?:your\s+)?(?:payment|billing|card)\s+(?:information|details|method|info)`,
    w`payment\s+(?:was\s+|has\s+been\s+)?(?:declined|failed|unsuccessful)|could\s+not\s+(?:process|validate)\s+your\s+payment`,
    // money offered back: a refund that needs the reader's card or bank details
    w`tax\s+refund|(?:eligible|qualified)\s+(?:for|to\s+receive)\s+a\s+refund|refund\s+(?:is\s+)?(?:pending|waiting|ready)|claim\s+your\s+refund`,
    w`(?:zahlungs|bank)(?:daten|informationen)\s+(?:aktualisieren|bestätigen)|zahlung\s+(?:fehlgeschlagen|abgelehnt)`,
    w`(?:informations|coordonnées)\s+(?:de\s+paiement|bancaires)|paiement\s+(?:refusé|a\s+échoué)|pas\s+pu\s+valider\s+votre\s+paiement`,
    w`(?:datos|información)\s+de\s+pago|pago\s+(?:rechazado|fallido)`,
    w`(?:dati|informazioni)\s+di\s+pagamento|pagamento\s+(?:rifiutato|non\s+riuscito)`,
    w`betaalgegevens|betaling\s+(?:mislukt|geweigerd)`,
    w`dados\s+de\s+pagamento|pagamento\s+(?:recusado|falhou)`,
  ],
  parcel: [
    w`(?:customs|delivery|shipping|redelivery|postage)\s+(?:fee|duty|charge|costs?)`,
    w`(?:parcel|package|shipment)\s+(?:could\s+not|couldn't|cannot)\s+be\s+delivered|(?:parcel|package)\s+is\s+(?:waiting|on\s+hold|held)`,
    w`(?:versand|zoll|zustell)gebühr|paket\s+(?:konnte\s+nicht|wartet)`,
    w`frais\s+de\s+(?:livraison|douane|port)|colis\s+(?:n'a\s+pas\s+pu|est\s+en\s+attente)`,
    w`tasas\s+de\s+aduana|gastos\s+de\s+envío|paquete\s+(?:está\s+)?retenido|envío\s+está\s+retenido`,
    w`spese\s+di\s+(?:spedizione|consegna)|pacco\s+(?:è\s+)?in\s+giacenza`,
    w`verzendkosten|pakket\s+(?:kon\s+niet|staat\s+klaar)`,
    w`taxa\s+alfandegária|portes\s+de\s+envio|encomenda\s+(?:está\s+)?retida`,
  ],
  invoice: [
    w`(?:view|see|open|download|settle)\s+(?:and\s+(?:settle|pay)\s+)?(?:the\s+|your\s+)?invoice|invoice\s+(?:is\s+)?(?:overdue|unpaid|outstanding)|payment\s+advice|remittance`,
    w`rechnung\s+(?:ansehen|einsehen|herunterladen|ist\s+(?:noch\s+)?offen)|zahlungsavis|offene\s+rechnung|rechnung\s+(?:können|kannst)\s+(?:sie|du)\s+hier`,
    w`(?:voir|consulte[rz])\s+(?:et\s+réglez\s+)?la\s+facture|facture\s+(?:impayée|reste\s+impayée)|avis\s+de\s+paiement`,
    w`consult(?:e|ar)\s+la\s+factura|factura\s+(?:pendiente|vencida|sigue\s+pendiente)`,
    w`visualizza\s+la\s+fattura|fattura\s+(?:non\s+pagata|scaduta|risulta\s+non\s+pagata)`,
    w`bekijk\s+(?:en\s+betaal\s+)?de\s+factuur|openstaande\s+factuur|factuur\s+.{0,30}staat\s+nog\s+open`,
    w`consulte\s+e\s+pague\s+a\s+fatura|fatura\s+(?:em\s+atraso|vencida)`,
  ],
  crypto: [
    w`(?:seed|recovery|secret)\s+phrase|connect\s+your\s+wallet|verify\s+your\s+wallet|wallet\s+verification|airdrop`,
    w`(?:btc|eth|usdt|bitcoin)\s+(?:pending\s+)?withdrawal|withdrawal\s+of\s+[\d.]+\s*(?:btc|eth|usdt)`,
    w`wallet\s+bestätigen|krypto-?konto|auszahlung\s+bereit`,
  ],
};

const kinds = Object.keys(lurePatterns) as LureKind[];

// One expression for every kind, a capture group per kind, without the u flag, \b in front: V8 then checks the first
// letters of all alternatives in one pass at word starts only, about four times faster than one Unicode expression
// per kind with a look-behind (and this runs on every message). \b knows only ASCII letters, so a match is then
// checked to start a word in the Unicode sense as well ("écrivez" must not offer "crivez").
const LURES = new RegExp(String.raw`\b(?:${kinds.map((k) => `(${lurePatterns[k].join('|')})`).join('|')})`, 'g');
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The first lure in a lower-case text, with its kind; null when there is none. */
export function lureIn(text: string): { kind: LureKind; phrase: string } | null {
  LURES.lastIndex = 0;
  for (let m = LURES.exec(text); m; m = LURES.exec(text)) {
    if (m.index === 0 || !LETTER_OR_DIGIT.test(text[m.index - 1]!)) {
      const group = m.findIndex((g, i) => i > 0 && g !== undefined);
      return { kind: kinds[group - 1]!, phrase: m[0] };
    }
    LURES.lastIndex = m.index + 1;
  }
  return null;
}
