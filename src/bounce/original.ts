// The headers of the message a report is about: the returned message (RFC 3462 §2, third part) or the reported
// message of a feedback report (RFC 5965 §2 (c)), given either whole or as headers only.
import { parseFieldGroups } from './fields.js';
import { allParts, type MimePart } from './mime.js';

export function originalHeaders(root: MimePart): MimePart | null {
  const parts = allParts(root).slice(1);
  const embedded = parts.find((p) => p.type === 'message/rfc822' || p.type === 'message/global');
  if (embedded?.children[0]) return embedded.children[0];
  const headersOnly = parts.find((p) => p.type === 'text/rfc822-headers' || p.type === 'message/rfc822-headers');
  if (!headersOnly) return null;
  const headers: Record<string, string[]> = {};
  for (const [k, v] of parseFieldGroups(headersOnly.text)[0] ?? []) headers[k] = [v];
  return { headers, type: 'text/plain', params: {}, text: '', children: [], truncated: false };
}
