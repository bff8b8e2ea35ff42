// English words spelt with accents no English word carries ("ḟor", "ƒor", "ẵn", "ånd", "yoụr"): a reader's eye slides
// over them, a word filter sees words it has never learnt. Extortion and phishing kits rewrite their text this way,
// letter by letter at random, to get past filters; no language writes these particular words with accents (a
// Portuguese "à", a French "où" or a Vietnamese "và" is another word, not an English one in disguise). Counted on
// the commonest English words only, so a name or a loanword with an accent never adds up.
import type { ContentRule } from './rule.js';

const COMMON = new Set(
  ('the you your and for from about with that this have has had was were are not but all can will just been they them ' +
    'their what when which into out our some more only also very each because within here there would could should ' +
    'after before account access devices every these those other time')
    .split(' '),
);
/** Letters that look like Latin ones without decomposing to them (U+0192 ƒ, U+0185 ƅ, U+0142 ł, U+00F8 ø, …). */
const LOOKALIKE: Record<string, string> = { 'ƒ': 'f', 'ƅ': 'b', 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ħ': 'h', 'ı': 'i', 'ŀ': 'l' };
const ACCENTED = /[\u00C0-\u024F\u1E00-\u1EFF]/;
const WORD = /[\p{L}\p{M}]+/gu;
const MIN_WORDS = 5;
const MIN_DISTINCT = 3;

function plain(word: string): string {
  return [...word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')].map((c) => LOOKALIKE[c] ?? c).join('');
}

export const disguisedWords: ContentRule = {
  name: 'DISGUISED_WORDS',
  score: 3.0,
  strength: 'evidence',
  description: 'common English words spelt with accents no English word carries, to slip past word filters',
  test(msg) {
    const text = `${msg.subject}\n${msg.text}`;
    if (!ACCENTED.test(text)) return false; // most mail has no such letter: one scan and out
    const found: string[] = [];
    for (const [word] of text.matchAll(WORD)) {
      if (!ACCENTED.test(word)) continue;
      const base = plain(word);
      if (COMMON.has(base) && base !== word.toLowerCase()) found.push(word);
    }
    const distinct = new Set(found.map(plain));
    return found.length >= MIN_WORDS && distinct.size >= MIN_DISTINCT && `${found.length} words: ${found.slice(0, 4).join(', ')}`;
  },
};
