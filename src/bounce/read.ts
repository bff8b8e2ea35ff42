// Reading a bounce or report email into facts per recipient: which kind it is (ARF, DSN, auto-reply, non-standard)
// and, for each recipient, the status, reply, remote host and the bounce's own hints. No classification here.
import type { RuleSet } from '../classify/index.js';
import { configSchema, type Config } from '../config/schema.js';
import { extractAddresses } from './address.js';
import { readMime, type MimeLimits, type MimePart } from '../shared/mime/reader.js';
import { parseAmazonSes } from './nonstandard/amazon-ses.js';
import { bounceHint } from './nonstandard/hints.js';
import { parseNonstandard } from './nonstandard/index.js';
import { parseJmrp } from './nonstandard/jmrp.js';
import { parseListServer } from './nonstandard/list-server.js';
import { recipientBlocks, squeeze } from './nonstandard/recipient-blocks.js';
import { bounceParties, reportText } from './nonstandard/report-text.js';
import { outerParts, parseRfc3464 } from './rfc3464.js';
import { parseRfc3834 } from './rfc3834.js';
import { parseFeedbackReports } from './rfc5965.js';
import type { BounceKind, FeedbackFacts, QuotedTrace, RecipientFacts } from './types.js';

export interface BounceFacts {
  kind: BounceKind;
  recipients: RecipientFacts[];
  feedback?: FeedbackFacts;
  quoted?: QuotedTrace;
  broken?: string;
}

export type BounceLimits = Config['bounce'];

export interface ReadOptions {
  limits: BounceLimits;
  /** The trace header mailwarden stamps on outgoing mail (`identity.traceHeader`), looked up in ARF reports. */
  traceHeader: string;
  /** The reply rules that classify each recipient; the built-in ones when absent (the evaluation passes subsets). */
  rules?: RuleSet;
}

const defaults = configSchema.parse({});
export const DEFAULT_READ_OPTIONS: ReadOptions = { limits: defaults.bounce, traceHeader: defaults.identity.traceHeader };

/**
 * The MIME reader's limits from the `bounce` section: header fields counted as content scoring counts them, a part's
 * decoded bytes at 4 × the text cap (a UTF-8 character takes up to 4 bytes, so the text cap is still reached).
 */
export function bounceMimeLimits(limits: BounceLimits): MimeLimits {
  return { ...limits, maxFields: 500, maxPartBytes: limits.maxTextChars * 4 };
}

/**
 * A gateway that passes a report on as an attachment of its own (Trend Micro's InterScan wraps an Exchange DSN in a
 * multipart/mixed whose first part is the DSN as message/rfc822, a disclaimer after it): when the outer message has
 * no report part and its first part with content is its one attached message, a report, that report is the message
 * to read. A bounce that returns a report it could not deliver says so in its own text first, and stays as it is;
 * a person who forwards a bounce as an attachment writes a note first too ("Fwd:", "RV:", "WG:" in the subject, no
 * Auto-Submitted field: RFC 3834 §5 has every automatic message say it is one), and the report is still the message.
 */
function unwrapForwardedReport(root: MimePart): MimePart {
  const outer = outerParts(root);
  if (outer.some((p) => p.type === 'multipart/report' || p.type === 'message/delivery-status' || p.type === 'message/feedback-report')) return root;
  const isMessage = (p: MimePart) => p.type === 'message/rfc822' || p.type === 'message/global';
  // Several attached reports are a digest (rfc5965.ts reads every one), not one report passed on.
  const attached = outer.filter(isMessage);
  if (attached.length !== 1) return root;
  const first = forwardedByPerson(root) ? attached[0] : outer.find((p) => isMessage(p) || (p.children.length === 0 && p.text.trim() !== ''));
  const inner = first && isMessage(first) ? first.children[0] : undefined;
  return inner?.type === 'multipart/report' ? inner : root;
}

