// Ties a report to the message it is about, without trusting the reporter: the VERP token (in the envelope recipient
// of a bounce, or quoted in the Return-Path of a complained-about message) or our signed trace header quoted in the
// report. Each is checked against its HMAC and against the message the queue knows; a claim that fails is forged,
// and a report with any forged claim is not used (someone is trying to frame a sender).
import { verifyTrace } from '../accept/trace.js';
import type { BounceReport } from '../bounce/index.js';
import type { TraceVia, UntraceableReason } from '../queue/events.js';
import { identityKey, type SenderIdentity } from '../shared/types.js';
import { findReturnPathTokens, verifyReturnPath } from './return-path.js';

/** What the queue knows of a message we sent. */
export interface SentMessage {
  id: string;
  /** 0 when only the trace header vouches for the message (the queue no longer has it). */
  receivedAt: number;
  identity: SenderIdentity;
  mailFrom: string;
  recipients: string[];
}

export type MessageLookup = (queueId: string) => SentMessage | null;

export interface TraceSettings {
  bounceDomain: string;
  traceHeader: string;
  secret: string;
}

export type TraceResult =
  /** `recipients`: the message's recipients the report is about (empty when it does not say, e.g. redacted ARF). */
  | { kind: 'traced'; via: TraceVia; message: SentMessage; recipients: string[] }
  | { kind: 'forged'; claimed: string }
  | { kind: 'untraceable'; reason: UntraceableReason };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every value of the trace header anywhere in the report (the returned message's header block, quoted headers). */
function traceValues(text: string, header: string): string[] {
  const re = new RegExp(`^${escape(header)}:[ \\t]*([^\\r\\n]*(?:\\r?\\n[ \\t][^\\r\\n]*)*)`, 'gim');
  return [...new Set([...text.matchAll(re)].slice(0, 20).map((m) => m[1]!))];
}

function reportedRecipients(report: BounceReport): string[] {
  const named = report.recipients.map((r) => r.recipient);
  if (report.feedback?.originalRcptTo) named.push(report.feedback.originalRcptTo);
  return named.filter(Boolean).map((r) => r.toLowerCase());
}

/**
 * The message's recipients the report is about: the one our trace header signed (a copy sent to one recipient), else
 * those the report names, else the message's only one. A provider that redacts the complainer names none.
 */
function recipientsOf(message: SentMessage, report: BounceReport, signed: string): string[] {
  if (signed) return [message.recipients.find((r) => r.toLowerCase() === signed) ?? signed];
  const named = new Set(reportedRecipients(report));
  const matched = message.recipients.filter((r) => named.has(r.toLowerCase()));
  if (matched.length > 0) return matched;
  return message.recipients.length === 1 ? [...message.recipients] : [];
}

export function traceReport(raw: Buffer, report: BounceReport, envelopeRecipients: readonly string[], lookup: MessageLookup, s: TraceSettings): TraceResult {
  const text = raw.toString('latin1');
  let forged: string | null = null;
  let unknown = false;
  let traced: TraceResult | null = null;
  // Envelope first: a bounce to our return path names exactly one recipient of one message; then the return path
  // a structured report names (SES's mail.source), and any quoted in the report's text.
  const quoted = report.quoted;
  for (const token of findReturnPathTokens([...envelopeRecipients, quoted?.returnPath ?? '', text].join('\n'), [s.bounceDomain])) {
    const message = lookup(token.queueId);
    if (!message) {
      unknown = true;
      continue;
    }
    const rcpt = verifyReturnPath(token, identityKey(message.identity), message.recipients, s.secret);
    if (!rcpt) forged ??= token.queueId;
    else traced ??= { kind: 'traced', via: 'verp', message, recipients: [rcpt] };
  }
  // Header lines anywhere in the report, and the trace a structured report (Amazon SES's JSON) quotes. Every one is
  // checked, even once the return path traced the report: a forged claim beside a true one is still a forgery.
  for (const value of [...traceValues(text, s.traceHeader), ...(quoted?.trace ? [quoted.trace] : [])]) {
    const check = verifyTrace(value, s.secret);
    if (check.kind === 'forged') forged ??= check.queueId;
    if (check.kind !== 'valid' || traced) continue;
    // The header vouches for queue id, identity (and recipient) even when the queue no longer has the message.
    const known = lookup(check.queueId);
    const signed = { account: check.account, sub: check.sub, source: 'trace' };
    if (known && identityKey(known.identity) !== identityKey(signed)) {
      forged ??= check.queueId; // a valid MAC under another secret's era cannot name another sender: do not guess
      continue;
    }
    const message = known ?? { id: check.queueId, receivedAt: 0, identity: signed, mailFrom: '', recipients: [] };
    traced = { kind: 'traced', via: 'trace-header', message, recipients: recipientsOf(message, report, check.recipient) };
  }
  if (forged) return { kind: 'forged', claimed: forged };
  if (traced) return traced;
  return { kind: 'untraceable', reason: unknown ? 'unknown-message' : 'no-trace' };
}
