// One content verdict per message: every rule that fires plus the statistical model's contribution, summed into one
// score and compared with the configured thresholds.
import { spamProbability, type BayesModel } from './bayes.js';
import { defaultParseLimits, parseContent, type ContentMessage } from './message.js';
import { contentRules, type ContentRule } from './rules/index.js';
import { messageTokens } from './tokens.js';
import type { ContentAction, ContentThresholds, ContentVerdict, RuleHit, ScoreContext } from './types.js';

export interface ScorerOptions {
  model: BayesModel;
  thresholds: ContentThresholds;
  /** Score the model adds at spam probability 1 (and subtracts at 0); linear in between. */
  modelWeight: number;
  maxScanBytes: number;
  /** Rules that need the relay's state (new link domains), run after the built-in ones. */
  extraRules?: readonly ContentRule[];
}

export type ScoreResult = { kind: 'not-message'; reason: string } | { kind: 'verdict'; verdict: ContentVerdict };

/** Scores raw bytes; "not a message" is a distinct answer (the CLI reports it, the relay turns it into a rule). */
export function scoreRaw(raw: Buffer, ctx: ScoreContext, o: ScorerOptions): ScoreResult {
  const parsed = parseContent(raw, { ...defaultParseLimits, maxBytes: o.maxScanBytes });
  if (parsed.kind === 'not-message') return parsed;
  return { kind: 'verdict', verdict: scoreMessage(parsed.message, ctx, o) };
}

export function scoreMessage(msg: ContentMessage, ctx: ScoreContext, o: ScorerOptions): ContentVerdict {
  const evidence: RuleHit[] = [];
  const hints: RuleHit[] = [];
  for (const rule of o.extraRules ? [...contentRules, ...o.extraRules] : contentRules) {
    const hit = rule.test(msg, ctx);
    if (hit === false) continue;
    const description = typeof hit === 'string' && hit ? `${rule.description} (${hit})` : rule.description;
    (rule.strength === 'evidence' ? evidence : hints).push({ name: rule.name, score: rule.score, description });
  }
  const p = spamProbability(o.model, messageTokens(msg));
  const model = modelHit(p, sum(hints), evidence.length > 0, o);
  return verdictOf([...evidence, ...hints, ...(model ? [model] : [])], o.thresholds);
}

/**
 * The statistical model's line: `modelWeight × (2p − 1)`, counted only when positive. The shipped model learnt its
 * spam words from somebody else's mail (a public corpus) and has never seen this deployment's phishing, so its ham
 * evidence must not talk down the hints or the evidence (an attacker's phishing inside an honest template reads as
 * ham to it); and without evidence, the model and the hints together stay below the quarantine threshold: a token
 * model may tag, never hold.
 */
function modelHit(p: number, hintScore: number, corroborated: boolean, o: ScorerOptions): RuleHit | null {
  const raw = round(o.modelWeight * (2 * p - 1));
  if (raw <= 0) return null;
  const cap = corroborated ? Infinity : round(o.thresholds.quarantine - 0.1);
  const score = round(Math.max(0, Math.min(hintScore + raw, cap) - hintScore));
  const description = `token statistics give spam probability ${p.toFixed(3)}`;
  if (score === raw) return { name: 'STATISTICAL_MODEL', score, description };
  return { name: 'STATISTICAL_MODEL', score, description: `${description}, ${raw} capped to ${score}: the model and style hints alone only tag, nothing else corroborates them` };
}

const sum = (hits: RuleHit[]) => hits.reduce((s, h) => s + h.score, 0);

/** The verdict for a set of rule hits (also used when peer results are merged in). */
export function verdictOf(rules: RuleHit[], t: ContentThresholds): ContentVerdict {
  const score = round(sum(rules));
  return { spam: score >= t.tag, score, threshold: t.tag, action: actionFor(score, t), rules };
}

function actionFor(score: number, t: ContentThresholds): ContentAction {
  if (score >= t.reject) return 'reject';
  if (score >= t.quarantine) return 'quarantine';
  if (score >= t.tag) return 'tag';
  return 'accept';
}

const round = (x: number) => Math.round(x * 10) / 10;
