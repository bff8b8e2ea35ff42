// Classifies one remote reply. Order of evidence (issue 3): SMTP phase, then the rules of the provider detected from
// the MX host or the reply, then the generic wording families, then single cue words (cue-words.ts), then the RFC
// 3463 status, then the basic code.
import { REASON_PROFILES, actionOf } from './reasons.js';
import { reasonFromCueWords, saysTemporary } from './cue-words.js';
import { blameByObject, namedObject } from './named-object.js';
import { isCandidate, mayMatch, scanLiterals } from './prefilter.js';
import { parseReply, type ParsedReply } from './reply.js';
import type { CompiledRule, RuleSet } from './ruleset.js';
import { isSyntaxCode, reasonFromCode, reasonFromStatus } from './status-codes.js';
import type { Classification, Phase, Reason, ReplyInput } from './types.js';

/** Host names are short; a longer "MX" is not one and is not examined. */
const MAX_MX_CHARS = 255;

export function classifyWith(rules: RuleSet, input: ReplyInput): Classification {
  const reply = parseReply(typeof input.text === 'string' ? input.text : '', input.status);
  const mx = normaliseMx(input.mx);
  const phase = input.phase ?? reply.phase ?? undefined;
  scanLiterals(rules.literals, reply.flat);
  const provider = detectProvider(rules, mx, reply.flat);
  const rule = findRule(rules, reply, phase, provider);
  const found = rule ? statusNamesObject(fromRule(rule, reply, provider), rule, reply) : fromCodes(reply, phase, provider);
  // A rule that found a configuration fault (a missing PTR, the HELO name, authentication, TLS) keeps it when the
  // reply names the IP: the IP is where the fault shows, not what is refused for its reputation.
  const named = rule?.provider || (rule && found.blame === 'sender-config') ? found : followNamedObject(found, reply);
  return spokenByServer(adjustForPhase(named, reply, phase, rule?.keepAfterData ?? false), reply);
}

/**
 * Where a generic rule read only generic words, a status that names the object decides. RFC 3463 X.1.2 "bad
 * destination system address" and RFC 7505's X.1.10 (null MX) say it is the recipient address's domain that fails,
 * not the mailbox ("550 5.1.2 <a@b>: Recipient address rejected: undeliverable domain"); a transient X.7.1 is a
 * deferral of the sending host; RFC 7372's X.7.25 is a failed reverse-DNS check.
 */
function statusNamesObject(c: Classification, rule: CompiledRule, reply: ParsedReply): Classification {
  // A transient X.7.1 ("delivery not authorized", for now) behind nothing but "Service unavailable, try again
  // later" names no trouble of the receiver's: the status decides, a deferral of the sending host (status-codes.ts).
  if (!rule.provider && c.reason === 'systemerror' && reply.status === '4.7.1' && BARE_UNAVAILABLE.test(reply.flat)) {
    return retarget(c, 'blocked', 'sender-ip', c.rule);
  }
  // RFC 7372's X.7.25 names one cause, the reverse DNS of the sending IP, where a generic rule read only that the
  // client host was refused ("450 4.7.25 Client host rejected: <the admin's words>")
  if (!rule.provider && reply.status?.endsWith('.7.25') && c.reason !== 'requireptr') return retarget(c, 'requireptr', 'sender-config', c.rule);
  if (rule.provider || c.reason !== 'userunknown' || !reply.status) return c;
  // "450 4.7.1 <a@b>: Recipient address rejected: <a filter's code>": a missing mailbox is no passing state, and a
  // transient X.7.1 is a deferral of the sending host (status-codes.ts)
  if (reply.status === '4.7.1' && reply.code !== null && reply.code < 500) return retarget(c, 'blocked', 'sender-ip', c.rule);
  const domainReason = DOMAIN_STATUS[reply.status.slice(2)];
  return domainReason ? retarget(c, domainReason, REASON_PROFILES[domainReason].blame, c.rule) : c;
}

