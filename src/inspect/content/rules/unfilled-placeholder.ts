// A subject that still holds a mass-mailing tool's variable ("#CRYPTO#", "%FIRSTNAME%", "{{first_name}}",
// "[[email]]"): the tool was meant to fill it in per recipient and did not. The spam kits that hijacked accounts run
// are fed lists of such templates; an honest mailer that leaks one is rare, and its sender sees it at once. A hint:
// style, not proof, so it can only help the model tag, never hold.
import type { ContentRule } from './rule.js';

/** Upper-case names between # or % (the kits' convention), or a lower/mixed-case name in double braces or brackets. */
const PLACEHOLDER = /#[A-Z][A-Z0-9_]{2,30}#|%[A-Z][A-Z0-9_]{2,30}%|\{\{\s*[A-Za-z_][\w.]{0,30}\s*\}\}|\[\[\s*[A-Za-z_]\w{0,30}\s*\]\]/;

export const unfilledPlaceholder: ContentRule = {
  name: 'UNFILLED_PLACEHOLDER',
  score: 1.0,
  strength: 'hint',
  description: 'subject holds a mailing tool\'s variable that was never filled in',
  test(msg) {
    const m = PLACEHOLDER.exec(msg.subject);
    return m ? m[0] : false;
  },
};
