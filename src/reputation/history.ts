// Past volumes written into the behaviour counters, so that a relay that replaces another one (or the demo's
// scratch relay) starts with each identity's normal instead of treating every known sender as new: the first days
// would otherwise measure everybody against the new-identity prior. Lines come from the old relay's logs, one message
// each: `{"identity":"webhost/site001","at":"2026-11-20T10:00:00Z","recipients":["ann@example.org"],"from":"info@site.example"}`.
// Only volume, timing, recipient domains and From addresses are known of such a message, not its content.
import { z } from 'zod';
import type { Reputation } from './index.js';

const pastMessage = z.object({
  identity: z.string().regex(/^[^/\s]+(\/[^\s]+)?$/, 'identity: expected "account" or "account/sub"'),
  at: z.union([z.number().int().positive(), z.iso.datetime({ offset: true })]),
  recipients: z.array(z.string().regex(/^[^@\s]+@[^@\s]+$/, 'recipients: expected addresses')).min(1).max(1000),
  from: z.string().optional(),
  clientIp: z.string().optional(),
}).strict();

export interface PastMessage {
  identity: string;
  at: number;
  recipients: string[];
  from: string;
  clientIp: string;
}

/** Every line of a JSON Lines export, checked; the first problems (with line numbers) when any line is wrong. */
export function parseHistory(text: string, now: number): { messages: PastMessage[]; problems: string[] } {
  const messages: PastMessage[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '' || problems.length >= 10) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return void problems.push(`line ${i + 1}: not JSON`);
    }
    const r = pastMessage.safeParse(value);
    if (!r.success) return void problems.push(`line ${i + 1}: ${r.error.issues.map((x) => `${x.path.join('.') || 'line'}: ${x.message}`).join('; ')}`);
    const at = typeof r.data.at === 'number' ? r.data.at : Date.parse(r.data.at);
    if (at > now) return void problems.push(`line ${i + 1}: at is in the future`);
    messages.push({ identity: r.data.identity, at, recipients: r.data.recipients.map((x) => x.toLowerCase()), from: (r.data.from ?? '').toLowerCase(), clientIp: r.data.clientIp ?? '' });
  });
  return { messages, problems };
}

/** Write past messages into the counters, oldest first (the counters' windows move forward in time only). */
export function recordHistory(reputation: Pick<Reputation, 'record'>, messages: readonly PastMessage[]): number {
  const sorted = [...messages].sort((a, b) => a.at - b.at);
  for (const m of sorted) {
    reputation.record({
      identityKey: m.identity, account: m.identity.split('/', 1)[0]!, clientIp: m.clientIp, recipients: m.recipients,
      fromAddress: m.from, subject: '', fingerprint: '', sketch: [], linkDomains: [],
    }, m.at);
  }
  return sorted.length;
}
