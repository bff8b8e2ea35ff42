// Leave-one-family-out: the development corpora are grouped by the MTA family (bounces: the Sisimai decoder that
// reads the file) or the provider (replies) they come from. Rules carry `from: [corpus:<family>]` when they were
// shaped on a family's rows (src/classify/README.md); judging family F, the rules shaped only on F are left out, so
// each family is measured with rules that never saw it. The headline is the mean over families.
import { loadRuleSet, type RuleSet } from '../src/classify/index.js';

export function bounceFamily(decoderModule: string): string {
  return `bounces/${decoderModule}`;
}

/** Providers named several ways in the corpus ("Microsoft (Outlook.com consumer)", "Microsoft (Exchange Online)")
 * are one family: the same people wrote the same servers' wording. Yahoo and AOL share one platform. */
export function replyFamily(provider: string): string {
  const first = (provider.toLowerCase().replace(/\([^)]*\)/g, ' ').trim().split(/\s+/)[0] ?? '').replace(/[^a-z0-9.]/g, '');
  const merged: Record<string, string> = { aol: 'yahoo', la: 'laposte' };
  return `replies/${merged[first] ?? (first || 'unknown')}`;
}

/** The built-in rules without those whose provenance is `family` alone. */
export function rulesWithout(family: string): RuleSet {
  const marker = `corpus:${family}`;
  return loadRuleSet(undefined, (rule) => !(rule.from.length > 0 && rule.from.every((f) => f === marker)));
}

export interface FamilyScore {
  family: string;
  n: number;
  ok: number;
}

/** Mean of per-family agreement (each family weighs the same, as an unseen MTA would) and the pooled figure. */
export function summarise(scores: FamilyScore[]): { mean: number; pooled: number; n: number; ok: number } {
  const n = scores.reduce((s, f) => s + f.n, 0);
  const ok = scores.reduce((s, f) => s + f.ok, 0);
  const mean = scores.reduce((s, f) => s + f.ok / f.n, 0) / scores.length;
  return { mean: 100 * mean, pooled: (100 * ok) / n, n, ok };
}
