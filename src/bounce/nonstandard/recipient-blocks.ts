// Generic reading of a non-standard bounce: the failed recipients and, for each, the block of text about it.
// Most non-DSN formats (qmail, Exim, Postfix without DSN, Gmail, Yahoo, Exchange 2003, DragonFly, Courier, …) share
// one shape: a recipient address on its own line or in a sentence, followed by the reason and often the remote
// server's reply. One reader for that shape covers them all; formats that really differ get their own module.
import { extractAddresses } from '../address.js';
import { findEnhancedStatus } from '../../classify/reply.js';
import { findCode } from '../smtp-reply.js';
import type { Phase, Reason } from '../../classify/types.js';
import type { RecipientFacts } from '../types.js';
import { bounceHint, isDelayWarning } from './hints.js';

/** Local parts that name a mail system, never a failed recipient. */
const DAEMON = /^(?:mailer-daemon|postmaster|mail-daemon|mailer|daemon|root|bounce[s]?|no-?reply)$/i;
/**
 * The start of a remote reply: a code at line start, or after a colon ("said:", "]:", "addr:"), "<<<", "<--", a
 * quote, a dash between spaces ("addr - 552 …"), an opening parenthesis ("addr (550 …)"), Exchange's "#" ("mx.example.com #550 5.1.1 …") or a
 * Diagnostic-Code type ("smtp; 550 …"), or a verb of answering without a colon ("Remote server replied 554 …").
 */
