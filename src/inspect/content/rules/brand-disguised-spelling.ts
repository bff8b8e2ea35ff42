// A brand's name spelt in letters that only look like its own ("Scan your Iedger now", "Your PayPaI account",
// "App1e ID"): read as the brand by people, as an unknown word by filters and brand checks. The display name has its
// own rule (BRAND_IMPERSONATION reads it the same way); this one reads the subject and the text.
import { brands, isBrandDomain, type Brand } from '../data/brands.js';
import { senderDomain } from '../links.js';
import { sansSerifReading } from '../lookalike.js';
import { boundedMemo } from '../memo.js';
import type { ContentRule } from './rule.js';

/**
 * One-word brand names of four letters or more: a three-letter name ("DHL", "UPS") read into a short word is too
 * easily an accident of an abbreviation.
 */
const brandWords: ReadonlyMap<string, Brand> = new Map(brands.filter((b) => !b.name.includes(' ') && b.name.length >= 4).map((b) => [b.name, b]));
const MIN_LENGTH = Math.min(...[...brandWords.keys()].map((w) => w.length));
const MAX_LENGTH = Math.max(...[...brandWords.keys()].map((w) => w.length));

/**
 * Where a letter may pass for another: a capital I beside a small letter, a 1 or 0 beside a letter, "rn". Brand names
 * are ASCII (other scripts' look-alikes are MIXED_SCRIPTS'), so a plain ASCII search finds the places, and only the
 * word around each place is read: most mail has a few such places and no word worth reading twice.
 */
const PLACE = /[a-z]I|I[a-z]|[A-Za-z][01]|[01][a-z]|rn/g;
const isWordChar = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** The brand a word passes for while not being spelt as it, or null (memoised: "return", "Internet" come back in every mail). */
const disguisedBrand = boundedMemo(10_000, (word): Brand | null => {
  const read = sansSerifReading(word).toLowerCase();
  return read === word.toLowerCase() ? null : brandWords.get(read) ?? null;
});

/** The first word of the text that passes for a brand it is not spelt as. */
function firstDisguise(text: string): [string, Brand] | undefined {
  let searchedTo = 0;
  for (const m of text.matchAll(PLACE)) {
    if (m.index < searchedTo) continue; // a second place in a word already read
    let start = m.index, end = m.index + 2;
    while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
    while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
    searchedTo = end;
    if (end - start < MIN_LENGTH || end - start > MAX_LENGTH + 1) continue;
    const word = text.slice(start, end);
    const brand = disguisedBrand(word);
    if (brand) return [word, brand];
  }
  return undefined;
}

export const brandDisguisedSpelling: ContentRule = {
  name: 'BRAND_DISGUISED_SPELLING',
  score: 3.0,
  strength: 'evidence',
  description: 'names a well-known brand spelt with look-alike letters (capital I for l, digits for letters)',
  test(msg) {
    for (const text of [msg.subject, msg.text]) {
      const found = firstDisguise(text);
      if (found && !isBrandDomain(found[1], senderDomain(msg))) return `${found[1].name}, spelt "${found[0]}"`;
    }
    return false;
  },
};
