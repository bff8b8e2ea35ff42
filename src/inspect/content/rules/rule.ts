// The shape of a content rule: plain data plus one pure test. A test returns false when the rule does not apply,
// true when it does, or a short detail (the brand, the domain, the file name) that is added to the description, or
// a detail with its own score.
import type { ContentMessage } from '../message.js';
import type { ScoreContext } from '../types.js';

/**
 * What a rule's hit may decide. `evidence`: a sign that means the same in every deployment (a link that lies about
 * where it goes, a lure with a link elsewhere, a lookalike domain, a hidden program or login form): these may hold
 * or refuse a message. `hint`: style and hygiene that honest senders also show now and then: hints and the
 * statistical model together may tag a message, never hold it. `corroboration`: counts only when evidence fired
 * too (a link domain new to this relay says nothing about honest mail, a lot about a lure's link).
 */
export type RuleStrength = 'evidence' | 'hint' | 'corroboration';

/** A hit whose weight depends on what was found (a kind of lure that weighs more than the others). */
export interface RuleMatch {
  detail: string;
  score: number;
}

export interface ContentRule {
  /** Upper-case name, stable: operators and the decide stage refer to it. */
  name: string;
  score: number;
  strength: RuleStrength;
  description: string;
  /** `score` is the rule's usual weight; a test may return a `RuleMatch` to weigh one hit otherwise. */
  test(msg: ContentMessage, ctx: ScoreContext): boolean | string | RuleMatch;
}
