// One content verdict per message: every rule that fires plus the statistical model's contribution, summed into one
// score and compared with the configured thresholds.
import { spamProbability, type BayesModel } from './bayes.js';
import { defaultParseLimits, parseContent, recipientsOf, type Attachment, type ContentMessage } from './message.js';
import { contentRules, type ContentRule } from './rules/index.js';
import { freemailDomains } from './data/freemail.js';
import { actsOnOwnSite, clickLinks, isOwnSite, isSendersProfilePage, linksOnlyToOwnSite, offSiteLinks, senderDomain } from './links.js';
import { attachedPdfReach } from './pdf.js';
import { externalReplyTo } from './reply-to.js';
import { isServicesOwnPage } from './service-pages.js';
import { blockExplorerDomains, paymentPlatformHosts } from './data/payment-platforms.js';
import { greetsReaderByName } from './greeting.js';
import { messageTokens } from './tokens.js';
import type { ContentAction, ContentThresholds, ContentVerdict, RuleHit, ScoreContext } from './types.js';
import { parseLink, registrableDomain, textUrls, type Link } from './urls.js';
import { extensionOf } from './data/attachments.js';

export interface ScorerOptions {
  model: BayesModel;
  thresholds: ContentThresholds;
  /** Score the model adds at spam probability 1 (and subtracts at 0); linear in between. */
  modelWeight: number;
  maxScanBytes: number;
  /** Rules that need the relay's state (new link domains), run after the built-in ones. */
  extraRules?: readonly ContentRule[];
}

export type ScoreResult = { kind: 'not-message'; reason: string } | { kind: 'verdict'; verdict: ContentVerdict };

/** Scores raw bytes; "not a message" is a distinct answer (the CLI reports it, the relay turns it into a rule). */
export function scoreRaw(raw: Buffer, ctx: ScoreContext, o: ScorerOptions): ScoreResult {
  const parsed = parseContent(raw, { ...defaultParseLimits, maxBytes: o.maxScanBytes });
  if (parsed.kind === 'not-message') return parsed;
  return { kind: 'verdict', verdict: scoreMessage(parsed.message, ctx, o) };
}

export function scoreMessage(msg: ContentMessage, ctx: ScoreContext, o: ScorerOptions): ContentVerdict {
  const found: Record<ContentRule['strength'], RuleHit[]> = { evidence: [], hint: [], corroboration: [] };
  for (const rule of o.extraRules ? [...contentRules, ...o.extraRules] : contentRules) {
    const hit = rule.test(msg, ctx);
    if (hit === false) continue;
    const detail = typeof hit === 'object' ? hit.detail : hit;
    const description = typeof detail === 'string' && detail ? `${rule.description} (${detail})` : rule.description;
    found[rule.strength].push({ name: rule.name, score: typeof hit === 'object' ? hit.score : rule.score, description });
  }
  const evidence = found.evidence.length > 0 ? [...found.evidence, ...found.corroboration] : [];
  const hints = found.hint;
  const staysHome = sendsNowhereElse(msg, ctx);
  // HTML tag names say that a message is HTML, which the shipped model learnt as spam (its 2002 ham is plain text)
  // and which catches much of today's phishing; but for mail that sends the reader nowhere but the sender's own site
  // they say nothing: every shop's and application's notice is HTML. There the words alone decide.
  const p = spamProbability(o.model, messageTokens(msg, !staysHome));
  const namesReader = staysHome && greetsReaderByName(msg) && msg.attachments.every((a) => isPicture(a) || attachmentStaysHome(a, msg));
  // Whether a link goes home is asked only where its answer can matter (the model unsure of its own, no evidence).
  const linksHome = staysHome || (p >= UNSURE_BELOW && p < UNSURE_BELOW_HOME && evidence.length === 0 && clickLinks(msg).some((l) => isOwnSite(l, msg)));
  const model = modelHit(p, sum(hints), evidence.length > 0, { reply: isReply(msg), staysHome, linksHome, namesReader }, o);
  return verdictOf([...evidence, ...hints, ...(model ? [model] : [])], o.thresholds);
}

