// The shape of a content rule: plain data plus one pure test. A test returns false when the rule does not apply,
// true when it does, or a short detail (the brand, the domain, the file name) that is added to the description.
import type { ContentMessage } from '../message.js';
import type { ScoreContext } from '../types.js';

export interface ContentRule {
  /** Upper-case name, stable: operators and the decide stage refer to it. */
  name: string;
  score: number;
  description: string;
  test(msg: ContentMessage, ctx: ScoreContext): boolean | string;
}
