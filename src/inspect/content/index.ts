// The content side of inspection, as the rest of mailwarden uses it.
//   scoreContent(raw, ctx)   synchronous verdict with the default settings and the shipped model
//   createContentScorer(s)   the same from the `content` configuration section (custom model, thresholds)
import { contentSchema } from '../../config/schema.js';
import { createContentScorer, type ContentScorer } from './scorer.js';
import type { ContentVerdict, ScoreContext } from './types.js';

export { createContentScorer, defaultModelPath, type ContentScorer } from './scorer.js';
export type { ContentAction, ContentThresholds, ContentVerdict, RuleHit, ScoreContext } from './types.js';

let defaultScorer: ContentScorer | undefined;

/** Synchronous; well under a millisecond for a 10 KB message (bench:score), once the model is loaded (first call). */
export function scoreContent(raw: Buffer, ctx: ScoreContext = {}): ContentVerdict {
  defaultScorer ??= createContentScorer(contentSchema.parse({}));
  return defaultScorer.score(raw, ctx);
}
