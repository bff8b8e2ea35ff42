// One content verdict per message: every rule that fires plus the statistical model's contribution, summed into one
// score and compared with the configured thresholds.
import { spamProbability, type BayesModel } from './bayes.js';
import { defaultParseLimits, parseContent, type ContentMessage } from './message.js';
import { contentRules } from './rules/index.js';
import { messageTokens } from './tokens.js';
import type { ContentAction, ContentThresholds, ContentVerdict, RuleHit, ScoreContext } from './types.js';

export interface ScorerOptions {
  model: BayesModel;
  thresholds: ContentThresholds;
  /** Score the model adds at spam probability 1 (and subtracts at 0); linear in between. */
  modelWeight: number;
  maxScanBytes: number;
}

export type ScoreResult = { kind: 'not-message'; reason: string } | { kind: 'verdict'; verdict: ContentVerdict };

/** Scores raw bytes; "not a message" is a distinct answer (the CLI reports it, the relay turns it into a rule). */
export function scoreRaw(raw: Buffer, ctx: ScoreContext, o: ScorerOptions): ScoreResult {
  const parsed = parseContent(raw, { ...defaultParseLimits, maxBytes: o.maxScanBytes });
  if (parsed.kind === 'not-message') return parsed;
  return { kind: 'verdict', verdict: scoreMessage(parsed.message, ctx, o) };
}

export function scoreMessage(msg: ContentMessage, ctx: ScoreContext, o: ScorerOptions): ContentVerdict {
  const rules: RuleHit[] = [];
  for (const rule of contentRules) {
    const hit = rule.test(msg, ctx);
    if (hit === false) continue;
    const description = typeof hit === 'string' && hit ? `${rule.description} (${hit})` : rule.description;
    rules.push({ name: rule.name, score: rule.score, description });
  }
  const p = spamProbability(o.model, messageTokens(msg));
  const modelScore = round(o.modelWeight * (2 * p - 1));
  if (modelScore !== 0) {
    rules.push({ name: 'STATISTICAL_MODEL', score: modelScore, description: `token statistics give spam probability ${p.toFixed(3)}` });
  }
  return verdictOf(rules, o.thresholds);
}

/** The verdict for a set of rule hits (also used when peer results are merged in). */
export function verdictOf(rules: RuleHit[], t: ContentThresholds): ContentVerdict {
  const score = round(rules.reduce((sum, r) => sum + r.score, 0));
  return { spam: score >= t.tag, score, threshold: t.tag, action: actionFor(score, t), rules };
}

function actionFor(score: number, t: ContentThresholds): ContentAction {
  if (score >= t.reject) return 'reject';
  if (score >= t.quarantine) return 'quarantine';
  if (score >= t.tag) return 'tag';
  return 'accept';
}

const round = (x: number) => Math.round(x * 10) / 10;