/** Forward markers of the common mail clients in their languages (Fwd, Fw, WG, TR, RV, I, Doorst, PD, ENC, VS). */
const FORWARD_SUBJECT = /^\s*(?:fwd?|wg|tr|rv|i|doorst|pd|enc|vs|vb|fs|vl)\s*:/i;

function forwardedByPerson(root: MimePart): boolean {
  return FORWARD_SUBJECT.test(root.decodedHeader('subject')) && root.header('auto-submitted') === '';
}

export function readBounce(raw: Buffer, { limits, traceHeader }: ReadOptions = DEFAULT_READ_OPTIONS): BounceFacts {
  const root = unwrapForwardedReport(readMime(raw, bounceMimeLimits(limits)).root);
  const outer = outerParts(root);
  const report = reportText(root, outer);
  const text = report.report;
  const problems: string[] = [];

  const diagnostic = (): string | null => text.replace(/\s+/g, ' ').trim().slice(0, 300) || null;
  const arf = parseFeedbackReports(root, outer, traceHeader);
  if (arf.kind === 'found') {
    // Every report and every recipient it names: a digest of complaints is as many complaints.
    const recipients = arf.value.flatMap((r) => r.recipients.map((rcpt) => blankFacts(rcpt, diagnostic())));
    return { kind: 'arf', feedback: arf.value[0]!.facts, recipients };
  }
  if (arf.kind === 'broken') problems.push(arf.error);
  const jmrp = parseJmrp(outer, traceHeader);
  if (jmrp.kind === 'found') return { kind: 'arf', feedback: jmrp.value, recipients: [blankFacts(jmrp.value.originalRcptTo ?? '', diagnostic())] };
  if (jmrp.kind === 'broken') problems.push(jmrp.error);

  const ses = parseAmazonSes(text, traceHeader);
  if (ses.kind === 'found') {
    const { value } = ses;
    const { quoted } = value;
    return value.type === 'complaint' ? { kind: 'arf', feedback: value.feedback, recipients: value.recipients, quoted } : { kind: 'nondsn', recipients: value.recipients, quoted };
  }
  if (ses.kind === 'broken') problems.push(ses.error);

  const dsn = parseRfc3464(root, outer);
  if (dsn.kind === 'found') return { kind: 'dsn', recipients: enrichFromText(dsn.value.recipients, text) };
  if (dsn.kind === 'broken') problems.push(dsn.error);

  const auto = parseRfc3834(root, text);
  if (auto.kind === 'found') {
    if (auto.value.responder === null) return { kind: 'autoreply', recipients: [] };
    const facts = blankFacts(auto.value.responder, auto.value.excerpt);
    return { kind: 'autoreply', recipients: [auto.value.disabled ? { ...facts, hint: 'suspend' } : facts] };
  }

  const list = parseListServer(root, text, bounceParties(root).flatMap(extractAddresses));
  if (list.kind === 'found') return { kind: 'nondsn', recipients: list.value };
  if (list.kind === 'broken') problems.push(list.error);

  const nondsn = parseNonstandard(root, report);
  if (nondsn.kind === 'found') return { kind: 'nondsn', recipients: nondsn.value };
  if (nondsn.kind === 'broken') problems.push(nondsn.error);

  const broken = problems.length > 0 ? problems.join('; ') : undefined;
  return broken ? { kind: 'unknown', recipients: [], broken } : { kind: 'unknown', recipients: [] };
}

function blankFacts(recipient: string, diagnostic: string | null): RecipientFacts {
  return { recipient, status: null, code: null, diagnostic, remoteMta: null, dsnAction: null, phase: null, hint: null };
}

/**
 * The DSN's Diagnostic-Code, unless it is missing or a cut-off start of the reply the human-readable part quotes in
 * full (Gmail's DSNs cut the field, "… rejected due to content judged to b"): the reply's own words come first.
 */