const DOMAIN_STATUS: Readonly<Record<string, Reason>> = { '1.2': 'hostunknown', '1.10': 'notaccept' };

/** The whole text says only that the service is unavailable, and maybe to try later. */
// (RFC 5321's own 421 text, "Service not available, closing transmission channel", says no more; nor does a bare
// "Temporarily deferred [<the IP>]")
const BARE_UNAVAILABLE = /^(service (is )?(currently |temporarily )?(unavailable|not available)[\s,.;:-]*((please )?(try|retry) (again )?later|closing (transmission )?(channel|connection))?|(temporarily |temporary )?deferr(ed|al)( \[[\d.:a-f]+\])?)\.?$/;

/**
 * A network fault in a reply that carries a reply code was reported by a server that did answer: the path to it
 * works, and what it reports (its own DNS query failed, its back end timed out, a hop limit it counted) is that
 * system's trouble. `network` stays for what the sending MTA observed itself, without a reply: a connection refused,
 * a time-out, a name that does not resolve.
 */
function spokenByServer(c: Classification, reply: ParsedReply): Classification {
  if (c.blame !== 'network' || reply.code === null) return c;
  return reblamed(c, 'remote');
}

/** A generic reading whose blame the reply's own words contradict: the object it names (named-object.ts) decides. */
function followNamedObject(c: Classification, reply: ParsedReply): Classification {
  // "Spam" only as the name of the receiver's filter ("blocked by our anti-spam system", "not accepted due to spam
  // filter") judges nothing of the message: the filter refused what the reply names, the IP or the sender's address.
  if (c.reason === 'spamdetected' && namesSpamFilterOnly(reply.flat)) {
    const named = namedObject(reply.flat);
    if (named) return retarget(c, named === 'sender-ip' ? 'blocked' : 'rejected', named, c.rule);
  }
  const blame = blameByObject(c.reason, c.blame, reply.flat);
  if (!blame) return c;
  // An IP refused for what it is, is blocked; a domain refused keeps the rule's reason (reputation, policy ...). What
  // the refusal reaches follows the object too: an IP's every message on the connection, a domain's only its own.
  const reason = blame === 'sender-ip' && (c.reason === 'securityerror' || c.reason === 'notaccept') ? 'blocked' : c.reason;
  const scope = blame === 'sender-ip' ? 'session' : 'message';
  return reason === c.reason ? reblamed(c, blame, scope) : { ...retarget(c, reason, blame, c.rule), scope };
}

// (not "failed our anti-spam checks": failing a check is a verdict on the message)
const SPAM_FILTER_NAME = /\banti-?spam (filter|system|protection|engine|gateway|service)s?\b|\bspam ?(filter|system|protection|engine|gateway|firewall|service)s?\b/g;

/** Every "spam" of the reply is part of a filter's name. */
function namesSpamFilterOnly(flat: string): boolean {
  const rest = flat.replace(SPAM_FILTER_NAME, ' ');
  return rest !== flat && !rest.includes('spam');
}

