// Refusals from mailing-list managers (fml and the X-MLServer family; Mailman's administrative notices): not an SMTP
// bounce but the list's own notice that a post to it was refused (sender not a member, content the list filters out)
// or dropped (mail loop). The recipient is the list.
import { extractAddresses } from '../address.js';
import { type MimePart } from '../../shared/mime/reader.js';
import type { Reason } from '../../classify/types.js';
import type { ParseResult, RecipientFacts } from '../types.js';

/** The managers' fixed notices and what they mean for the post (a post held for the moderator has not failed yet). */
const NOTICES: Array<[Reason, RegExp]> = [
  ['onhold', /\bis being held until\b|\bheld for (?:moderation|approval)\b/i],
  ['rejected', /\bare not (?:a )?member\b|not member|not allowed to post to this (?:mailing )?list/i],
  // Mailman's content filter ("matched the … mailing list's content filtering rules and was prevented from being
  // forwarded on to the list membership")
  ['policyviolation', /content filtering rules|prevented from being forwarded/i],
  ['systemerror', /loop alert|duplicated message-id/i],
];

export function parseListServer(root: MimePart, text: string, parties: string[]): ParseResult<RecipientFacts[]> {
  // Mailman marks its notices X-List-Administrivia and names the list in X-BeenThere
  const mailmanList = /^\s*yes\b/i.test(root.header('x-list-administrivia')) ? extractAddresses(root.header('x-beenthere'))[0] : undefined;
  if (!root.header('x-mlserver') && !mailmanList) return { kind: 'not-this-kind' };
  const notice = `${root.header('subject')}\n${text.slice(0, 4096)}`;
  const reason = NOTICES.find(([, pattern]) => pattern.test(notice))?.[0];
  if (!reason) return { kind: 'not-this-kind' };
  const excluded = new Set(parties.map((p) => p.toLowerCase()));
  const list = mailmanList ?? text.split('\n').flatMap(extractAddresses).find((a) => !excluded.has(a.toLowerCase()));
  if (!list) return { kind: 'broken', error: 'list server notice without the list address' };
  const diagnostic = text.replace(/\s+/g, ' ').trim().slice(0, 300) || null;
  return { kind: 'found', value: [{ recipient: list, status: null, code: null, diagnostic, remoteMta: null, dsnAction: null, phase: null, hint: reason, hintDecides: true }] };
}
