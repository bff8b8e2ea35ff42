// Monitor modes for a first deployment: watch what the judgment would do before letting it act.
// - `content.mode` (per account under `content.accounts`): only the content verdict is watched. The decision is taken
//   twice, with the content verdict as it is and capped at a tag; the capped one is what happens.
// - `policy.mode` (per account under `policy.accountModes`): the whole judgment is watched, content and behaviour.
//   A message that would have been held, refused or its sender suspended is accepted and tagged instead, no
//   suspension is made, and baselines learn from what the deployment really sends. Configured rate ceilings still
//   defer (they are limits the operator set, not judgment), and an operator's suspension still refuses.
// Either way the decision enforcing would have taken goes along as evidence ("would have held") for the timeline, the
// log and the operator's review.
import type { Config } from '../config/schema.js';
import { decide, doubtHeaders, type DecisionInput } from './decide.js';
import { stricterDecision } from './reply.js';
import type { Decision } from './types.js';

export type ContentMode = Config['content']['mode'];
export type PolicyMode = Config['policy']['mode'];

export function contentModeOf(config: Config, account: string): ContentMode {
  return config.content.accounts[account]?.mode ?? config.content.mode;
}

export function policyModeOf(config: Config, account: string): PolicyMode {
  return config.policy.accountModes[account] ?? config.policy.mode;
}

export interface MonitoredDecision {
  decision: Decision;
  /** The decision enforcing would have taken, when it is stricter than the one taken. */
  wouldHave?: Decision;
  /** Which mode let the message through: only content was watched, or the whole policy. */
  watchedBy?: 'content' | 'policy';
}

const WOULD: Partial<Record<Decision['verdict'], string>> = { quarantine: 'held this message', reject: 'refused this message', suspend: 'suspended the sender' };

function monitorNote(mode: 'content' | 'policy', enforced: Decision): Decision['evidence'][number] {
  return {
    kind: mode === 'content' ? 'content' : 'behaviour',
    name: 'MONITOR_MODE',
    score: 0,
    description: `${mode} monitor mode: accepted; enforcing would have ${WOULD[enforced.verdict]} (${enforced.code}: ${enforced.reason})`,
  };
}

function watchContent(mode: ContentMode, input: DecisionInput): MonitoredDecision {
  const enforced = decide(input);
  const content = input.content;
  if (mode === 'enforce' || !content || (content.action !== 'quarantine' && content.action !== 'reject')) return { decision: enforced };
  const taken = decide({ ...input, content: { ...content, action: 'tag' } });
  if (enforced.verdict === taken.verdict || stricterDecision(taken, enforced) !== enforced) return { decision: taken };
  return { decision: { ...taken, evidence: [monitorNote('content', enforced), ...taken.evidence] }, wouldHave: enforced, watchedBy: 'content' };
}

export function decideIn(modes: { content: ContentMode; policy: PolicyMode }, input: DecisionInput): MonitoredDecision {
  const watched = watchContent(modes.content, input);
  if (modes.policy === 'enforce' || !WOULD[watched.decision.verdict]) return watched;
  const enforced = watched.wouldHave ?? watched.decision;
  const taken: Decision = {
    verdict: 'tag', code: 'MW-TAGGED', reason: 'accepted',
    evidence: [monitorNote('policy', enforced), ...enforced.evidence.filter((e) => e.name !== 'MONITOR_MODE')],
    addHeaders: doubtHeaders(input),
  };
  return { decision: taken, wouldHave: enforced, watchedBy: 'policy' };
}
