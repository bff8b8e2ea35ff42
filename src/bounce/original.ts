// The headers of the message a report is about: the returned message (RFC 3462 §2, third part) or the reported
// message of a feedback report (RFC 5965 §2 (c)), given either whole or as headers only.
import type { HeaderField } from '../shared/mime/header.js';
import { allParts, type MimePart } from '../shared/mime/reader.js';
import { parseFieldGroups } from './fields.js';

export function originalHeaders(root: MimePart): HeaderField[] | null {
  const parts = allParts(root).slice(1);
  const embedded = parts.find((p) => p.type === 'message/rfc822' || p.type === 'message/global');
  if (embedded?.children[0]) return embedded.children[0].fields;
  const headersOnly = parts.find((p) => p.type === 'text/rfc822-headers' || p.type === 'message/rfc822-headers');
  if (!headersOnly) return null;
  // A headers-only part is often cut or preceded by blank lines: read as field groups, the first group is the header.
  return [...(parseFieldGroups(headersOnly.text)[0] ?? [])].map(([name, value]) => ({ name, value }));
}