/**
 * The statistical model's line: `modelWeight × (2p − 1)`, counted only when positive. The shipped model learnt its
 * spam words from somebody else's mail (a public corpus) and has never seen this deployment's phishing, so its ham
 * evidence must not talk down the hints or the evidence (an attacker's phishing inside an honest template reads as
 * ham to it); and without evidence, the model and the hints together stay below the quarantine threshold: a token
 * model may tag, never hold. More limits keep it from tagging on its own where it knows least:
 * - below `UNSURE_BELOW` the chi-square combining says its clues conflict (SpamBayes calls that range "unsure"):
 *   the line stays a point under the tag threshold, so a hint or evidence must agree before the message is tagged
 *   (and only evidence where the message sends the reader nowhere but the sender's own site, see below);
 * - a reply in a conversation (In-Reply-To or References) carries the correspondent's quoted words and the
 *   sender's short answer: the tokens mostly describe the thread, not the sender, so the line stays under the tag
 *   threshold there too. A faked header buys a spammer nothing beyond that: evidence still holds and refuses.
 * - mail that sends the reader nowhere but the sender's own site (every link stays there, or it has no link and no
 *   attachment at all, and answers come back to the sender) is unsure below `UNSURE_BELOW_HOME`. On a relay the From
 *   domain is the customer's own: a hijacked account's spam sends readers to the attacker's pages, a service's own
 *   notice (welcome, trial ending, invitation, payment failed) to the service's; and a message that sends them
 *   nowhere can harm only by what it asks in words, which the callback, wire-transfer, advance-fee and extortion
 *   rules read. The shipped model learnt the opposite from 2002 inbound spam, whose senders owned their domains, and
 *   from too few of today's templates: on public Postmark and sendwithus templates rendered for five made-up
 *   companies it put notices at 0.98-0.99 (a dunning notice, an invoice without a link) once it had learnt today's
 *   phishing too.
 * - such mail that also greets its reader by the name the To field gives them ("Dear Mrs Mitchell" to Karen
 *   Mitchell) is a letter from a sender who knows the reader, about the sender's own business: a service's notice to
 *   its customer (a returned direct debit, a renewal, a claim), a person's to a person. There the model's opinion is
 *   never enough, however sure: only evidence tags. The 2002 spam it learnt from went to harvested addresses and
 *   greeted nobody by name (3 of its 1,298 messages do), while today's notices that it took for spam at 0.99 and above
 *   did, every one (eight of 120 honest notices rendered from public templates, session 28). A document attached
 *   keeps the model's say unless it is a PDF whose links stay on the sender's site too and that acts on nothing by
 *   itself: "Hi Karen, please find the invoice attached" is also what a hijacked mailbox sends its owner's contacts,
 *   with the lure's link inside the PDF (read by `pdfReach`) or inside an office file (not read).
 * - mail that links to the sender's own site among other places is unsure below `UNSURE_BELOW_HOME` too, unless
 *   evidence speaks against it. Its sender puts its own domain behind it; its other links go to the services it
 *   works with (a booking platform, a form service, an e-book app), which no list can name in full, and the model
 *   alone is what tagged such notices at 0.92-0.98 (a studio's welcome, a parents' association's consent form). A
 *   hijacked account's phishing inside the owner's template shows a sign besides (a lure, a brand, a Reply-To
 *   elsewhere, urgency), and a hint still lifts the line to a tag.
 */
const UNSURE_BELOW = 0.9;
const UNSURE_BELOW_HOME = 0.99;