/** "dns; MX1.Example.COM." (a DSN Remote-MTA field) and "mx1.example.com" name the same host. */
function normaliseMx(mx: string | undefined): string {
  if (typeof mx !== 'string' || mx.length > MAX_MX_CHARS) return '';
  return mx.trim().toLowerCase().replace(/^dns;\s*/, '').replace(/[\s(\[].*$/, '').replace(/\.$/, '');
}

function detectProvider(rules: RuleSet, mx: string, flat: string): string | null {
  for (const d of rules.detectors) {
    if (mx && d.mx.some((re) => re.test(mx))) return d.provider;
  }
  for (const d of rules.detectors) {
    if (!isCandidate(rules.literals, d.group)) continue;
    for (const p of d.text) if (mayMatch(p, rules.literals) && p.re.test(flat)) return d.provider;
  }
  return null;
}

function findRule(rules: RuleSet, reply: ParsedReply, phase: Phase | undefined, provider: string | null): CompiledRule | null {
  if (provider) {
    for (const rule of rules.byProvider.get(provider) ?? []) if (matches(rules, rule, reply, phase)) return rule;
  }
  for (const rule of rules.generic) if (matches(rules, rule, reply, phase)) return rule;
  return null;
}

function matches(rules: RuleSet, rule: CompiledRule, reply: ParsedReply, phase: Phase | undefined): boolean {
  if (!isCandidate(rules.literals, rule.group)) return false;
  if (rule.phases && (!phase || !rule.phases.includes(phase))) return false;
  if (rule.statusPrefixes) {
    const status = reply.status;
    // "none" stands for a reply without an enhanced status
    if (status === null ? !rule.statusPrefixes.includes('none') : !rule.statusPrefixes.some((p) => status === p || status.startsWith(p + '.'))) return false;
  }
  for (const p of rule.patterns) if (mayMatch(p, rules.literals) && p.re.test(reply.flat)) return true;
  return false;
}

function fromRule(rule: CompiledRule, reply: ParsedReply, provider: string | null): Classification {
  const profile = REASON_PROFILES[rule.reason];
  const permanent = rule.permanent ?? isPermanent(reply, rule.reason);
  const scope = rule.scope ?? profile.scope;
  return {
    code: reply.code,
    status: reply.status,
    reason: rule.reason,
    blame: rule.blame,
    permanent,
    scope,
    provider: provider ?? rule.provider,
    action: rule.action ?? actionOf({ reason: rule.reason, blame: rule.blame, scope, permanent }),
    explanation: rule.explanation,
    fix: rule.fix,
    link: rule.link,
    rule: rule.id,
  };
}

/** Whether an enhanced status names a cause of its own: not X.0.0, not X.7.0/X.7.1 (any refusal), not a status
 * no table knows. */
function isSpecificStatus(status: string | null, byStatus: Reason | null): boolean {
  if (!status || !byStatus) return false;
  const [, subject, detail] = status.split('.');
  return detail !== '0' && !(subject === '7' && detail === '1');
}

/** Words of a real protocol complaint: only these let an X.5.x status say "syntax error". */
const PROTOCOL_WORDS = /syntax|command|protocol|unrecogni[sz]ed|parameter|sequence|argument|not implemented|line too long|pipelin|unsupported (option|extension)|(option|extension) not supported/;

function fromCodes(reply: ParsedReply, phase: Phase | undefined, provider: string | null): Classification {
  const byStatus = reply.status ? reasonFromStatus(reply.status) : null;
  // A word that names the cause outranks a status that names none (X.0.0, X.7.1 "delivery not authorized", X.5.x on
  // a refusal); a specific status (X.1.1 no mailbox, X.2.2 full) outranks a word. Only in a reply (a code or a
  // status says it is one): one word in any other text ("hello spam") is no refusal.
  if ((reply.code !== null || reply.status !== null) && !isSpecificStatus(reply.status, byStatus)) {
    const cue = reasonFromCueWords(reply.flat);
    if (cue) return fromReason(cue, reply, provider, 'cue-word');
    if (reply.code !== null && reply.code >= 500 && saysTemporary(reply.flat)) return fromReason('systemerror', reply, provider, 'cue-word');
  }
  // MTAs put X.5.x on refusals of every kind (Sendmail's 5.5.0 for "Service unavailable"): a status is specific
  // evidence only when the text agrees with it.
  const generic = byStatus === 'syntaxerror' && !PROTOCOL_WORDS.test(reply.flat);
  if (byStatus && !generic) return fromReason(byStatus, reply, provider, 'fallback-status');
  if (generic && (reply.code === null || reply.code < 500 || reply.code > 504)) {
    return fromReason(reply.code !== null ? reasonFromCode(reply.code, phase) : 'undefined', reply, provider, 'fallback-code');
  }
  if (reply.code !== null) {
    const byCode = reasonFromCode(reply.code, phase);
    // "550" names a missing mailbox only when nothing else is said: words of refusal with no mailbox named ("…
    // (user@example.com:blocked)", "Message refused") refuse the mail, they do not say the address is gone.
    if (byCode === 'userunknown' && !MAILBOX_WORDS.test(reply.flat)) {
      // Nor do words about the sending server ("Your server requires confirmation … ?IP=192.0.2.1"): its IP is what
      // the reply is about.
      if (namedObject(reply.flat) === 'sender-ip') return fromReason('blocked', reply, provider, 'fallback-code');
      if (REFUSAL_WORDS.test(reply.flat)) return fromReason('rejected', reply, provider, 'fallback-code');
    }
    return fromReason(byCode, reply, provider, 'fallback-code');
  }
  return fromReason('undefined', reply, provider, 'fallback-none');
}

function fromReason(reason: Reason, reply: ParsedReply, provider: string | null, rule: string): Classification {
  const profile = REASON_PROFILES[reason];
  const permanent = isPermanent(reply, reason);
  return {
    code: reply.code,
    status: reply.status,
    reason,
    blame: profile.blame,
    permanent,
    scope: profile.scope,
    provider,
    action: actionOf({ reason, blame: profile.blame, scope: profile.scope, permanent }),
    explanation: profile.explanation,
    fix: profile.fix,
    link: null,
    rule,
  };
}

/** Reasons that are temporary by nature when the reply carries neither a code nor a status to say so. */
const TRANSIENT_REASONS: ReadonlySet<Reason> = new Set<Reason>([
  'ratelimited', 'systemerror', 'systemfull', 'networkerror', 'onhold', 'undefined', 'mailboxfull',
]);

/** RFC 5321 §4.2.1: the first digit decides (4 = try again, 5 = do not); the RFC 3463 class when no code. */
function isPermanent(reply: ParsedReply, reason: Reason): boolean {
  if (reply.code !== null) return reply.code >= 500;
  if (reply.status !== null) return reply.status.startsWith('5');
  return !TRANSIENT_REASONS.has(reason);
}

/**
 * The SMTP phase outranks the wording. A refusal at connect or HELO (RFC 5321 §3.1, §4.1.1.1) or at MAIL FROM
 * (§4.1.1.2) comes before any recipient is named or any content sent, so it is never the recipient's fault nor the
 * content's: "user unknown" at MAIL
 * means the sender address. And "user unknown" after DATA, or with an X.2.x mailbox status, means the address
 * passed the recipient check and the message was then refused: Sisimai calls this "filtered", and so do we, except
 * for rules marked `after-data: keep` (providers that check recipients only after the message, like Yahoo).
 */
function adjustForPhase(c: Classification, reply: ParsedReply, phase: Phase | undefined, keepAfterData: boolean): Classification {
  // Before MAIL FROM the server knows only the connecting IP (and its HELO name): no recipient and no content yet.
  if ((c.blame === 'recipient' || c.blame === 'content') && (phase === 'connect' || phase === 'helo')) {
    // At HELO the server judges the name the relay greeted with: a refusal that speaks of a name or domain is about
    // that name, and a 500-504 is RFC 5321's syntax or sequence complaint (501: the name, HELO's only argument).
    if (phase === 'helo' && HELO_NAME_WORDS.test(reply.flat)) return greetingNameRefused(c, reply);
    // What is said of the destination is no refusal of the sender: a domain that does not exist (the sending MTA's
    // own DNS answer, before any connection) stays the recipient's; a host that takes no mail at all (RFC 7504's 521
    // greeting, "does not accept mail") is the receiving side's own set-up.
    if (c.reason === 'hostunknown') return c;
    if (c.reason === 'notaccept') return reblamed(c, 'remote', 'destination');
    // A syntax or sequence code there complains of what the relay sent (its greeting), not of the IP.
    if (isSyntaxCode(reply.code)) return retarget(c, 'syntaxerror', 'sender-config', `phase-${phase}`);
    return retarget(c, 'blocked', 'sender-ip', `phase-${phase}`);
  }
  // At HELO a refusal no rule read that speaks of a name ("'localhost.localdomain' is not a name I will talk to") is
  // about the greeting the relay sent, not the IP's reputation.
  if (phase === 'helo' && c.rule.startsWith('fallback') && HELO_NAME_WORDS.test(reply.flat)) return greetingNameRefused(c, reply);
  // "Connection refused" in the greeting of a server that answered, for good or naming the connecting IP ("550 5.7.1
  // Connection refused - OXSUS0001_105", "421 4.4.5 CCRT 203.0.113.7: Connection refused"): the server refuses that
  // IP, no network failed.
  if (phase === 'connect' && c.reason === 'networkerror' && reply.code !== null && REFUSAL_WORDS.test(reply.flat) && (reply.code >= 500 || namedObject(reply.flat) === 'sender-ip')) {
    return retarget(c, 'blocked', 'sender-ip', 'phase-connect');
  }
  // The greeting's name refused with RFC 5321's syntax or sequence codes (501 "syntax error in parameters or
  // arguments", 503 "bad sequence", 504 "command parameter not implemented"): a syntax matter, not a block.
  if (c.reason === 'blocked' && c.blame === 'sender-config' && isSyntaxCode(reply.code) && HELO_NAME_WORDS.test(reply.flat)) {
    return retarget(c, 'syntaxerror', 'sender-config', c.rule);
  }
  // A bare "access denied" at connect: the server refuses the connecting IP itself (a PTR or TLS matter would say so).
  if (phase === 'connect' && c.reason === 'securityerror' && c.blame === 'sender-config') return retarget(c, 'blocked', 'sender-ip', 'phase-connect');
  // A refusal at connect in words no rule knows ("Blocked by spam statistics", "Banned"): the server has only the
  // connecting IP to refuse.
  if (phase === 'connect' && c.rule.startsWith('fallback') && REFUSAL_WORDS.test(reply.flat)) return retarget(c, 'blocked', 'sender-ip', 'phase-connect');
  if (c.blame === 'recipient' && phase === 'mail') return retarget(c, 'rejected', 'sender-domain', 'phase-mail');
  // At MAIL FROM a generic block that quotes an address and names no IP ("<news@example.org>: sender on our domain
  // blacklist") refuses that address, the only other object the server has: its domain, not the connection.
  const generic = c.rule === 'cue-word' || c.rule.startsWith('fallback');
  if (phase === 'mail' && c.blame === 'sender-ip' && generic && QUOTED_ADDRESS.test(reply.flat) && namedObject(reply.flat) !== 'sender-ip') {
    return reblamed(c, 'sender-domain', 'message');
  }
  // At MAIL FROM and RCPT TO the content is not sent yet: a "policy" or "spam" refusal there is about the sender,
  // its IP when that is the one object the reply names ("policy violation from IP 192.0.2.1"), else its address or
  // domain (the server judged its history).
  // A size refusal is the exception: SIZE (RFC 1870) declares the message's size at MAIL FROM, so a server can
  // refuse it for its size before it is sent.
  // A "spam" verdict there on the one IP it names ("your host 192.0.2.1 scores 8.5, mail appears to be unsolicited")
  // judges the host, not a message it has not seen: the IP is blocked. One that names what is in a message ("URL in
  // message") was given after DATA, whatever phase a bounce seemed to report.
  if (c.blame === 'content' && c.reason !== 'emailtoolarge' && (phase === 'mail' || phase === 'rcpt')) {
    // ... unless the refusal names the recipient's address as what its policy refused ("Recipient address rejected
    // for policy reasons"): the receiving side's rule for that address, not a judgement of the sender.
    if (RECIPIENT_REFUSED_FOR_POLICY.test(reply.flat)) return reblamed(c, 'remote', 'recipient');
    const onIp = namedObject(reply.flat) === 'sender-ip';
    if (onIp && c.reason === 'spamdetected' && !MESSAGE_PARTS.test(reply.flat)) return retarget(c, 'blocked', 'sender-ip', c.rule);
    return onIp ? reblamed(c, 'sender-ip', 'session') : reblamed(c, 'sender-domain', 'message');
  }
  if (c.reason === 'userunknown' && phase !== 'rcpt' && !keepAfterData) {
    const subject = reply.status?.split('.')[1];
    const afterData = phase === 'data' || phase === 'eod';
    const vague = subject === undefined || subject === '0' || subject === '7';
    if (subject === '2' || (afterData && vague)) return { ...c, reason: 'filtered', action: actionOf({ ...c, reason: 'filtered' }) };
  }
  return c;
}

/** The name the relay greeted with, refused: a syntax complaint under RFC 5321's 500-504, else a refusal of it. */
function greetingNameRefused(c: Classification, reply: ParsedReply): Classification {
  return retarget(c, isSyntaxCode(reply.code) ? 'syntaxerror' : 'blocked', 'sender-config', 'phase-helo');
}

const RECIPIENT_REFUSED_FOR_POLICY = /\b(recipient (address )?(rejected|refused|denied)|mailbox (delivery )?(restricted|blocked|locked)) (for|due to|by) (local |our )?polic/;

/** An address quoted in angle brackets, as servers quote the MAIL FROM they refuse. */
const QUOTED_ADDRESS = /<[^\s<>@]+@[^\s<>@]+>/;

/** Words for what a message holds. */
const MESSAGE_PARTS = /\b(message|content|body|url|link|attachment)s?\b/;

/** Words that name the recipient's mailbox as the problem. */
const MAILBOX_WORDS = /\b(user|mailbox|recipient|address|account)s? (unknown|not found|does not exist|unavailable|invalid)|\bno such\b/;

/** Words that name the HELO argument: a host or domain name. */
const HELO_NAME_WORDS = /\b(domain|(host ?)?name|fqdn|helo|ehlo)\b/;

/** Words of refusal, with no cause named, in English and in the languages European and Asian receivers answer in
 * (German, French, Spanish, Italian, Portuguese, Dutch, Polish, Czech, Russian, Chinese, Japanese, Korean): no \b after the
 * other languages' stems, which may end in a letter JavaScript's \b does not count as one. */
const REFUSAL_WORDS = /\b(block(ed)?|banned|blacklist(ed)?|black-listed|blocklist(ed)?|denied|refused|rejected|not (allowed|welcome|permitted))\b|\b(abgelehnt|abgewiesen|gesperrt|blockiert|refus[ée]|rejet[ée]|bloqu[ée]|rechazad|denegad|bloquead|rifiutat|respint|bloccat|recusad|geweigerd|geblokkeerd|odrzucon|zablokowan|odmítnut|zablokován)|отклонен|отвергнут|заблокирован|запрещен|拒绝|拒收|拒否|ブロック|거부|차단/;

/** The same reading with another blame (and scope): the action follows them. */
function reblamed(c: Classification, blame: Classification['blame'], scope: Classification['scope'] = c.scope): Classification {
  return { ...c, blame, scope, action: actionOf({ ...c, blame, scope }) };
}

function retarget(c: Classification, reason: Reason, blame: Classification['blame'], rule: string): Classification {
  const profile = REASON_PROFILES[reason];
  return {
    ...c, reason, blame, scope: profile.scope, action: actionOf({ reason, blame, scope: profile.scope, permanent: c.permanent }),
    explanation: profile.explanation, fix: profile.fix, rule,
  };
}
