// The VERP return path: `b+<queue id>.<recipient tag>.<mac>@<bounce domain>` as the envelope sender of each outgoing
// transaction (one recipient each), so that a late bounce, and the Return-Path header a provider quotes in a
// complaint, name the message and the recipient. The MAC (HMAC with the trace secret) binds queue id, identity and
// recipient: a token copied onto another report, or with one part changed, fails. Everything is lower-case hex or
// base-36, because some MTAs fold the local part's case.
import { createHash } from 'node:crypto';
import { sameMac, traceHmac } from '../accept/trace.js';

/** 80 bits: a forger gets one guess per report sent, so this is plenty, and the local part stays under 64 octets. */
const MAC_HEX = 20;
const TAG_HEX = 6;

export interface ReturnPathSettings {
  bounceDomain: string;
  secret: string;
}

/** A short, public hash of the recipient: finds it among the message's recipients before the MAC is checked. */
export function recipientTag(rcpt: string): string {
  return createHash('sha256').update(rcpt.toLowerCase()).digest('hex').slice(0, TAG_HEX);
}

function mac(queueId: string, identityKey: string, rcpt: string, secret: string): string {
  // The 'verp;' prefix keeps these MACs apart from the trace header's, which start with an upper-case queue id.
  return traceHmac(`verp;${queueId.toUpperCase()};${identityKey};${rcpt.toLowerCase()}`, secret, MAC_HEX);
}

export function returnPath(queueId: string, identityKey: string, rcpt: string, s: ReturnPathSettings): string {
  return `b+${queueId.toLowerCase()}.${recipientTag(rcpt)}.${mac(queueId, identityKey, rcpt, s.secret)}@${s.bounceDomain}`;
}

/** A token as read from an address: not yet verified (that needs the message's identity and recipients). */
export interface ReturnPathToken {
  queueId: string;
  tag: string;
  mac: string;
}

const TOKEN = /\bb\+([0-9a-z]{10,40})\.([0-9a-f]{6})\.([0-9a-f]{20})@([a-z0-9.-]+)/gi;

/** Every token addressed to one of `domains` in `text` (an address, a header, a whole report), first occurrence first. */
export function findReturnPathTokens(text: string, domains: readonly string[]): ReturnPathToken[] {
  const wanted = new Set(domains.map((d) => d.toLowerCase()));
  const seen = new Set<string>();
  const found: ReturnPathToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (!wanted.has(m[4]!.toLowerCase().replace(/\.$/, ''))) continue;
    const key = `${m[1]}.${m[2]}.${m[3]}`.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ queueId: m[1]!.toUpperCase(), tag: m[2]!.toLowerCase(), mac: m[3]!.toLowerCase() });
    if (found.length >= 20) break; // a report names one message; more is noise or an attack on our time
  }
  return found;
}

/**
 * The recipient a token stands for, given the message's identity and recipients; null when no recipient's MAC
 * matches (forged, altered, or signed with another secret).
 */
export function verifyReturnPath(token: ReturnPathToken, identityKey: string, recipients: readonly string[], secret: string): string | null {
  for (const rcpt of recipients) {
    if (recipientTag(rcpt) !== token.tag) continue;
    if (sameMac(token.mac, mac(token.queueId, identityKey, rcpt, secret))) return rcpt;
  }
  return null;
}
