// English words spelt with accents no English word carries ("ḟor", "ƒor", "ẵn", "ånd", "yoụr"): a reader's eye slides
// over them, a word filter sees words it has never learnt. Extortion and phishing kits rewrite their text this way,
// letter by letter at random, to get past filters; no language writes these particular words with accents (a
// Portuguese "à", a French "où" or a Vietnamese "và" is another word, not an English one in disguise). Counted on
// the commonest English words only, so a name or a loanword with an accent never adds up.
import { boundedMemo } from '../memo.js';
import type { ContentRule } from './rule.js';

const COMMON = new Set(
  ('the you your and for from about with that this have has had was were are not but all can will just been they them ' +
    'their what when which into out our some more only also very each because within here there would could should ' +
    'after before account access devices every these those other time')
    .split(' '),
);
/** Letters that look like Latin ones without decomposing to them (U+0192 ƒ, U+0185 ƅ, U+0142 ł, U+00F8 ø, …). */
const LOOKALIKE: Record<string, string> = { 'ƒ': 'f', 'ƅ': 'b', 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ħ': 'h', 'ı': 'i', 'ŀ': 'l' };
/**
 * The letters a disguise is found from: Latin Extended-A and -B and Latin Extended Additional ("ą", "ƒ", "ǎ", "ḟ"),
 * which the kits' random accents mostly fall in. Latin-1's accents (French, German, Spanish, Portuguese, Italian,
 * Nordic) and "œ" are left out of the search, so mail in those languages costs one scan and nothing more.
 */
const ACCENTED = /[\u0100-\u0151\u0154-\u024F\u1E00-\u1EFF]/g;
/** Letters of the scripts the disguise uses (ASCII, Latin-1 to Latin Extended-B, Latin Extended Additional) and marks. */
function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x1e00 && code <= 0x1eff) || (code >= 0x300 && code <= 0x36f);
}
const MAX_WORD = 7; // the longest of the common words
const MIN_WORDS = 5;
const MIN_DISTINCT = 3;

function plain(word: string): string {
  return [...word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')].map((c) => LOOKALIKE[c] ?? c).join('');
}

/** The common English word an accented short word disguises, or null (memoised: a text repeats its words). */
const disguisedAs = boundedMemo(10_000, (word): string | null => {
  const p = plain(word);
  return COMMON.has(p) && p !== word.toLowerCase() ? p : null;
});

export const disguisedWords: ContentRule = {
  name: 'DISGUISED_WORDS',
  score: 3.0,
  strength: 'evidence',
  description: 'common English words spelt with accents no English word carries, to slip past word filters',
  test(msg) {
    const text = `${msg.subject}\n${msg.text}`;
    const found: string[] = [];
    const distinct = new Set<string>();
    // From each such letter out to the ends of its word; only words of 2 to 7 letters can be a common one. Most mail
    // has none of these letters (one scan, no hit); Polish or Vietnamese mail has one in every line, hence a plain
    // scan rather than a Unicode word expression.
    let done = 0;
    ACCENTED.lastIndex = 0;
    for (let m = ACCENTED.exec(text); m; m = ACCENTED.exec(text)) {
      if (m.index < done) continue;
      let start = m.index;
      let end = m.index + 1;
      while (start > 0 && m.index - start <= MAX_WORD && isLetter(text.charCodeAt(start - 1))) start--;
      while (end < text.length && end - start <= MAX_WORD && isLetter(text.charCodeAt(end))) end++;
      while (end < text.length && isLetter(text.charCodeAt(end))) end++; // a long word: skip it whole
      done = end;
      if (end - start < 2 || end - start > MAX_WORD || (start > 0 && isLetter(text.charCodeAt(start - 1)))) continue;
      const word = text.slice(start, end);
      const base = disguisedAs(word);
      if (base) {
        found.push(word);
        distinct.add(base);
      }
    }
    return found.length >= MIN_WORDS && distinct.size >= MIN_DISTINCT && `${found.length} words: ${found.slice(0, 4).join(', ')}`;
  },
};
