// Matching a list of phrases against a message's subject and readable text: the shared part of the phishing
// language rules, each of which is one list. Patterns are plain regular expressions so a list reads like prose; they
// are written in lower case and run on the lower-cased text without the i flag, which V8 matches several times faster.
import { deniedBefore } from '../data/lures.js';
import type { ContentMessage } from '../message.js';

/** The first phrase found and not denied, as written in the message, or false. */
export function findPhrase(msg: ContentMessage, phrases: RegExp): string | false {
  for (const text of [msg.lower.subject, msg.lower.own]) {
    const m = firstStated(text, phrases);
    if (!m) continue;
    // A phrase matched from a word's second letter (a pattern cannot put \b before "ä") is shown from its first.
    let start = m.index;
    while (start > 0 && start > m.index - 3 && WORD_LETTER.test(text[start - 1]!)) start--;
    return (text.slice(start, m.index) + m[0]).replace(/\s+/g, ' ');
  }
  return false;
}

const WORD_LETTER = /\p{L}/u;

/**
 * The first match that is not denied by the words just before it. Honest mail warns in the fraud's own words ("we
 * will never change our bank details by email", "we would never ask you to buy gift cards"): the phrase there is
 * what the sender promises not to do (data/lures.ts: deniedBefore).
 */
function firstStated(text: string, phrases: RegExp): RegExpExecArray | null {
  const m = phrases.exec(text);
  if (!m || !deniedBefore(text, m.index)) return m;
  const all = everyMatch(phrases);
  all.lastIndex = m.index + 1;
  for (let next = all.exec(text); next; next = all.exec(text)) {
    if (!deniedBefore(text, next.index)) return next;
    all.lastIndex = next.index + 1;
  }
  return null;
}

/** A global copy of a phrase list, made once per list, to search past a denied match. */
const globalCopies = new WeakMap<RegExp, RegExp>();
function everyMatch(phrases: RegExp): RegExp {
  let copy = globalCopies.get(phrases);
  if (!copy) globalCopies.set(phrases, (copy = new RegExp(phrases.source, phrases.flags.includes('g') ? phrases.flags : phrases.flags + 'g')));
  return copy;
}
