// Business e-mail compromise: the boss or a colleague asks the firm's own staff for money to be moved, now and quietly,
// and the answer goes to a free mailbox in the boss's name that the attacker reads. Each part alone is ordinary mail (a
// transfer to make, an urgent request, a personal address as Reply-To); together, inside one firm, they are the scam's
// whole script, written in the sender's own words (quoted lines do not count). Mail to another firm is left out: a sole
// trader who answers from a free mailbox asks clients to pay by transfer, sometimes "today"; the supplier fraud of a
// hijacked mailbox says its bank details changed (PHISH_PAYMENT).
// From the boss's own hijacked mailbox the answer needs no Reply-To: it comes back to the attacker anyway. There the
// script shows in what the boss asks besides the money: to keep it secret from the colleagues, and not to call
// ("confidential, don't mention it to anyone; I'm in meetings and can't take calls, answer only here"). A real
// manager who needs a payment made may say either; the scam needs both, so the check cannot be made by phone or by a
// colleague.
import { freemailDomains } from '../data/freemail.js';
import { recipientsOf, type ContentMessage } from '../message.js';
import { externalReplyTo } from '../reply-to.js';
import type { ScoreContext } from '../types.js';
import { registrableDomain } from '../urls.js';
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

/** Keep it from the colleagues: "confidential", "don't mention it to anyone", "not even to …", in seven languages. */
const KEEP_IT_SECRET = new RegExp(
  String.raw`(?<!\p{L})(?:` +
  [
    String.raw`(?:strictly\s+|totally\s+|completely\s+)?confidential|discreet(?:ly)?|(?:don't|do\s+not)\s+(?:tell|mention|discuss|share)\s+(?:this|it)?\s*(?:with|to)\s+(?:anyone|anybody|the\s+others?)|keep\s+(?:this|it)\s+(?:between\s+us|to\s+yourself)|not\s+even\s+(?:to|with)\s+\p{L}`,
    String.raw`vertraulich|diskret|(?:niemandem|mit\s+niemandem)|confidentiel(?:le)?|n'en\s+parle[sz]?\s+à\s+personne|confidencial|no\s+lo\s+comentes|ni\s+siquiera|riservat[ao]|confidenziale|non\s+(?:dirlo|parlarne)\s+a\s+nessuno|vertrouwelijk|niemand\s+(?:iets\s+)?(?:over|van)|sigilos[ao]|não\s+(?:comente|fale)`,
  ].join('|') +
    String.raw`)`,
  'u',
);

/** Not to be called: "in meetings all day", "can't take calls", "answer only by e-mail", in seven languages. */
const DO_NOT_CALL = new RegExp(
  String.raw`(?<!\p{L})(?:` +
  [
    String.raw`(?:can't|cannot|can\s+not|unable\s+to|won't\s+be\s+able\s+to)\s+(?:talk|speak|take\s+(?:any\s+)?(?:phone\s+)?calls|answer\s+(?:the\s+|my\s+)?(?:phone|calls)|be\s+reached)|(?:in|between)\s+(?:a\s+)?meetings?\s+(?:all|the\s+whole|until)|(?:reply|answer|respond)\s+(?:only\s+)?(?:by|via|to\s+this)\s+(?:e-?mail|here)|(?:email|e-mail|text)\s+(?:me\s+)?only`,
    String.raw`nicht\s+(?:telefonisch\s+)?erreichbar|in\s+(?:einer\s+)?(?:besprechung|sitzung)|(?:injoignable|pas\s+joignable|en\s+réunion)|no\s+puedo\s+(?:atender|hablar|coger)|estoy\s+reunid[oa]|en\s+una\s+reunión|non\s+(?:posso\s+rispondere|sono\s+raggiungibile)|in\s+riunione|niet\s+(?:telefonisch\s+)?bereikbaar|in\s+(?:een\s+)?vergadering|não\s+(?:posso|consigo)\s+atender|em\s+reunião`,
  ].join('|') +
    String.raw`)`,
  'u',
);

/** Every recipient is inside the sender's own domain: mail among a firm's own staff. */
function amongOwnStaff(msg: ContentMessage, ctx: ScoreContext): boolean {
  const own = msg.from ? registrableDomain(msg.from.domain) : '';
  const recipients = recipientsOf(msg, ctx);
  return own !== '' && recipients.length > 0 && recipients.every((r) => registrableDomain(r) === own);
}

/**
 * The script in the boss's own mailbox: money to move, kept secret, and no call possible. All three together are the
 * whole scam, with nothing else to add (no link, no Reply-To): alone they tag the message.
 */
const SCRIPT_ALONE_SCORE = 5.0;

function secretPaymentWithoutCall(msg: ContentMessage, ctx: ScoreContext): { detail: string; score: number } | false {
  if (!amongOwnStaff(msg, ctx)) return false;
  const text = msg.lower.subject + '\n' + msg.lower.own;
  const money = MOVE_MONEY.exec(text);
  const secret = money && KEEP_IT_SECRET.exec(text);
  const noCall = secret && DO_NOT_CALL.exec(text);
  return noCall ? { detail: `"${money[0]}", "${secret[0]}", "${noCall[0]}", among the firm's own staff`, score: SCRIPT_ALONE_SCORE } : false;
}

export const phishWireRequest: ContentRule = {
  name: 'PHISH_WIRE_REQUEST',
  score: 3.0,
  strength: 'evidence',
  description: "asks the firm's own staff for money to be moved at once and takes the answer to a free mailbox, or to keep it secret and not to call",
  test(msg, ctx) {
    const reply = externalReplyTo(msg, ctx);
    if (reply === null || !reply.internal || !freemailDomains.has(reply.domain)) return secretPaymentWithoutCall(msg, ctx);
    const text = msg.lower.subject + '\n' + msg.lower.own;
    const money = MOVE_MONEY.exec(text);
    const pressure = money && NOW_AND_QUIETLY.exec(text);
    return money !== null && pressure !== null && `"${money[0]}", "${pressure[0]}", answers to ${reply.domain}`;
  },
};
