// Reads the parts of one remote SMTP reply that classification needs: the basic code (RFC 5321 §4.2), the
// enhanced status code (RFC 3463 §2, "class.subject.detail"), the SMTP phase when the text names it, and a
// flattened text the rule patterns run on.
import type { Phase } from './types.js';

/** Only the head of a reply is examined: real replies are a few hundred characters, and a cap keeps every rule's
 * regex bounded on a hostile 1 MB "reply" (no pattern can backtrack over more than this). */
export const MAX_REPLY_CHARS = 2048;

export interface ParsedReply {
  code: number | null;
  /** Enhanced status "c.s.d", from the text or else from the caller (e.g. a DSN's Status: field). */
  status: string | null;
  /** One line, lower-case, continuation prefixes ("550-5.7.1 ") removed, whitespace collapsed. */
  flat: string;
  /** The SMTP command the reply answered, when a bounce quoted it ("in reply to RCPT TO command"). */
  phase: Phase | null;
}

// Diagnostic-Code fields carry a type prefix ("smtp; 550 ..."; RFC 3464 §2.3.6) which is not part of the reply.
const DIAGNOSTIC_TYPE = /^\s*(?:smtp|x-[a-z0-9-]+)\s*;\s*/i;
const BASIC_CODE = /^\s*([2-5][0-9][0-9])(?=[\s\-:;/]|$)/;
// RFC 3463 §2: class 2, 4 or 5, subject and detail of 1-3 digits. Not part of a longer dotted number (an IP address,
// Yahoo's "4.16.55.1" session id); Cisco and qmail write it after a "#".
const ENHANCED_STATUS = /(?<![\d.])#?([245])\.(\d{1,3})\.(\d{1,3})(?![\d]|\.\d)/;
// Multi-line replies repeat code and status on every line (RFC 5321 §4.2.1: "550-5.7.1 text"); bounces often join
// those lines into one, so the prefixes also appear in the middle of the text.
// One pass turns both those prefixes and any run of white space into a single space.
const CONTINUATION_OR_SPACE = /(?:^|\s)[2-5][0-9][0-9][- ](?:#?[245]\.\d{1,3}\.\d{1,3}\s)?|\s+/g;
// How MTAs name the command a quoted reply answered: Postfix "(in reply to RCPT TO command)", Exim "SMTP error from
// remote mail server after RCPT TO:<...>", Sendmail-style "[RCPT_TO]" suffixes.
const PHASE_MENTION = /(?:in reply to|after) (rcpt to|rcpt|mail from|end of data|data|helo|ehlo)\b|\[(rcpt_to|mail_from|data)\]/;
const PHASE_NAMES: Record<string, Phase> = {
  'rcpt to': 'rcpt', rcpt: 'rcpt', rcpt_to: 'rcpt', 'mail from': 'mail', mail_from: 'mail', 'end of data': 'eod',
  data: 'data', helo: 'helo', ehlo: 'helo',
};

// The reporting MTA's words before the reply it quotes: Postfix's "host mx.example.net[192.0.2.1] said:", Exim's
// "SMTP error from remote mail server after RCPT TO:<bob@example.net>: host mx.example.net [192.0.2.1]:". They name
// the remote host, not the cause; read as part of the reply, "host … [192.0.2.1] said: 550 Blocked by SpamAssassin"
// looked like a refusal of an IP.
const REPORTER_PREFACE = /^\s*(?:host\s+[^\s\[\]]+\s*(?:\[[^\]]*\]\s*)?(?:said|refused to talk to me):|smtp error from remote (?:mail server|mailer|server) after [^:\n]*:(?:\s*<[^>\n]*>:?)?(?:\s*host\s+[^\s\[\]]+\s*(?:\[[^\]]*\])?:)?)\s*/i;

/** The first RFC 3463 status in a text, e.g. "5.1.1"; never a piece of an IP address or a longer dotted number. */
export function findEnhancedStatus(text: string): string | null {
  const m = ENHANCED_STATUS.exec(text);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : null;
}

/**
 * A reply quoted whole ("'550 5.1.1 User unknown'", as reports and logs quote it) is the reply inside the quotes:
 * the quote would hide its code from the rules that read the code at the start.
 */
function unquoted(text: string): string {
  const m = /^\s*(["'`\u2018\u201c])(?=\s*[2-5]\d\d\b)/.exec(text);
  if (!m) return text;
  const close = m[1] === '\u2018' ? '\u2019' : m[1] === '\u201c' ? '\u201d' : m[1]!;
  const inner = text.slice(m[0].length);
  const end = inner.lastIndexOf(close);
  return end === -1 ? inner : inner.slice(0, end) + inner.slice(end + 1);
}

/** Parses `text`; `statusHint` is used only when the text itself carries no enhanced status code. */
export function parseReply(text: string, statusHint?: string): ParsedReply {
  const head = text.length > MAX_REPLY_CHARS ? text.slice(0, MAX_REPLY_CHARS) : text;
  const whole = head.replace(DIAGNOSTIC_TYPE, '');
  const preface = REPORTER_PREFACE.exec(whole);
  const body = unquoted(preface ? whole.slice(preface[0].length) : whole);
  const codeMatch = BASIC_CODE.exec(body);
  const status = findEnhancedStatus(body) ?? normaliseStatus(statusHint);
  const flat = (' ' + body).replace(CONTINUATION_OR_SPACE, ' ').trim().toLowerCase();
  const mention = PHASE_MENTION.exec(flat) ?? (preface ? PHASE_MENTION.exec(preface[0].toLowerCase().replace(/\s+/g, ' ')) : null);
  const phase = mention ? PHASE_NAMES[mention[1] ?? mention[2]!] ?? null : null;
  return { code: codeMatch ? Number(codeMatch[1]) : null, status, flat, phase };
}

/** A caller-supplied status, accepted only when it starts with the RFC 3463 shape (MTAs append comments:
 * "5.0.0 (permanent failure)"). */
export function normaliseStatus(status: string | undefined): string | null {
  if (typeof status !== 'string') return null;
  const m = /^\s*([245])\.(\d{1,3})\.(\d{1,3})(?:\s|\(|$)/.exec(status);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : null;
}
