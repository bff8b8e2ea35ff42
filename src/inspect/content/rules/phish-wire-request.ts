// Business e-mail compromise: the boss or a colleague asks the firm's own staff for money to be moved, now and quietly,
// and the answer goes to a free mailbox in the boss's name that the attacker reads. Each part alone is ordinary mail (a
// transfer to make, an urgent request, a personal address as Reply-To); together, inside one firm, they are the scam's
// whole script, written in the sender's own words (quoted lines do not count). Mail to another firm is left out: a sole
// trader who answers from a free mailbox asks clients to pay by transfer, sometimes "today"; the supplier fraud of a
// hijacked mailbox says its bank details changed (PHISH_PAYMENT).
import { freemailDomains } from '../data/freemail.js';
import { externalReplyTo } from '../reply-to.js';
import type { ContentRule } from './rule.js';

// Seven languages, as the lures. Word edges are letters, not \b: \b knows no "ü". Both expressions run only on the
// rare message whose answers go to a free mailbox, so their speed does not matter.
export const MOVE_MONEY = new RegExp(
  String.raw`(?<!\p{L})(?:` +
  [
    String.raw`(?:wire|bank|funds?)\s+transfers?`,
    String.raw`(?:make|process|send|arrange|complete|handle|initiate|release)\s+(?:a|an|the|this|that)\s+(?:urgent\s+|quick\s+|same[\s-]day\s+)?(?:payment|transfer|wire)`,
    String.raw`payment\s+to\s+(?:a|the|our|this)\s+(?:new\s+)?(?:vendor|supplier|beneficiary|account)`,
    String.raw`(?:überweisung|überweisen|virement|transferencia|transferência|bonifico|overboeking|overmaking|overmaken|overschrijving)`,
    // a payment to be made to someone ("eine Zahlung an", "un paiement au", "een aanbetaling naar"), in six languages
    String.raw`(?:zahlung|anzahlung)\s+(?:\S+\s+)?(?:an|von)\s|(?:paiement|acompte)\s+(?:\S+\s+)?(?:à|au|aux)\s|(?:pago|anticipo)\s+(?:\S+\s+)?(?:a|al)\s|(?:pagamento|acconto)\s+(?:\S+\s+)?(?:a|al|alla)\s|(?:betaling|aanbetaling|spoedbetaling)\s+(?:\S+\s+)?(?:naar|aan|van)\s|(?:pagamento|sinal)\s+(?:\S+\s+)?(?:a|ao|à)\s`,
  ].join('|') +
    ')',
  'u',
);

const NOW_AND_QUIETLY = new RegExp(
  String.raw`(?<!\p{L})(?:` +
  [
    String.raw`urgent(?:ly|e)?|asap|today|right\s+away|confidential|discreet(?:ly)?|(?:in|between)\s+(?:a\s+)?meetings?|(?:can't|cannot|unable\s+to)\s+(?:talk|take\s+calls)`,
    String.raw`are\s+you\s+(?:available|at\s+your\s+desk)|quick\s+favou?r`,
    String.raw`dringend|heute|vertraulich|diskret|aujourd'hui|confidentiel(?:le)?|hoy|confidencial|hoje|oggi|riservat[ao]|spoed|vandaag|vertrouwelijk`,
  ].join('|') +
    String.raw`)(?!\p{L})`,
  'u',
);

export const phishWireRequest: ContentRule = {
  name: 'PHISH_WIRE_REQUEST',
  score: 3.0,
  strength: 'evidence',
  description: "asks the firm's own staff for money to be moved at once and takes the answer to a free mailbox",
  test(msg, ctx) {
    const reply = externalReplyTo(msg, ctx);
    if (reply === null || !reply.internal || !freemailDomains.has(reply.domain)) return false;
    const text = msg.lower.subject + '\n' + msg.lower.own;
    const money = MOVE_MONEY.exec(text);
    const pressure = money && NOW_AND_QUIETLY.exec(text);
    return money !== null && pressure !== null && `"${money[0]}", "${pressure[0]}", answers to ${reply.domain}`;
  },
};