function modelHit(p: number, hintScore: number, corroborated: boolean, shape: { reply: boolean; staysHome: boolean; linksHome: boolean; namesReader: boolean }, o: ScorerOptions): RuleHit | null {
  const raw = round(o.modelWeight * (2 * p - 1));
  if (raw <= 0) return null;
  const limits: Array<[number, string]> = [];
  const staysHomeUncorroborated = shape.staysHome && !corroborated;
  if (!corroborated) limits.push([round(o.thresholds.quarantine - 0.1 - hintScore), 'the model and style hints alone only tag, nothing else corroborates them']);
  const onlyEvidenceTags = (cap: string) => limits.push([round(Math.min(o.thresholds.tag - 1, o.thresholds.tag - 0.1 - hintScore)), cap]);
  if (shape.namesReader && !corroborated) {
    onlyEvidenceTags("it greets its reader by name and sends them nowhere but the sender's own site: only evidence tags");
  } else if (p < UNSURE_BELOW && staysHomeUncorroborated) {
    // Where the model is unsure and the message sends the reader nowhere else, style hints do not make up the
    // difference: urgency, a Reply-To elsewhere or shouting is what a card-expiry notice or an invitation says too.
    onlyEvidenceTags(`below ${UNSURE_BELOW} the model is unsure, and for mail that sends the reader nowhere but the sender's own site only evidence tags`);
  } else if (p < UNSURE_BELOW) limits.push([round(o.thresholds.tag - 1), `below ${UNSURE_BELOW} the model is unsure and tags only with other signs`]);
  else if (shape.staysHome && p < UNSURE_BELOW_HOME) {
    limits.push([round(o.thresholds.tag - 1), `it sends the reader nowhere but the sender's own site: below ${UNSURE_BELOW_HOME} the model tags only with other signs`]);
  } else if (shape.linksHome && !corroborated && p < UNSURE_BELOW_HOME) {
    limits.push([round(o.thresholds.tag - 1), `it links to the sender's own site and no evidence speaks against it: below ${UNSURE_BELOW_HOME} the model tags only with other signs`]);
  }
  if (shape.reply) limits.push([round(o.thresholds.tag - 0.1), 'a reply in a conversation is tagged only with other signs']);
  const [cap, why] = limits.reduce<[number, string]>((low, l) => (l[0] < low[0] ? l : low), [raw, '']);
  const score = Math.max(0, cap);
  const description = `token statistics give spam probability ${p.toFixed(3)}`;
  if (score === raw) return { name: 'STATISTICAL_MODEL', score, description };
  if (score === 0) return null;
  return { name: 'STATISTICAL_MODEL', score, description: `${description}, ${raw} capped to ${score}: ${why}` };
}

/**
 * Every link stays on the sender's own site, or the link where the reader acts does and the others only sit below it
 * (a "Powered by" credit, a help centre: actsOnOwnSite), or every link leaves only for a well-known service's own
 * pages (a carrier's tracking page, a DocuSign envelope: no attacker's page behind them; the invoice a shop bills
 * through Stripe or an accountant through Xero: the page is the sender's account there) and the sender's own profile
 * pages (a receipt on Stripe with the shop's social links below it), with nothing attached that sends the reader
 * further (a PDF receipt whose links stay home is no way out; a picture may be a QR code), or there is no link and
 * nothing attached but a calendar invitation whose own links stay on the sender's site or a service's pages (a
 * branch's appointment confirmation with its .ics); and the reader's answer
 * goes back to the sender: a Reply-To on another domain, or a free-mail address in the text to write to instead
 * ("It's my e-mail for response: …@gmail.com"), sends the reader elsewhere as surely as a link does.
 */
function sendsNowhereElse(msg: ContentMessage, ctx: ScoreContext): boolean {
  if (externalReplyTo(msg, ctx) !== null || namesFreeMailboxElsewhere(msg, ctx)) return false;
  // A link-free letter with a PDF: the PDF's text (a phone number to call, a QR code) is not read, so it stays home
  // only when the letter greets its reader by name, as a sender who knows them writes ("Dear Mr Mehta, the rental
  // agreement is attached"); "see the attached invoice" to a harvested list keeps the model's say.
  if (clickLinks(msg).length === 0) return msg.attachments.every((a) => isInvitationStayingHome(a, msg) || (attachmentStaysHome(a, msg) && greetsReaderByName(msg)));
  const offSite = offSiteLinks(msg);
  return (
    linksOnlyToOwnSite(msg) ||
    actsOnOwnSite(msg, offSite) ||
    (msg.attachments.every((a) => attachmentStaysHome(a, msg)) && offSite.every((l) => isServicesOrPaymentPage(l) || isSendersProfilePage(l)))
  );
}

