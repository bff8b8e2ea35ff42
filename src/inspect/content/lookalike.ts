// Domains made to be read as a brand's: the same letters after Unicode confusables are folded (pаypal with a
// Cyrillic а, written as punycode xn--...), digits and letter pairs that pass for letters (paypa1, rnicrosoft), one
// letter more, less or swapped (micosoft, paypall), or the brand with words around it (paypal-secure-login.com).
// Skeletons after Unicode TR39 via the `confusables` package; Node's domainToUnicode decodes punycode (UTS #46).
import { remove as foldConfusables } from 'confusables';
import { domainToUnicode } from 'node:url';
import { brandLabels, isBrandDomain, type Brand } from './data/brands.js';
import { boundedMemo } from './memo.js';

export interface Lookalike {
  domain: string;
  brand: Brand;
  how: 'confusable letters' | 'one letter off' | 'brand name inside';
}

const ASCII_LOOKALIKES: Array<[RegExp, string]> = [[/rn/g, 'm'], [/vv/g, 'w'], [/0/g, 'o'], [/1/g, 'l'], [/3/g, 'e'], [/5/g, 's'], [/\$/g, 's']];

/** The label as a reader sees it: punycode decoded, confusable letters folded to Latin, digit tricks undone. */
export function skeleton(label: string): string {
  let s = foldConfusables(domainToUnicode(label) || label).toLowerCase();
  for (const [re, to] of ASCII_LOOKALIKES) s = s.replace(re, to);
  return s;
}

/**
 * Text as a reader sees it in a mail client's sans-serif font, where some letters pass for others: a capital I among
 * small letters is an l ("Iedger", "PaypaI"), so are a 1 inside a word and a 0 between letters an l and an o
 * ("App1e", "Micr0soft"), and "rn" is an m ("Arnazon"). Nobody spells a name that way but to be read as someone else
 * by people and as nobody by filters.
 */
export function sansSerifReading(text: string): string {
  return text.replace(/I(?=\p{Ll})|(?<=\p{Ll})I/gu, 'l').replace(/(?<=\p{L})1|1(?=\p{Ll})/gu, 'l').replace(/(?<=\p{L})0(?=\p{L})/gu, 'o').replace(/rn/g, 'm');
}

/**
 * The brand a registrable domain imitates without being one of the brand's own domains; null when none. A relay sees
 * the same few thousand link domains again and again: kept per domain (boundedMemo).
 */
export const lookalikeOf: (registrable: string) => Lookalike | null = boundedMemo(20_000, imitatedBrand);

function imitatedBrand(registrable: string): Lookalike | null {
  const dot = registrable.indexOf('.');
  if (dot <= 0) return null;
  const label = registrable.slice(0, dot);
  const unicode = domainToUnicode(registrable.slice(0, dot)) || label;
  const sk = skeleton(label);
  const own = brandLabels.get(label);
  if (own && isBrandDomain(own, registrable)) return null;
  // Two letters are too few to imitate anything: "w3" folds to "we" (WeTransfer's we.tl), and the web's own w3.org
  // links were taken for WeTransfer lookalikes. Three-letter brands (dhl, ups, irs) are imitated with digits, so they stay.
  const exact = sk.length >= 3 ? brandLabels.get(sk) : undefined;
  if (exact && !isBrandDomain(exact, registrable) && (sk !== label || unicode !== label)) return { domain: registrable, brand: exact, how: 'confusable letters' };
  for (const [brandLabel, brand] of brandLabels) {
    if (isBrandDomain(brand, registrable)) continue;
    if (brandLabel.length >= 6 && sk !== brandLabel && oneEditApart(sk, brandLabel)) return { domain: registrable, brand, how: 'one letter off' };
    if (brandLabel.length >= 3 && sk !== brandLabel && sk.split('-').includes(brandLabel)) return { domain: registrable, brand, how: 'brand name inside' };
  }
  return null;
}

/** Levenshtein distance of exactly one, or two neighbouring letters swapped. */
export function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // a transposition
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
