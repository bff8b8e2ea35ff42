// An HTML attachment with a form or a password field: a local phishing page that posts credentials away and that
// no URL filter sees, because it is opened from disk. Or one that sends the browser on to another page as soon as it
// is opened (a meta refresh, a script setting the location, often written out of base64 by atob): the attachment
// is only a door to the attacker's page, and the link behind it is hidden from every filter that reads the message.
import { isHtmlPage } from '../data/attachments.js';
import type { ContentRule } from './rule.js';

const FORM = /<form\b|<input\b[^>]*type\s*=\s*["']?password/i;
const SENDS_ELSEWHERE = /<meta\b[^>]*http-equiv\s*=\s*\\?["']?refresh|\blocation(?:\.href)?\s*=(?!=)|\blocation\.(?:replace|assign)\s*\(|\bwindow\.open\s*\(|\batob\s*\(/i;

/** A page that redirects weighs a little less than one that asks for a password: it tags, evidence must join to hold. */
const REDIRECT_SCORE = 5.0;

export const attachHtmlForm: ContentRule = {
  name: 'ATTACH_HTML_FORM',
  score: 6.0,
  strength: 'evidence',
  description: 'carries an HTML page with a form, or one that sends the browser on to another page when opened',
  test(msg) {
    for (const a of msg.attachments) {
      if (!isHtmlPage(a)) continue;
      const page = a.content.toString('latin1');
      const name = a.filename || '(unnamed)';
      if (FORM.test(page)) return name;
      if (SENDS_ELSEWHERE.test(page)) return { score: REDIRECT_SCORE, detail: `${name}: opens another page` };
    }
    return false;
  },
};
