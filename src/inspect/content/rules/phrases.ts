// Matching a list of phrases against a message's subject and readable text: the shared part of the phishing
// language rules, each of which is one list. Patterns are plain regular expressions so a list reads like prose; they
// are written in lower case and run on the lower-cased text without the i flag, which V8 matches several times faster.
import type { ContentMessage } from '../message.js';

/** The first phrase found, as written in the message, or false. */
export function findPhrase(msg: ContentMessage, phrases: RegExp): string | false {
  const inSubject = phrases.exec(msg.lower.subject);
  const m = inSubject ?? phrases.exec(msg.lower.own);
  if (!m) return false;
  // A phrase matched from a word's second letter (a pattern cannot put \b before "ä") is shown from its first.
  const text = inSubject ? msg.lower.subject : msg.lower.own;
  let start = m.index;
  while (start > 0 && start > m.index - 3 && WORD_LETTER.test(text[start - 1]!)) start--;
  return (text.slice(start, m.index) + m[0]).replace(/\s+/g, ' ');
}

const WORD_LETTER = /\p{L}/u;
