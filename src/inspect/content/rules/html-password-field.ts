// A password field in the message body itself: a login page inside the mail, posting whatever is typed to the
// sender. Honest mail links to its sign-in page instead. (Plain forms are no sign: old newsletters carry search and
// subscribe boxes.)
import type { ContentRule } from './rule.js';

export const htmlPasswordField: ContentRule = {
  name: 'HTML_PASSWORD_FIELD',
  score: 4.0,
  strength: 'evidence',
  description: 'the message body holds a password field',
  test: (msg) => msg.html?.hasPasswordInput ?? false,
};
