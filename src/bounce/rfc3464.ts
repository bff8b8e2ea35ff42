// RFC 3464 delivery status notifications (and RFC 6533 message/global-delivery-status): the machine-readable part of
// a standard bounce. Also reads a delivery-status part outside a proper multipart/report, and DSN fields pasted into
// a plain-text body, since several MTAs send those.
import { extractAddress } from './address.js';
import { parseFieldGroups, stripTypePrefix, type FieldGroup } from './fields.js';
import { type MimePart } from '../shared/mime/reader.js';
import { findEnhancedStatus } from '../classify/reply.js';
import { findCode } from './smtp-reply.js';
import type { DsnAction, ParseResult, RecipientFacts } from './types.js';

export interface DeliveryStatus {
  reportingMta: string | null;
  recipients: RecipientFacts[];
}

const DSN_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
/** DSN fields in a text body: a recipient field followed (within a few lines) by an Action or Status field. */
const TEXT_DSN = /^(?:Final|Original)-Recipient:[^\n]*\n(?:[^\n]*\n){0,6}?(?:Action|Status):/im;

export function parseRfc3464(root: MimePart, outer: MimePart[] = outerParts(root)): ParseResult<DeliveryStatus> {
  const statusParts = outer.filter((p) => DSN_TYPES.has(p.type));
  const claimsDsn = /delivery-status/i.test(root.params['report-type'] ?? '');
  const sources = statusParts.map((p) => p.text);
  if (sources.length === 0) {
    const textual = outer.find((p) => p.type.startsWith('text/') && TEXT_DSN.test(p.text));
    if (textual) sources.push(textual.text.slice(textual.text.search(/^(?:Reporting-MTA|Final-Recipient|Original-Recipient):/im)));
  }
  if (sources.length === 0) {
    return claimsDsn ? { kind: 'broken', error: 'multipart/report of delivery-status without a status part' } : { kind: 'not-this-kind' };
  }
  let reportingMta: string | null = null;
  const groups = sources.flatMap((text) => splitRecipientGroups(parseFieldGroups(text)));
  // An Original-Recipient that several groups share is a list or alias the destination expanded (team@ to each
  // member): each member's failure is its own, and the list's address is not what failed.
  const originals = groups.map((g) => addressIn(g, 'original-recipient')?.toLowerCase()).filter((a): a is string => !!a);
  const shared = new Set(originals.filter((a, i) => originals.indexOf(a) !== i));
  const recipients: RecipientFacts[] = [];
  for (const group of groups) {
    if (group.has('reporting-mta')) reportingMta ??= stripTypePrefix(group.get('reporting-mta')!);
    const facts = recipientFacts(group, shared);
    if (facts) recipients.push(facts);
  }
  if (recipients.length === 0) return { kind: 'broken', error: 'delivery-status part without a recipient field' };
  return { kind: 'found', value: { reportingMta, recipients } };
}

/** Parts of the report itself, not those of the returned original message (RFC 3462 §2, third part). */
export function outerParts(root: MimePart): MimePart[] {
  const out: MimePart[] = [];
  const walk = (p: MimePart): void => {
    out.push(p);
    if (p.type === 'message/rfc822' || p.type === 'message/global') return;
    for (const c of p.children) walk(c);
  };
  walk(root);
  return out;
}

/** Some MTAs omit the blank line between recipient groups: a second Final-Recipient starts a new group. */
function splitRecipientGroups(groups: FieldGroup[]): FieldGroup[] {
  const out: FieldGroup[] = [];
  for (const g of groups) {
    if (!g.has('final-recipient') || !g.has('reporting-mta')) {
      out.push(g);
      continue;
    }
    const perMessage = new Map([...g].filter(([k]) => k === 'reporting-mta' || k === 'arrival-date' || k.startsWith('x-')));
    const perRecipient = new Map([...g].filter(([k]) => !perMessage.has(k)));
    out.push(perMessage, perRecipient);
  }
  return out;
}

