// Extortion ("sextortion"): the sender claims to have taken over the reader's device or recorded them, threatens to
// send it to their contacts, and demands cryptocurrency within hours. It carries no link and no attachment, so no link
// or attachment rule sees it; what it cannot do without is the wallet to pay into and the threat. A shop that takes
// crypto also writes an address and a time limit ("send 0.002 BTC within 60 minutes"), so the wallet counts only with
// at least two different parts of the threat; told in words to pay in a currency without an address, with three.
import type { ContentRule } from './rule.js';

// The demand is in a currency an extortioner can be paid in without a bank: bitcoin mostly, and the stablecoin USDT
// (on Tron or Ethereum), ether, litecoin and Monero, named or as an address. Most mail has none of them, and this test runs on
// every message: a few first letters, each followed by its literals, is far cheaper than a flat list of alternatives.
const CRYPTO = /b(?:itcoin|tc|c1)|usdt|t(?:ether|rc-?20)|e(?:thereum|rc-?20)|l(?:itecoin|tc)|monero|xmr|0x[0-9a-f]{40}/;
// Addresses as wallets show them: bech32 (bitcoin's bc1…, litecoin's ltc1…) and Ethereum's 0x and 40 hex digits, lower
// case on the lower-cased text; base58 (case-sensitive, read on the original text): bitcoin's legacy 1… and 3…,
// litecoin's L… and M…, Tron's T… (where most USDT is paid); Monero's 95 characters starting 4 (8 for a subaddress).
const WALLET_LOWER = /(?<![a-z0-9])(?:(?:bc|ltc)1[ac-hj-np-z02-9]{25,87}|0x[0-9a-f]{40})(?![a-z0-9])/;
const WALLET_BASE58 = /(?<![A-Za-z0-9])(?:[13LMT][1-9A-HJ-NP-Za-km-z]{25,34}|[48][1-9A-HJ-NP-Za-km-z]{94})(?![A-Za-z0-9])/g;
// Without a printed address: told in words to pay in one of those currencies. The amount between may hold separators ("1.500 €",
// "$1,450.00"): a full stop ends the sentence only where no digit follows.
const PAY_IN_CRYPTO = /(?<![\p{L}\p{N}])(?:send|pay|transfer|überweis|envo|envi|pag|invia|betaal|stuur)\p{L}*\s(?:[^.!?\n]|\.(?=\d)){0,60}?(?<![\p{L}\p{N}])(?:bitcoins?|btc|usdt|tether|ethereum|eth|ether|litecoin|ltc|monero|xmr|crypto(?:currency)?|krypto\p{L}*|cripto\p{L}*)(?![\p{L}\p{N}])/u;

/** The parts of the threat, each in English, German, French, Spanish, Italian, Dutch and Portuguese. */
const THREAT: Record<string, RegExp> = {
  'claims control of the device or account': /\b(?:(?:hacked|infected|compromised|gained\s+(?:full\s+)?access\s+to|have\s+(?:full\s+)?access\s+to|took\s+(?:over|control\s+of))\s+(?:your\s+)?(?:device|computer|phone|system|operating\s+system|account|e-?mail|webcam|camera)|(?:spyware|malware|trojan|keylogger|remote\s+access)\b|(?:gehackt|infiziert)|zugriff\s+auf\s+ihr|piraté|pirate\s+votre|hackead[oa]|invadid[oa]|hackerat[oa]|logiciel\s+malveillant|software\s+malicioso|software\s+dannoso)/,
  'says it recorded the reader': /\b(?:recorded\s+(?:a\s+|the\s+)?(?:video|you)|video\s+(?:of\s+you|recording)|(?:adult|porn|xxx)\w*\s+(?:web)?sites?|intimate\s+(?:photos|videos)|compromising\s+(?:photos|videos|material)|video\s+(?:aufgenommen|von\s+ihnen)|vidéo\s+de\s+vous|enregistré\s+une\s+vidéo|(?:vídeo|video)\s+(?:de\s+(?:você|ti|usted)|tuyo|tuo|di\s+te)|sites?\s+(?:pour\s+adultes|adultos|per\s+adulti|para\s+adultos)|erwachsenenseiten|pornoseiten|pornosites?)/,
  'threatens to send it to the reader\'s contacts': /\b(?:(?:all\s+)?your\s+(?:contacts|friends(?:\s+and\s+family)?|family|colleagues|relatives)|(?:alle\s+)?ihre(?:n)?\s+(?:kontakte|freunde|kollegen)|(?:tous\s+)?vos\s+(?:contacts|proches|amis|collègues)|(?:todos\s+)?(?:tus|sus)\s+(?:contactos|amigos|familiares)|(?:tutti\s+)?i\s+tuoi\s+contatti|(?:al\s+)?(?:je|uw)\s+(?:contacten|vrienden)|(?:todos\s+os\s+)?(?:seus|teus)\s+(?:contatos|contactos|amigos))\b/,
  'sets a deadline in hours': /\b(?:within|you\s+have|in\s+the\s+next|innerhalb\s+von|sie\s+haben|dans\s+les|sous|vous\s+avez|en\s+las\s+próximas|tienes|tiene|entro|hai|binnen|je\s+hebt|u\s+heeft|em|dentro\s+de|você\s+tem)\s+(?:\d+|twenty-four|forty-eight|seventy-two)\s*(?:hours|hrs|h|stunden|heures|horas|ore|uur)\b/,
  'warns off the police': /\b(?:police|polizei|policía|policia|polícia|polizia|politie|fbi|law\s+enforcement)\b/,
};

function walletIn(lower: string, original: string): string | null {
  const bech = WALLET_LOWER.exec(lower);
  if (bech) return bech[0];
  // A base58 run must mix cases and digits the way addresses do, or it is a word, a hash or a tracking number.
  for (const m of original.matchAll(WALLET_BASE58)) if (/[a-z]/.test(m[0]) && /[A-Z]/.test(m[0]) && /\d/.test(m[0].slice(1))) return m[0];
  return null;
}

export const phishExtortion: ContentRule = {
  name: 'PHISH_EXTORTION',
  score: 6.0,
  strength: 'evidence',
  description: 'demands cryptocurrency under a threat (extortion)',
  test(msg) {
    if (!CRYPTO.test(msg.lower.own) && !CRYPTO.test(msg.lower.subject)) return false;
    const lower = msg.lower.subject + '\n' + msg.lower.own;
    const wallet = walletIn(lower, msg.subject + '\n' + msg.text);
    const demand = wallet ? `wallet ${wallet.slice(0, 12)}…` : PAY_IN_CRYPTO.exec(lower)?.[0].replace(/\s+/g, ' ');
    if (!demand) return false;
    const parts = Object.keys(THREAT).filter((part) => THREAT[part]!.test(lower));
    return parts.length >= (wallet ? 2 : 3) && `${wallet ? demand : `"${demand}"`}; ${parts.join(', ')}`;
  },
};
