// An HTML attachment with a form or a password field: a local phishing page that posts credentials away and that
// no URL filter sees, because it is opened from disk.
import { extensionOf } from '../data/attachments.js';
import type { ContentRule } from './rule.js';

const FORM = /<form\b|<input\b[^>]*type\s*=\s*["']?password/i;

export const attachHtmlForm: ContentRule = {
  name: 'ATTACH_HTML_FORM',
  score: 6.0,
  strength: 'evidence',
  description: 'carries an HTML file with a form',
  test(msg) {
    const page = msg.attachments.find(
      (a) => (a.contentType === 'text/html' || ['htm', 'html', 'shtml', 'xhtml'].includes(extensionOf(a.filename))) &&
        FORM.test(a.content.toString('latin1')),
    );
    return page ? page.filename || '(unnamed)' : false;
  },
};
