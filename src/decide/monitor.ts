// Monitor mode (`content.mode`, per account under `content.accounts`): a first deployment watches what its content
// judgment would do before letting it act. The decision is taken twice, with the content verdict as it is and with
// the verdict capped at a tag; the capped one is what happens, and when the real one would have held or refused the
// message, it goes along as evidence ("would have held") for the timeline, the log and the operator's review. Only
// content is watched: suspensions, limits and behaviour act as always.
import type { Config } from '../config/schema.js';
import { decide, type DecisionInput } from './decide.js';
import { stricterDecision } from './reply.js';
import type { Decision } from './types.js';

export type ContentMode = Config['content']['mode'];

export function contentModeOf(config: Config, account: string): ContentMode {
  return config.content.accounts[account]?.mode ?? config.content.mode;
}

export interface MonitoredDecision {
  decision: Decision;
  /** The decision enforcing content would have taken, when it is stricter than the one taken. */
  wouldHave?: Decision;
}

export function decideIn(mode: ContentMode, input: DecisionInput): MonitoredDecision {
  const enforced = decide(input);
  const content = input.content;
  if (mode === 'enforce' || !content || (content.action !== 'quarantine' && content.action !== 'reject')) return { decision: enforced };
  const taken = decide({ ...input, content: { ...content, action: 'tag' } });
  if (enforced.verdict === taken.verdict || stricterDecision(taken, enforced) !== enforced) return { decision: taken };
  const would = enforced.verdict === 'quarantine' ? 'held' : 'refused';
  const note = {
    kind: 'content' as const,
    name: 'MONITOR_MODE',
    score: 0,
    description: `content monitor mode: accepted; enforcing would have ${would} this message (${enforced.code}: ${enforced.reason})`,
  };
  return { decision: { ...taken, evidence: [note, ...taken.evidence] }, wouldHave: enforced };
}
