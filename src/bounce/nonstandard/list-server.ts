// Refusals from mailing-list managers (fml, and the X-MLServer family): not an SMTP bounce but the list's own
// notice that a post to it was refused (sender not a member) or dropped (mail loop). The recipient is the list.
import { extractAddresses } from '../address.js';
import { type MimePart } from '../../shared/mime/reader.js';
import type { Reason } from '../../classify/types.js';
import type { ParseResult, RecipientFacts } from '../types.js';

/** fml's fixed notices and what they mean for the post. */
const NOTICES: Array<[Reason, RegExp]> = [
  ['rejected', /\bare not (?:a )?member\b|not member/i],
  ['systemerror', /loop alert|duplicated message-id/i],
];

export function parseListServer(root: MimePart, text: string, parties: string[]): ParseResult<RecipientFacts[]> {
  if (!root.header('x-mlserver')) return { kind: 'not-this-kind' };
  const notice = `${root.header('subject')}\n${text.slice(0, 4096)}`;
  const reason = NOTICES.find(([, pattern]) => pattern.test(notice))?.[0];
  if (!reason) return { kind: 'not-this-kind' };
  const excluded = new Set(parties.map((p) => p.toLowerCase()));
  const list = text.split('\n').flatMap(extractAddresses).find((a) => !excluded.has(a.toLowerCase()));
  if (!list) return { kind: 'broken', error: 'list server notice without the list address' };
  const diagnostic = text.replace(/\s+/g, ' ').trim().slice(0, 300) || null;
  return { kind: 'found', value: [{ recipient: list, status: null, code: null, diagnostic, remoteMta: null, dsnAction: null, phase: null, hint: reason }] };
}
