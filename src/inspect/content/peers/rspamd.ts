// Rspamd's normal worker over HTTP: POST /checkv2 with the message as the body and what the relay knows about the
// transaction as request headers (Rspamd "Protocol" documentation: From, Rcpt, User, IP); it answers JSON with its
// score and the symbols that fired. With User set, Rspamd applies its own outbound behaviour (no SPF/DMARC checks).
import type { ScoreContext } from '../types.js';
import type { PeerAnswer } from './spamd.js';

export interface RspamdOptions {
  url: string;
  timeoutMs: number;
}

interface RspamdReply {
  score?: number;
  required_score?: number;
  symbols?: Record<string, { score?: number }>;
}

export async function checkRspamd(raw: Buffer, ctx: ScoreContext, o: RspamdOptions): Promise<PeerAnswer> {
  const headers: Record<string, string> = { 'Content-Type': 'message/rfc822' };
  if (ctx.mailFrom !== undefined) headers.From = ctx.mailFrom;
  if (ctx.authUser) headers.User = ctx.authUser;
  const rcpt = ctx.recipients ?? [];
  const res = await fetch(new URL('/checkv2', o.url), {
    method: 'POST',
    // Several recipients are several Rcpt headers; fetch joins repeated names with ", ", which Rspamd also reads.
    headers: rcpt.length ? { ...headers, Rcpt: rcpt.join(', ') } : headers,
    body: Uint8Array.from(raw), // a copy typed on an ArrayBuffer, which is what fetch's BodyInit accepts
    signal: AbortSignal.timeout(o.timeoutMs),
  });
  if (!res.ok) throw new Error(`rspamd answered HTTP ${res.status}`);
  const reply = (await res.json()) as RspamdReply;
  if (typeof reply.score !== 'number') throw new Error('rspamd answered without a score');
  // Strongest first; zero-score symbols stay (GTUBE and other pre-results carry their weight in the action).
  const symbols = Object.entries(reply.symbols ?? {})
    .sort((a, b) => Math.abs(b[1].score ?? 0) - Math.abs(a[1].score ?? 0))
    .map(([name]) => name);
  return { score: reply.score, required: reply.required_score ?? 15, symbols };
}