const REPLY_START = /(?:^|[:：#;(]|\s-(?=\s)|<<<|<--|['"]|\b(?:said|replied|returned|responded|answered))\s*(?=[45]\d\d[\s-])/im;
/** Lines of a Sendmail-style transcript that are not part of the reply before them. */
const TRANSCRIPT_LINE = /^\s*(?:>>>|<<<|while talking to|-{3,})|\s(?:-->|<--)\s/i;
const MAX_DIAGNOSTIC = 1000;
const MAX_LINE = 1000;

export interface BlockInput {
  text: string;
  /** Addresses that are not recipients (the bounce's own parties, the original sender). */
  exclude: string[];
  /** Recipients named in headers (X-Failed-Recipients): authoritative when present. */
  known: string[];
  /**
   * Whether the report's opening lines may stand as a recipient's diagnostic when its own block says nothing; off
   * when a DSN's status fields already say more than a generic opening sentence.
   */
  openingAsReason: boolean;
}

/**
 * How strongly a line names a failed recipient: an RCPT TO command, Sendmail's "550 <addr>... reason" line or
 * InterScan's "Unable to deliver message to <addr>." below each recipient's transcript (the one line that names a
 * recipient refused after DATA, whose transcript holds no address), any other line, a summary header line.
 */
const RCPT_LINE = /RCPT TO:\s*<?[^\s<>@]{1,64}@|^[45]\d\d <[^<>\s@]{1,64}@[^<>\s]{1,255}>\.\.\. |^\s*unable to deliver message to <[^<>\s@]{1,64}@/i;
/**
 * A line that opens with the address, alone or before a colon or the rest of its entry ("  bob@example.com",
 * "<bob@example.com>:", "<bob@example.com>: host mx said: …", "bob@example.com on 11/2/2026"): an entry of the list of
 * failed recipients, as strong as an RCPT TO command. A transcript names only the recipient whose session failed
 * at RCPT; the others of the same report are listed this way, and must not be dropped in favour of it.
 */
const LIST_ENTRY = /^\s*<?[\w.!#$%&'*+/=?^`{|}~-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}>?(?::|\s|$)/;
const SUMMARY_LINE = /^\s*(?:To|Cc|Bcc|From|Sender|Reply-To|Subject|Sent|Date|Return-Path|MAIL FROM|Envelope-From)\s*:/i;

export function recipientBlocks(input: BlockInput): RecipientFacts[] {
  // Every regex below sees lines of bounded length: a report line longer than this is noise, not a reply.
  const lines = input.text.split(/\r?\n/).map((l) => (l.length > MAX_LINE ? l.slice(0, MAX_LINE) : l));
  const text = lines.join('\n');
  const recipients = findRecipients(lines, input).map((r) => ({ ...r, address: expandedFrom(lines, r.line) ?? r.address }));
  // Reports that list the failed addresses one per line state the reason once, above the list or below it: a list
  // entry that says nothing itself takes the words after the list, then the report's opening.
  const lastNamed = Math.max(-1, ...recipients.flatMap((r) => r.lines));
  const shared = [lastNamed >= 0 ? lines.slice(lastNamed + 1, lastNamed + 13).join(' ') : '', lines.slice(0, 12).join(' ')];
  const opening = input.openingAsReason ? squeeze(shared.join(' ')) || null : null;
  const reply = remoteReply(text);
  const blocks = recipients.map((r) => (r.line >= 0 ? recipientBlock(lines, r, recipients) : text));
  // The report's first reply is every recipient's fallback, unless it sits in another recipient's entry (below that
  // address, before the next one): then it is that recipient's, and a recipient whose own block states a reason
  // without a code ("Sorry, I couldn't find any host named …", "Unrouteable address") keeps its own words. A reply
  // below the whole list (Gmail's "Technical details" after the addresses) is stated for the list.
  // (Read from the whole text, the reply may run on into the next recipient's lines: its start is what identifies it.)
  const replyOwner = reply === null ? -1 : blocks.findIndex((b) => {
    const own = remoteReply(b);
    return own !== null && reply.startsWith(own);
  });
  const beforeReply = reply === null ? '' : text.slice(0, REPLY_START.exec(text)!.index);
  const replyLine = reply === null ? -1 : beforeReply.split('\n').length - 1;
  const ownerEntry = replyOwner >= 0 ? recipients[replyOwner]!.line : -1;
  const inOwnersEntry = ownerEntry >= 0 && ownerEntry <= replyLine && !recipients.some((o) => o.line > ownerEntry && o.line <= replyLine);
  // The lines that lead into the reply name the recipient it answered ("SMTP error from remote mail server after RCPT
  // TO:<bob@…>:"): then it is that recipient's, wherever the report mentions the others (a bilingual report lists
  // every recipient once per language, so entries do not nest).
  const introduced = reply === null ? -1 : recipientNamedBefore(lines, replyLine, beforeReply, recipients);
  const ownedBy = introduced >= 0 ? introduced : inOwnersEntry ? replyOwner : -1;
  const whole = { reply, opening, delayWarning: isDelayWarning(text) };
  // What the report says for all its recipients (a preamble's "gave up after 5 days") is in the text outside every
  // other recipient's entry: a cause or a command stated inside another recipient's entry ("<bob@…>: Host or domain
  // name not found", qmail's "Connected to … but sender was rejected") is that recipient's alone.
  const sharedText = (i: number) => blocks.reduce((t, b, j) => (j === i || b === text ? t : t.replace(b, '')), text);
  return recipients.map((r, i) => {
    const shared = sharedText(i);
    return factsFromBlock(originalCase(r.address, text), blocks[i]!, {
      ...whole, phase: smtpPhase(shared), hint: bounceHint(shared), replyOfAnother: ownedBy >= 0 && ownedBy !== i,
    });
  });
}

interface Mention {
  address: string;
  /** The line that names the recipient best (-1: named only in a header). */
  line: number;
  /** Every line that names it, in report order. */
  lines: number[];
}

/**
 * The text about one recipient. Many reports name a recipient twice: in a friendly summary and again beside the
 * remote reply (Exchange's "Diagnostic information for administrators", Courier's and Sendmail's transcripts).
 * Each mention opens a block that runs to the next line naming another recipient; the block of the best mention
 * is taken unless it holds no remote reply and a later mention's block does.
 */
function recipientBlock(lines: string[], r: Mention, all: Mention[]): string {
  const others = all.filter((o) => o !== r).flatMap((o) => o.lines);
  const blockAt = (line: number): string => {
    const end = others.filter((s) => s > line).reduce((a, b) => Math.min(a, b), lines.length);
    const block = lines.slice(transcriptStart(lines, line, others), end);
    const footer = block.findIndex((l, i) => i > 0 && FOOTER_RULE.test(l));
    return (footer > 0 ? block.slice(0, footer) : block).join('\n');
  };
  const best = blockAt(r.line);
  if (remoteReply(best) !== null) return best;
  for (const line of r.lines) {
    if (line === r.line) continue;
    const block = blockAt(line);
    if (remoteReply(block) !== null) return block;
  }
  // An entry that says nothing but the address (and a label such as "because:") may be followed by a sentence that
  // names the recipient again with its cause (Domino: "User bob (bob@example.com) not listed in Domino Directory"):
  // that sentence is the recipient's own reason. Quoted headers of the original ("To: bob@…") are no such sentence.
  if (blockWords(best) === null) {
    for (const line of r.lines) {
      if (line <= r.line || SUMMARY_LINE.test(lines[line]!)) continue;
      const block = blockAt(line);
      if (blockWords(block) !== null) return block;
    }
  }
  return best;
}

/**
 * A rule of underscores, or the signature separator "-- " (RFC 3676 §4.3): what follows is a gateway's disclaimer
 * or a signature ("This email has been scanned for all viruses … by Messagelabs"), not the recipient's reason.
 */
const FOOTER_RULE = /^(?:\s*_{10,}\s*|-- )$/;

/** "Sorry bob@example.com." / "Dear bob@example.com,": the report greets its reader, the original sender. */
const GREETING = /^\s*(?:sorry|dear|hello|hi|hallo|bonjour|hola|ciao)[\s,]+<?([^\s<>@]{1,64}@[^\s<>,.!:;]+(?:\.[^\s<>,.!:;]+)+)>?[.,!:;]/i;

/** The failed recipients in report order, each with the line that names it best and every line that names it. */
function findRecipients(lines: string[], input: BlockInput): Mention[] {
  const known = new Set(input.known.map((k) => k.toLowerCase()));
  const seen = new Map<string, { line: number; tier: number; lines: number[] }>();
  lines.forEach((line, i) => {
    const lineTier = RCPT_LINE.test(line) || LIST_ENTRY.test(line) ? 0 : SUMMARY_LINE.test(line) ? 2 : 1;
    const alias = EXPANDED_FROM.exec(line)?.[1]?.toLowerCase();
    const greeted = GREETING.exec(line)?.[1]?.toLowerCase();
    for (const a of namedRecipients(line)) {
      const key = a.toLowerCase();
      const tier = key === greeted ? 2 : lineTier; // the reader greeted, like a summary of the original's headers
      if (key === alias) continue; // the address the failed one was expanded from: the same recipient
      // a report's own mailbox names (MAILER-DAEMON, postmaster) are not recipients, unless the DSN names one as such
      if (DAEMON.test(a.slice(0, a.lastIndexOf('@'))) && !known.has(key)) continue;
      if (known.size > 0 && !known.has(key)) continue;
      const before = seen.get(key);
      if (!before) seen.set(key, { line: i, tier, lines: [i] });
      else {
        if (before.lines[before.lines.length - 1] !== i) before.lines.push(i);
        if (tier < before.tier) Object.assign(before, { line: i, tier });
      }
    }
  });
  const all = [...seen.entries()].map(([address, at]) => ({ address, ...at }));
  if (known.size > 0) return input.known.map((k) => all.find((f) => f.address === k.toLowerCase()) ?? { address: k, line: -1, lines: [] });
  // The original sender is named in most reports ("your message from ..."), but a message sent to oneself bounces
  // to the recipient itself: the sender counts only when no other address is there, and only where the report
  // lists it as a recipient: a summary of the original's headers ("To: me@…" above "did not reach the following
  // recipient(s): <a display name>") says whom the message was addressed to, not who failed. Among the others,
  // the strongest evidence wins: addresses in RCPT TO commands, else in the report's sentences, else in its summary.
  const excluded = new Set(input.exclude.map((a) => a.toLowerCase()));
  const others = all.filter((f) => !excluded.has(f.address));
  const pool = others.length > 0 ? others : all.filter((f) => f.tier < 2);
  if (pool.length === 0) return [];
  const bestTier = Math.min(...pool.map((f) => f.tier));
  return pool.filter((f) => f.tier === bestTier).sort((x, y) => x.line - y.line);
}

/**
 * Postfix ("<rose@final.example> (expanded from <sales@example.net>): …") and Sendmail ("rose@final.example" over
 * "(expanded from: sales@example.net)") name the alias or forward a failed address came from. That is the address
 * the sender wrote, and the one to act on (as a DSN's Original-Recipient is): one recipient, not two.
 */
const EXPANDED_FROM = /\(expanded from:?\s*<?([^\s<>()]{1,64}@[^\s<>()]{1,255}?)>?\)/i;

function expandedFrom(lines: string[], line: number): string | null {
  if (line < 0) return null;
  const here = EXPANDED_FROM.exec(lines[line]!) ?? (lines[line + 1] !== undefined ? EXPANDED_FROM.exec(lines[line + 1]!) : null);
  return here ? here[1]! : null;
}

/** A message identifier's field ("Message-ID: <0a1b$2c3d@host>"), quoted in transcripts and summaries: never an address. */
const MESSAGE_ID_FIELD = /\b(?:(?:resent-)?message-id|in-reply-to|references|content-id)\s*:/i;

/**
 * The addresses a line names as recipients. In "<a@x>: host mx said: 550 <s@y>: Sender address rejected" the reply
 * quotes another address (often the sender's): once an address opens the line, addresses inside the reply after it
 * are the reply's words, not further recipients.
 */
function namedRecipients(line: string): string[] {
  if (MESSAGE_ID_FIELD.test(line)) return [];
  const all = extractAddresses(line).filter((a) => !isContactAddress(line, a));
  if (all.length < 2) return all;
  const reply = REPLY_START.exec(line);
  if (!reply || reply.index === 0) return all;
  const before = extractAddresses(line.slice(0, reply.index));
  return before.length > 0 ? before : all;
}

/**
 * An address the report or the reply gives to write to ("Please ask your provider to contact support@example.org",
 * "schreiben Sie an hilfe@…", "mailto:"): the receiver's help desk, never a failed recipient.
 */
const CONTACT_BEFORE = /(?:contact|write to|e-?mail|mail to|send (?:it |them )?to|reach|ask|mailto:|kontakt\S*|contacte[rz]?|contatt\S*|wenden sie sich an|schreiben sie an|escriba a|scrivete a|neem contact op met|napisz do|napište na|escreva para|пишите на|напишите на)\s*:?\s*<?$/i;

function isContactAddress(line: string, address: string): boolean {
  const at = line.toLowerCase().indexOf(address.toLowerCase());
  return at > 0 && CONTACT_BEFORE.test(line.slice(Math.max(0, at - 40), at));
}

/** Lines of a Sendmail session transcript: the dialogue, and its per-host summary ("421 host (smtp)... Deferred"). */
const TRANSCRIPT_CONTEXT = /^\s*(?:>>>|<<<|while talking to\b|(?:sent|received)\s+(?:<<<|>>>))|^[245]\d\d [^\s<>]{1,255} \(smtp\)\.\.\. /i;

/**
 * Sendmail names a recipient after the session that failed it ("While talking to mx: >>> MAIL From: <<< 550 Relay
 * denied" then "554 <a@b>... Remote protocol error"): the remote server's own reply is in the transcript above the
 * recipient line, so the recipient's block starts with it (never reaching into another recipient's line). InterScan
 * writes each recipient's "Sent <<< …" / "Received >>> …" transcript above its line the same way.
 */
function transcriptStart(lines: string[], line: number, starts: number[]): number {
  let start = line;
  // InterScan sets a blank line between the transcript ("Sent <<< DATA", "Received >>> 550 …") and its
  // "Unable to deliver message to <…>."
  if (start > 1 && lines[start - 1]!.trim() === '' && !starts.includes(start - 2) && TRANSCRIPT_CONTEXT.test(lines[start - 2]!)) start--;
  while (start > 0 && !starts.includes(start - 1) && TRANSCRIPT_CONTEXT.test(lines[start - 1]!)) {
    start--;
    if (/^\s*while talking to\b/i.test(lines[start]!)) break; // the session began here
  }
  return start;
}

function originalCase(address: string, text: string): string {
  const i = text.toLowerCase().indexOf(address);
  return i >= 0 ? text.slice(i, i + address.length) : address;
}

/** The one recipient named in the two lines before the reply or on its line before the code; -1 when none or several. */
function recipientNamedBefore(lines: string[], replyLine: number, beforeReply: string, recipients: Array<{ address: string }>): number {
  const lead = [...lines.slice(Math.max(0, replyLine - 2), replyLine), beforeReply.slice(beforeReply.lastIndexOf('\n') + 1)].join('\n').toLowerCase();
  const named = recipients.flatMap((r, i) => (lead.includes(r.address.toLowerCase()) ? [i] : []));
  return named.length === 1 ? named[0]! : -1;
}

/** The report text as a whole, with what every recipient block may fall back on computed once. */
interface WholeReport {
  /** The lines after the last recipient and the report's first lines: where list-style reports state the reason. */
  opening: string | null;
  reply: string | null;
  phase: Phase | null;
  hint: Reason | null;
  /** Whether `reply` is quoted in another recipient's block. */
  replyOfAnother: boolean;
  /** The report says it is a delay warning (the MTA keeps trying): its "Action: delayed" in words. */
  delayWarning: boolean;
}

function factsFromBlock(recipient: string, block: string, whole: WholeReport): RecipientFacts {
  const own = sendmailReason(block) ?? blockWords(block);
  const reply = remoteReply(block) ?? (own && whole.replyOfAnother ? null : whole.reply);
  const said = reply ?? own ?? whole.opening;
  const diagnostic = said?.slice(0, MAX_DIAGNOSTIC) || null;
  return {
    recipient,
    status: diagnostic ? findEnhancedStatus(diagnostic) : null,
    code: reply ? findCode(reply) : null,
    diagnostic,
    remoteMta: remoteHost(block),
    dsnAction: whole.delayWarning ? 'delayed' : null,
    phase: smtpPhase(block) ?? whole.phase,
    hint: blockHint(bounceHint(block), whole.hint),
  };
}

/**
 * The recipient's own line first; but a report that as a whole says the message was delayed or given up on
 * (OpenSMTPD's "A message is delayed for more than 4 hours" above "Network error on destination MXs") reports the
 * delay: the transport fault of the line is what caused it, not what the sender learns.
 */
function blockHint(block: Reason | null, whole: Reason | null): Reason | null {
  if (whole === 'expired' && (block === null || block === 'networkerror')) return 'expired';
  return block ?? whole;
}

/**
 * The remote server's reply in a block: from its code to the end of the paragraph, lines joined. A line that starts
 * a new reply ends it, unless the previous line was a continuation ("550-...", RFC 5321 §4.2.1): Sendmail lists one
 * "550 <addr>... reason" line per recipient, one after the other.
 */
function remoteReply(block: string): string | null {
  const m = REPLY_START.exec(block);
  if (!m) return null;
  const lines = block.slice(m.index + m[0].length, m.index + m[0].length + MAX_DIAGNOSTIC * 2).split('\n');
  const kept = [lines[0]!];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || TRANSCRIPT_LINE.test(line)) break;
    if (/^\s*[45]\d\d /.test(line) && !/^\s*[45]\d\d-/.test(lines[i - 1]!)) break;
    // a line that is nothing but an address starts the next recipient's entry (Exim lists them without a blank line
    // between): no reply wraps onto a line of a lone address
    if (line.includes('@') && ADDRESS_ONLY.test(line.trim())) break;
    // ... nor onto a program or file an alias delivered to, which Sendmail lists as an entry of its own
    // ('"|/usr/local/bin/ticket-import"', "/var/mail/archive")
    if (ALIAS_TARGET_LINE.test(line)) break;
    // nor onto the report's next field: a label in any language before an RFC 3464 typed value ("Remote system:
    // dns;mx.example.net", Kerio's Czech "Vzdálený systém: dns;…")
    if (TYPED_FIELD_LINE.test(line)) break;
    kept.push(line);
  }
  return squeeze(kept.join(' ')) || null;
}

const ALIAS_TARGET_LINE = /^\s*(?:"[|/][^"]*"|[|/]\S*)\s*$/;
const TYPED_FIELD_LINE = /^\s*\p{L}[\p{L} .'-]{0,40}:\s*(?:dns|smtp|rfc822|x-[\w-]+)\s*;/iu;

/** Sendmail's own verdict on a recipient when no remote reply exists: "<addr>... Deferred: Connection refused". */
function sendmailReason(block: string): string | null {
  const m = /^<?[^\s<>@]{1,64}@[^\s<>]{1,255}>?\.\.\. (.{4,})$/m.exec(block);
  return m ? squeeze(m[1]!) : null;
}

/**
 * An entry with nothing but the address (a list marker before it, a label after it allowed), or the address in a
 * phrase that only says whom it concerns ("(Originally addressed to bob@…)", "Intended recipient: bob@…"): the reason
 * follows it.
 */
const ADDRESS_ONLY = /^(?:[-*•>]+ ?)?\(?(?:(?:originally |was )?addressed to|(?:intended|original|final) recipient:?|recipient(?: address)?:|original address:|for)? ?<?[^\s<>]+>?\)?:?(?: [\p{L} ]{1,30}:)?$/iu;

/**
 * The block's own words, unless it holds nothing but the address, or the address and a label that introduces what
 * follows it ("because:", "Reason:"): the reason is then stated elsewhere, above or below the list. When the entry's
 * first paragraph states something, that paragraph is its reason: what follows a blank line is the report's own
 * advice for every recipient (GroupWise: "jdoe@… (host not found)", then "Possible causes: Invalid address").
 */
function blockWords(block: string): string | null {
  // (a summary of the original's headers in the entry, "Subject: …", "Date: …", states no reason either)
  const lines = block.split('\n').filter((l) => !REPORT_FOOTER.test(l) && !SALUTATION.test(l) && !SUMMARY_LINE.test(l)).slice(0, 12);
  const blank = lines.findIndex((l, i) => i > 0 && l.trim() === '');
  const first = squeeze((blank > 0 ? lines.slice(0, blank) : lines).join(' '));
  if (!ADDRESS_ONLY.test(first)) return first;
  const words = squeeze(lines.join(' '));
  return ADDRESS_ONLY.test(words) ? null : words;
}

/**
 * The fixed closing lines of a list-style report, which follow the last address and are nobody's reason: EZweb's
 * "Please reply to <Postmaster@ezweb.ne.jp> / if you feel this message to be in error." (its reason stands above the
 * list: "The user(s) account is disabled.").
 */
const REPORT_FOOTER = /^\s*(?:please reply to <?postmaster@\S*|if you feel this message to be in error\.?)\s*$/i;

/** A line that only greets the reader ("Hello bob@example.com,", "Hi!"): the report's words start after it. */
const SALUTATION = /^\s*(?:dear|hello|hi|hallo|bonjour|hola|ciao)\b[\s\w.@<>'"-]{0,80}[,!:]?\s*$/i;

/** White space runs as one space, trimmed. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "host mx.example.jp [192.0.2.20]" (Exim), "Connected to 192.0.2.225" (qmail), "mx.example.com [..] said" (Postfix). */
function remoteHost(block: string): string | null {
  if (!/host|connected to|said|did not like/i.test(block)) return null; // cheap test before the costly pattern
  const m = /\bhost ([A-Za-z0-9.\-]{1,253}\.[A-Za-z]{2,63})(?: ?\[[0-9a-fA-F.:]{2,45}\])?|Connected to ([0-9.]{7,15})|\b([A-Za-z0-9.\-]{1,253}\.[A-Za-z]{2,63}) \[[0-9a-fA-F.:]{2,45}\] (?:said|did not like)/.exec(block);
  return m ? (m[1] ?? m[2] ?? m[3] ?? null) : null;
}

/** The SMTP command the reply answered, in the words the common MTAs use. */
export function smtpPhase(text: string): Phase | null {
  const flat = text.length > 8192 ? text.slice(0, 8192) : text;
  // Sendmail-style transcripts: the last command sent before the first error reply (">>> MAIL From:<s>",
  // "<<< 250 ok", ">>> RCPT To:<a@b>", "<<< 550 ...": RCPT).
  // Transcript markers: ">>>"/"<<<" (Sendmail, Courier), "-->"/"<--" after a time stamp (MDaemon and others).
  const failure = /(?:^|\s)(?:<<<|<--) ?[45]\d\d/m.exec(flat);
  if (failure) {
    const commands = [...flat.slice(0, failure.index).matchAll(/(?:^|\s)(?:>>>|-->) ?(MAIL|RCPT|DATA|EHLO|HELO)\b/gim)];
    const last = commands[commands.length - 1];
    if (last) return phaseOf(last[1]!, '');
  }
  // A labelled section naming the command ("-------SMTP command" then "DATA" on the next line: m-FILTER).
  const section = /^-*[ \t]*SMTP command[ \t]*:?[ \t]*\r?\n?[ \t]*(MAIL FROM|MAIL|RCPT TO|RCPT|DATA|EHLO|HELO)\b/im.exec(flat);
  if (section) return phaseOf(section[1]!, '');
  // qmail-remote's fixed texts: "Connected to H but sender was rejected", "H does not like recipient".
  if (/but sender was rejected/i.test(flat)) return 'mail';
  if (/does not like recipient/i.test(flat)) return 'rcpt';
  if (/failed on DATA command|failed after I sent the message/i.test(flat)) return /after I sent/i.test(flat) ? 'eod' : 'data';
  if (/but greeting failed|but my name was rejected/i.test(flat)) return /greeting/i.test(flat) ? 'connect' : 'helo';
  // Postfix's "host H refused to talk to me: 554 …": the reply is the greeting, before any command of ours.
  if (/refused to talk to me/i.test(flat)) return 'connect';
  const m = /(?:after|in reply to|while sending|did not like our|SMTP:|\bsent:|\[)\s*(?:the\s+)?(final\s+DATA|MAIL\s+FROM|MAIL|RCPT\s+TO|RCPT_TO|RCPT|DATA|end\s+of\s+data|HELO|EHLO|initial\s+connection|greeting|banner)\b/i.exec(flat);
  return m ? phaseOf(m[1]!.replace(/\s+/g, ' '), m[0]) : null;
}

function phaseOf(word: string, context: string): Phase {
  const w = word.toUpperCase();
  if (w.startsWith('MAIL')) return 'mail';
  if (w.startsWith('RCPT')) return 'rcpt';
  if (w === 'FINAL DATA' || w === 'END OF DATA') return 'eod';
  if (w === 'DATA') return /final/i.test(context) ? 'eod' : 'data';
  if (w === 'HELO' || w === 'EHLO') return 'helo';
  return 'connect';
}