function fuller(field: string | null, text: string | null): string | null {
  if (field === null || text === null) return field ?? text;
  const [f, t] = [squeeze(field).toLowerCase(), squeeze(text).toLowerCase()];
  return t.length > f.length + 10 && t.startsWith(f) ? text : field;
}

/**
 * A multi-line reply of which the Diagnostic-Code keeps one line only. By RFC 5321 §4.2.1 every line but the last
 * has a hyphen after the code, so a diagnostic that opens "550-" and has no "550 " line was cut after its first line
 * (older Sendmail keeps only "550-5.7.1 … this message is" in the field and the whole reply in its session
 * transcript, "<<< 550-5.7.1 …" down to "<<< 550 5.7.1 …"), and one that is a lone "550 " line may be the last line
 * of a longer reply (Courier keeps Gmail's closing "550 5.7.1 https://support.google.com/… - gsmtp" and quotes the
 * reason in the lines before it). The text line that starts the same way, and the lines of the same code after it
 * (or before it), are the whole reply.
 */
function wholeReply(diagnostic: string | null, text: string): string | null {
  if (diagnostic === null) return null;
  const flat = squeeze(diagnostic);
  const [, code, separator] = /^(\d{3})([- ])/.exec(flat) ?? [];
  if (!code) return diagnostic;
  const cutAfterFirst = separator === '-' && !flat.includes(` ${code} `);
  const lastLineOnly = separator === ' ' && !flat.includes(` ${code}-`) && text.includes(`${code}-`);
  if (!cutAfterFirst && !lastLineOnly) return diagnostic;
  const head = flat.slice(0, 60).toLowerCase();
  // Transcript markers: Sendmail's and Courier's "<<< ", others' "<-- ".
  const lines = text.split('\n', 5000).map((l) => l.replace(/^\s*(?:<<<|<-+)?\s*/, ''));
  const start = lines.findIndex((l) => squeeze(l).toLowerCase().startsWith(head));
  if (start === -1) return diagnostic;
  if (lastLineOnly) {
    let first = start;
    while (first > 0 && start - first < MAX_REPLY_LINES && lines[first - 1]!.startsWith(`${code}-`)) first--;
    return first === start ? diagnostic : lines.slice(first, start + 1).map((l) => l.trimEnd()).join('\n');
  }
  const reply: string[] = [];
  for (const line of lines.slice(start, start + MAX_REPLY_LINES)) {
    if (!line.startsWith(`${code}-`) && !line.startsWith(`${code} `)) break;
    reply.push(line.trimEnd());
    if (line.startsWith(`${code} `)) return reply.join('\n');
  }
  return diagnostic;
}

/** Longer replies exist (policy texts), none that a bounce quotes in a transcript. */
const MAX_REPLY_LINES = 30;

/**
 * A DSN often lacks a Diagnostic-Code or gives a bare status, while its human-readable part names the remote reply
 * (Sendmail's transcript, Exim's "SMTP error from remote mail server"): fill the gaps from that text.
 */
function enrichFromText(recipients: RecipientFacts[], text: string): RecipientFacts[] {
  const blocks = recipientBlocks({ text, exclude: [], known: recipients.map((r) => r.finalRecipient ?? r.recipient), openingAsReason: false });
  return recipients.map((r, i) => {
    const fromText = blocks[i];
    return {
      ...r,
      diagnostic: wholeReply(fuller(r.diagnostic, fromText?.diagnostic ?? null), text),
      code: r.code ?? (r.diagnostic ? null : (fromText?.code ?? null)),
      remoteMta: r.remoteMta ?? fromText?.remoteMta ?? null,
      phase: fromText?.phase ?? null,
      // The MTA's own words about this recipient: its Diagnostic-Code, else its entry in the text and what the text
      // says for every recipient (not what it says in another recipient's entry); the whole text when the text
      // names nobody.
      hint: r.hint ?? bounceHint(r.diagnostic ?? '') ?? (fromText ? fromText.hint : bounceHint(text)),
    };
  });
}

