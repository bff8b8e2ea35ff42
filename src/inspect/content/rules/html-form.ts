// A form or a password field in the message body itself: a login page inside the mail, posting whatever is typed to
// the sender. Honest mail links to its sign-in page instead (mail clients strip or warn on forms).
import type { ContentRule } from './rule.js';

export const htmlForm: ContentRule = {
  name: 'HTML_FORM',
  score: 4.0,
  strength: 'evidence',
  description: 'the message body holds a form or a password field',
  test(msg) {
    if (!msg.html) return false;
    if (msg.html.hasPasswordInput) return 'password field';
    return msg.html.hasForm && 'form';
  },
};