function recipientFacts(group: FieldGroup, sharedOriginals: ReadonlySet<string>): RecipientFacts | null {
  const recipient = recipientOf(group, sharedOriginals);
  if (!recipient) return null;
  // Without a Diagnostic-Code, some MTAs put the reason in a comment after the status ("4.0.0 (host lookup failed)").
  const statusComment = /\(([^()]{4,400})\)/.exec(group.get('status') ?? '')?.[1] ?? null;
  const diagnostic = group.has('diagnostic-code') ? stripTypePrefix(group.get('diagnostic-code')!) || statusComment : (statusComment ?? extensionDiagnostic(group));
  const fieldStatus = findEnhancedStatus(group.get('status') ?? '');
  const textStatus = diagnostic ? findEnhancedStatus(diagnostic) : null;
  // The remote server's own status, quoted in its reply, says more than the reporting MTA's summary of it.
  const status = textStatus ?? fieldStatus;
  const remote = group.get('remote-mta');
  const final = addressIn(group, 'final-recipient');
  return {
    ...(final && final.toLowerCase() !== recipient.toLowerCase() ? { finalRecipient: final } : {}),
    recipient,
    status,
    code: diagnostic ? findCode(diagnostic) : null,
    diagnostic,
    remoteMta: remote ? stripTypePrefix(remote) || null : null,
    dsnAction: dsnAction(group.get('action') ?? ''),
    phase: null,
    // RFC 3464 §2.3.6: the diagnostic type says who wrote it; "X-Unix" is a local program's exit (EX_* code or
    // text), a failure of the delivery agent rather than any remote server.
    hint: /^\s*x-unix\s*;/i.test(group.get('diagnostic-code') ?? '') ? 'mailererror' : null,
  };
}

/**
 * A remote reply in an extension field (RFC 3464 §2.4: "X-" fields) when the report has no Diagnostic-Code: Hotmail
 * writes "X-Supplementary-Info: < #5.5.0 smtp;550 Requested action not taken: mailbox unavailable (…)>". Only a
 * field that carries a diagnostic type and a reply code is taken.
 */
function extensionDiagnostic(group: FieldGroup): string | null {
  for (const [name, value] of group) {
    if (!name.startsWith('x-')) continue;
    const m = /\bsmtp\s*;\s*([245]\d\d\b.*)$/is.exec(value);
    if (m) return m[1]!.replace(/\s*>\s*$/, '').trim();
  }
  return null;
}

/**
 * The recipient a report is about, as the sender wrote it: Original-Recipient (RFC 3464 §2.3.1, the address the
 * sender gave, which RFC 3461's ORCPT exists to carry back) when it is an address, else Final-Recipient. The final
 * one is where the message ended up after forwarding and aliases (`sales@` expanded to a person's mailbox, a
 * forward to another provider) or how a message store files it (Sun ONE's `@store:user@ims_daemon`): suppressing
 * or blaming it would act on an address the sender never used, and leave the one it keeps writing to untouched.
 */
function recipientOf(group: FieldGroup, sharedOriginals: ReadonlySet<string>): string | null {
  const original = addressIn(group, 'original-recipient');
  if (original && isAddressable(original) && !sharedOriginals.has(original.toLowerCase())) return original;
  return addressIn(group, 'final-recipient') ?? original ?? addressIn(group, 'x-actual-recipient');
}

function addressIn(group: FieldGroup, name: string): string | null {
  const field = group.get(name);
  return field ? extractAddress(stripTypePrefix(field)) : null;
}

/** A domain with a dot or an address literal: what an SMTP client can send to (RFC 5321 §2.3.5). */
function isAddressable(address: string): boolean {
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return domain.includes('.') || domain.startsWith('[');
}

function dsnAction(value: string): DsnAction | null {
  const v = value.trim().toLowerCase().split(/[\s(;]/)[0];
  switch (v) {
    case 'failed':
    case 'delayed':
    case 'delivered':
    case 'relayed':
    case 'expanded':
      return v;
    default:
      return null;
  }
}