/**
 * A well-known service's own page, the hosted invoice or checkout page of a payment service the sender bills through,
 * or a transaction's public record on a block explorer.
 */
const isServicesOrPaymentPage = (l: Link) => isServicesOwnPage(l) || paymentPlatformHosts.has(l.host) || blockExplorerDomains.has(l.domain);

/**
 * The sender's own words name a mailbox at a free-mail provider other than the From domain, and not the reader's own:
 * a welcome or a reset names the reader's login ("Username: jane.doe@gmail.com"), a footer says whom it was sent to.
 * Nor in a message the sender writes to itself (a site's contact form notifying its owner at the address it sends
 * from): its reader is the sender, and the visitor's address in it is whom to answer. Only the envelope says so: a
 * To field naming the sender is also how bulk mail hides its list in Bcc.
 */
function namesFreeMailboxElsewhere(msg: ContentMessage, ctx: ScoreContext): boolean {
  const self = msg.from?.address.toLowerCase();
  if (self && ctx.recipients?.length && ctx.recipients.every((r) => r.toLowerCase() === self)) return false;
  const own = senderDomain(msg);
  const text = msg.lower.own;
  let readers: Set<string> | undefined;
  for (const m of text.matchAll(DOMAIN_AFTER_AT)) {
    const domain = m[1]!;
    if (domain === own || !freemailDomains.has(domain)) continue;
    let start = m.index;
    while (start > 0 && LOCAL_PART_CHAR.test(text[start - 1]!)) start--;
    if (start === m.index) continue;
    readers ??= new Set(recipientsOf(msg, ctx).map((r) => r.toLowerCase()));
    if (!readers.has(`${text.slice(start, m.index)}@${domain}`)) return true;
  }
  return false;
}

// A mailbox is found from its "@" (the domain after it, a local-part character before it, checked by hand): a
// pattern that starts with the local part ([\w.+-]+@…) or looks behind for it is tried at every letter of every
// word, and was the costliest expression of scoring (4 % of bench:score); one that starts with "@" is found by a
// fast search for that character.
const DOMAIN_AFTER_AT = /@((?:[\w-]+\.)+[a-z]{2,})\b/g;
const LOCAL_PART_CHAR = /[\w.+-]/;

/**
 * A reply in a conversation names the message it answers (RFC 5322 §3.6.4: a msg-id in In-Reply-To or References)
 * and reads as one: its subject carries a reply prefix, or it quotes the earlier message. Naming a message is not
 * enough: bulk senders write the headers empty, and a help-desk platform's notice (abused to send a "verify your
 * wallet" lure from the platform's own domain) names its ticket without quoting anything, so every word in it is the
 * sender's. A forward is not a reply either: it passes a whole message on, and what it passes on is what the reader
 * gets (a phishing message forwarded by the account's owner or by an attacker reads the same in the recipient's inbox).
 */
function isReply(msg: ContentMessage): boolean {
  if (FORWARD_PREFIX.test(msg.subject)) return false;
  const answers = msg.headers.some((f) => (f.name === 'in-reply-to' || f.name === 'references') && MSG_ID.test(f.value));
  return answers && (REPLY_PREFIX.test(msg.subject) || msg.lower.own !== msg.lower.text || QUOTE_INTRO.test(msg.lower.text));
}

