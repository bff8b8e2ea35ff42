// The message vouches for itself: "This message is from a trusted sender", "Verified sender", "This e-mail has been
// verified as safe". Such banners are what the reader's own mail system or client shows about mail it received; a
// sender who writes one into the message is dressing its mail up as checked. (An antivirus footer a sender's own
// gateway adds, "scanned by ...", is not this: it says what the sender did, not what the reader's system decided.)
import { byFirstLetter } from '../data/by-first-letter.js';
import { findPhrase } from './phrases.js';
import type { ContentRule } from './rule.js';

// Grouped by first letter (see by-first-letter.ts): this runs on every message.
const BANNERS = new RegExp(
  String.raw`\b(?:` +
    byFirstLetter([
      String.raw`this\s+(?:message|e-?mail)\s+(?:is|comes|was\s+sent)\s+from\s+a\s+(?:trusted|verified|safe)\s+sender`,
      String.raw`(?:trusted|verified)\s+sender\s*[:✓✔]`,
      String.raw`this\s+(?:message|e-?mail)\s+(?:has\s+been|was)\s+(?:verified|confirmed|marked)\s+(?:as\s+)?(?:safe|secure|trusted)`,
      String.raw`(?:dieser?|diese)\s+(?:nachricht|e-?mail)\s+(?:stammt|kommt)\s+von\s+einem\s+(?:vertrauenswürdigen|verifizierten)\s+absender`,
      String.raw`ce\s+(?:message|courriel|e-?mail)\s+provient\s+d'un\s+expéditeur\s+(?:de\s+confiance|vérifié)`,
      String.raw`(?:este\s+(?:mensaje|correo)\s+(?:es|proviene)\s+de\s+un\s+remitente\s+(?:de\s+confianza|verificado))|(?:esta\s+mensagem\s+(?:é|vem)\s+de\s+um\s+remetente\s+(?:confiável|verificado))`,
      String.raw`dit\s+bericht\s+is\s+(?:afkomstig\s+)?van\s+een\s+(?:vertrouwde|geverifieerde)\s+afzender`,
      String.raw`questo\s+messaggio\s+(?:è|proviene)\s+da\s+un\s+mittente\s+(?:attendibile|verificato|fidato)`,
    ]) +
    ')',
);

export const fakeSafetyBanner: ContentRule = {
  name: 'FAKE_SAFETY_BANNER',
  score: 1.5,
  strength: 'hint',
  description: 'the message vouches for itself with the kind of banner a reader\'s own mail system shows ("from a trusted sender")',
  test: (msg) => findPhrase(msg, BANNERS),
};
