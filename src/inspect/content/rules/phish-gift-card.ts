// The gift-card scam of a hijacked or spoofed boss's mailbox: buy gift cards, then send the codes by mail. Both halves
// must be there: shops selling gift cards never ask to be sent the codes.
import type { ContentRule } from './rule.js';

// \b in front: the alternatives are tried at word starts only.
const BUY = new RegExp(
  String.raw`\b(?:(?:buy|purchase|get|pick\s+up|need|kauf|besorg|brauch|achet|besoin|compr|necesit|acquist|bisogno|koop|kopen|nodig|precis)\p{L}*(?:-\p{L}+)?\s[^.!?]{0,60}?(?:gift\s*cards?|geschenk(?:karte|gutschein)\w*|gutscheinkarte\w*|cartes?\s+cadeaux?|tarjetas?\s+(?:de\s+)?regalo|carte\s+regalo|buoni\s+regalo|cadeau(?:kaart|bon)\w*|cartões?\s+(?:de\s+)?(?:oferta|presente))` +
    // ... or the cards named first, the verb after ("gift cards, please buy 5"); not a shop's receipt for the
    // reader's own purchase ("your gift card … thanks for your purchase": a noun after "your", "the", "for")
    String.raw`|(?:gift\s*cards?|geschenkkarten|cartes?\s+cadeaux?|tarjetas\s+regalo|carte\s+regalo|cadeaukaarten|cartões\s+oferta)[^.!?]{0,60}?(?<!(?:your|the|for|of|my|this|our)\s)(?:buy|purchase|kaufen|besorgen|acheter|comprar|acquistare|kopen))`,
  // u: the verb's ending may hold accented letters ("achète") or a hyphenated pronoun ("envoyez-moi", "compra-me").
  'u',
);
const SEND_CODES = new RegExp(
  String.raw`(?:send|email|e-mail|text|scratch|schick|sende|envo|envi|enví|invia|mand|stuur|stuurt)\p{L}*(?:-\p{L}+)?\s[^.!?]{0,60}?(?:codes?|códigos?|codici|pins?)(?![\p{L}])|(?:codes?|códigos?|codici)\s+(?:per|by|par|por|via)\s+(?:e-?mail|sms|mail)`,
  'u',
);

export const phishGiftCard: ContentRule = {
  name: 'PHISH_GIFT_CARD',
  score: 3.5,
  strength: 'evidence',
  description: 'asks the reader to buy gift cards and send the codes',
  test(msg) {
    const text = msg.lower.subject + '\n' + msg.lower.own;
    const buy = BUY.exec(text);
    return buy !== null && SEND_CODES.test(text) && `"${buy[0].replace(/\s+/g, ' ')}"`;
  },
};
