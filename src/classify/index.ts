// Public face of reply classification: other stages (deliver, bounce, react) call classifyReply and nothing else.
import { classifyWith } from './engine.js';
import { loadRuleSet, type RuleSet } from './ruleset.js';
import type { Classification, ReplyInput } from './types.js';

export type { Classification, ReplyInput, Reason, Blame, Scope, Action, Phase } from './types.js';
export { REASONS, BLAMES, SCOPES, ACTIONS, PHASES } from './types.js';
export { loadRuleSet, RuleFileError, type RuleSet } from './ruleset.js';
export { classifyWith } from './engine.js';

let defaultRules: RuleSet | undefined;

/** The built-in rules, loaded and compiled on first use (a bad rule file throws RuleFileError here). */
export function builtinRules(): RuleSet {
  defaultRules ??= loadRuleSet();
  return defaultRules;
}

/** Classifies one remote reply with the built-in rules. Never throws on any reply text. */
export function classifyReply(input: ReplyInput): Classification {
  return classifyWith(builtinRules(), input);
}
