// One message's inspection after DATA: the content verdict and the facts the behaviour stage needs (From, subject,
// fingerprint), from a single parse of the message (parseContent keeps it per buffer for the second reader).
import { contentFacts, type ContentFacts } from './facts.js';
import type { ContentScorer } from './content/scorer.js';
import type { ContentVerdict, ScoreContext } from './content/types.js';

export interface Inspection {
  facts: ContentFacts;
  verdict: ContentVerdict;
}

export async function inspectMessage(scorer: ContentScorer, raw: Buffer, ctx: ScoreContext): Promise<Inspection> {
  const facts = contentFacts(raw);
  return { facts, verdict: await scorer.check(raw, ctx) };
}
