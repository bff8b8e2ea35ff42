// Matching a list of phrases against a message's subject and readable text: the shared part of the phishing
// language rules, each of which is one list. Patterns are plain regular expressions so a list reads like prose; they
// are written in lower case and run on the lower-cased text without the i flag, which V8 matches several times faster.
import type { ContentMessage } from '../message.js';

/** The first phrase found, as written in the message, or false. */
export function findPhrase(msg: ContentMessage, phrases: RegExp): string | false {
  const m = phrases.exec(msg.lower.subject) ?? phrases.exec(msg.lower.own);
  return m ? m[0].replace(/\s+/g, ' ') : false;
}
