// "A block names its suspects": when a provider refuses the relay's address or domain, the identities that sent most
// to that provider just before are the likely cause. Pure: the caller (the reputation stage) passes the block's
// classification and the recent per-identity sends toward the provider; out come the top identities with their risk.
import type { Classification } from '../classify/types.js';

export interface ProviderSends {
  identity: string;
  sent: number;
  complaints: number;
  hardBounces: number;
}

export interface Suspect {
  identity: string;
  sent: number;
  /** Share of all mail toward the provider in the window. */
  share: number;
  /** 0..1: the share, raised by the identity's own complaints and bounces toward the provider. */
  risk: number;
  why: string;
}

/** Blocks of the relay as a whole (address or domain reputation, a blocklist), not of one message or recipient. */
export function isReputationBlock(c: Pick<Classification, 'reason' | 'blame' | 'scope'>): boolean {
  const reputational = c.reason === 'blocked' || c.reason === 'badreputation' || c.reason === 'spamdetected' || c.reason === 'rejected';
  return reputational && (c.blame === 'sender-ip' || c.blame === 'sender-domain' || c.blame === 'sender-volume') && c.scope !== 'recipient';
}

export function nameSuspects(block: Pick<Classification, 'reason' | 'blame' | 'scope' | 'provider'>, sends: readonly ProviderSends[], top = 3): Suspect[] {
  if (!isReputationBlock(block)) return [];
  const total = sends.reduce((n, s) => n + s.sent, 0);
  if (total === 0) return [];
  return sends
    .filter((s) => s.sent > 0)
    .map((s) => {
      const share = s.sent / total;
      // Complaints weigh most (a provider's users marked the mail), bounces less; each caps at doubling the risk.
      const badness = Math.min(1, (s.complaints * 100 + s.hardBounces * 10) / s.sent);
      const risk = Math.min(1, share * (1 + badness));
      const extras = [s.complaints ? `${s.complaints} complaints` : '', s.hardBounces ? `${s.hardBounces} hard bounces` : ''].filter(Boolean).join(', ');
      const why = `${s.sent} of ${total} messages to ${block.provider ?? 'this provider'} (${Math.round(share * 100)} %)${extras ? `, ${extras}` : ''} before the ${block.reason} refusal`;
      return { identity: s.identity, sent: s.sent, share, risk, why };
    })
    .sort((a, b) => b.risk - a.risk || b.sent - a.sent)
    .slice(0, top);
}
