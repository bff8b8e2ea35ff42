// Words written in Unicode's "mathematical" letters (𝐁𝐎𝐋𝐃, 𝘪𝘵𝘢𝘭𝘪𝘤, 𝕕𝕠𝕦𝕓𝕝𝕖-𝕤𝕥𝕣𝕦𝕔𝕜) or its enclosed forms (🅵🆁🅴🅴): a
// reader sees ordinary words, a word filter sees symbols it knows nothing of. These blocks exist for mathematics and
// symbols; mail uses them to get bold text into a subject line where no markup goes, and to slip past filters.
// Full-width Latin letters (ＩＤ, ＴＥＬ) are left out: Japanese mail writes them every day.
import type { ContentRule } from './rule.js';

// Mathematical Alphanumeric Symbols (U+1D400-1D7FF) and Enclosed Alphanumeric Supplement letters (U+1F130-1F189).
const STYLED = /[\u{1D400}-\u{1D7FF}\u{1F130}-\u{1F189}]/gu;
const MIN_LETTERS = 6;
const HIGH_SURROGATES = ['\uD835', '\uD83C'];

export const styledLetters: ContentRule = {
  name: 'STYLED_LETTERS',
  score: 1.5,
  strength: 'hint',
  description: 'words written in mathematical or enclosed Unicode letters, which read as words and filter as symbols',
  test(msg) {
    // Both blocks lie beyond U+FFFF: their letters start with the high surrogate D835 or D83C, which a plain indexOf
    // finds at memory speed; the Unicode expression runs only on text that has one.
    if (!HIGH_SURROGATES.some((h) => msg.subject.includes(h) || msg.text.includes(h))) return false;
    const n = (msg.subject.match(STYLED)?.length ?? 0) + (msg.text.match(STYLED)?.length ?? 0);
    return n >= MIN_LETTERS && `${n} letters`;
  },
};