const MSG_ID = /<[^<>\s]+@[^<>\s]+>/;
// "Fwd:" and its translations as clients write them (Outlook's WG, TR, RV, I, Doorst, PD, ENC, VL, ILT). "VS" is
// left out: Danish and Norwegian forward with it, Finnish replies with it.
const FORWARD_PREFIX = /^\s*(?:fwd?|wg|tr|rv|i|doorst|pd|enc|vl|ilt|πρθ|转发|轉寄)\s*(?:\[\d+\])?\s*[:：]/iu;
// "Re:" and its translations as mail clients write them (Outlook's AW, SV, VS, Antw, RIF, Odp, YNT, ΑΠ, 回复 ...),
// with an optional counter ("Re[2]:").
const REPLY_PREFIX = /^\s*(?:re|aw|sv|vs|antw|antwort|rif|r|odp|ynt|res|resp|ref|réf|rép|απ|回复|答复|回覆)\s*(?:\[\d+\])?\s*[:：]/iu;
// How clients introduce the quoted message when they do not prefix its lines with ">": "On … wrote:" and its
// translations, Outlook's "-----Original Message-----" and its header block ("From: … Sent: …").
const QUOTE_INTRO = /\b(?:wrote|schrieb|a écrit|escreveu|escribió|ha scritto|schreef|skrev|napisał)\s*:|-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine|mensagem original|mensaje original|messaggio originale)|\b(?:from|von|de|da|van):[^\n]{1,200}\n\s*(?:sent|gesendet|envoyé|enviado|inviato|verzonden|date|datum):/iu;

/** An attachment that sends the reader nowhere the message does not: an invitation or a PDF whose links stay home. */
const attachmentStaysHome = (a: Attachment, msg: ContentMessage) => isInvitationStayingHome(a, msg) || isDocumentStayingHome(a, msg);

/** A logo or picture shown in the message: nothing a reader opens to follow a link. */
const isPicture = (a: { contentType: string }) => a.contentType.startsWith('image/');

/**
 * A PDF (an insurance schedule, an invoice, a statement) whose links, if any, go to the sender's own site or write to
 * its own domain, with nothing that acts by itself (JavaScript, a launch action, an embedded file): it sends the reader
 * nowhere the message does not. One this reader cannot open (encrypted, a stream that does not inflate) is not.
 */
function isDocumentStayingHome(a: Attachment, msg: ContentMessage): boolean {
  const reach = attachedPdfReach(a);
  if (reach === null || reach.active) return false;
  const own = senderDomain(msg);
  return reach.uris.every((uri) =>
    /^mailto:/i.test(uri) ? own !== '' && registrableDomain(uri.slice(7).split('?', 1)[0]!) === own : isOwnSite(parseLink(uri, '', 'anchor'), msg),
  );
}

/**
 * A calendar invitation (RFC 5545) whose addresses, if any, are the sender's own site or a well-known service's page
 * (a Teams or Zoom meeting): it books a time, and sends the reader nowhere the message does not. An invitation with a
 * link elsewhere in its description is how calendar phishing reaches a reader whose client adds it unasked.
 */
function isInvitationStayingHome(a: Attachment, msg: ContentMessage): boolean {
  if (a.contentType !== 'text/calendar' && extensionOf(a.filename) !== 'ics') return false;
  const unfolded = a.content.toString('utf8').replace(/\r?\n[ \t]/g, '');
  return textUrls(unfolded).every((url) => {
    const link = parseLink(url, '', 'anchor');
    return isOwnSite(link, msg) || isServicesOwnPage(link);
  });
}

const sum = (hits: RuleHit[]) => hits.reduce((s, h) => s + h.score, 0);

/** The verdict for a set of rule hits (also used when peer results are merged in). */
export function verdictOf(rules: RuleHit[], t: ContentThresholds): ContentVerdict {
  const score = round(sum(rules));
  return { spam: score >= t.tag, score, threshold: t.tag, action: actionFor(score, t), rules };
}

function actionFor(score: number, t: ContentThresholds): ContentAction {
  if (score >= t.reject) return 'reject';
  if (score >= t.quarantine) return 'quarantine';
  if (score >= t.tag) return 'tag';
  return 'accept';
}

const round = (x: number) => Math.round(x * 10) / 10;
