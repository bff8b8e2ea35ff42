// The optional peer filters (off by default): each enabled peer becomes one more rule of the verdict, its score
// times the configured weight. A peer that fails or times out adds a zero-score rule saying so: the message is
// still scored by our own rules (fail open, the same as an unreachable peer in Rspamd's or Postfix's milter setups).
import type { ContentSettings } from '../../../config/schema.js';
import type { RuleHit, ScoreContext } from '../types.js';
import { checkRspamd } from './rspamd.js';
import { checkSpamd, type PeerAnswer } from './spamd.js';

export type PeerCheck = (raw: Buffer, ctx: ScoreContext) => Promise<RuleHit>;

const MAX_SYMBOLS_SHOWN = 8;

export function enabledPeers(settings: ContentSettings): PeerCheck[] {
  const peers: PeerCheck[] = [];
  const { rspamd, spamassassin } = settings;
  if (rspamd.enabled) peers.push((raw, ctx) => asRule('RSPAMD', 'Rspamd', rspamd.weight, () => checkRspamd(raw, ctx, rspamd)));
  if (spamassassin.enabled) {
    peers.push((raw) => asRule('SPAMASSASSIN', 'SpamAssassin', spamassassin.weight, () => checkSpamd(raw, spamassassin)));
  }
  return peers;
}

async function asRule(name: string, label: string, weight: number, check: () => Promise<PeerAnswer>): Promise<RuleHit> {
  try {
    const a = await check();
    const shown = a.symbols.slice(0, MAX_SYMBOLS_SHOWN).join(', ') + (a.symbols.length > MAX_SYMBOLS_SHOWN ? ', ...' : '');
    return {
      name,
      score: Math.round(weight * a.score * 10) / 10,
      description: `${label} scores ${a.score} (its threshold ${a.required})${shown ? `: ${shown}` : ''}`,
    };
  } catch (err) {
    return { name: `${name}_UNAVAILABLE`, score: 0, description: `${label} could not be asked: ${(err as Error).message}` };
  }
}
