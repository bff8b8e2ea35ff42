// A punycode (xn--) host whose Unicode form mixes scripts or uses letters that pass for Latin ones: written to be
// read as a familiar name. Honest internationalised names (münchen.de, 日本.jp) stay in one script and do not fire.
import { remove as foldConfusables } from 'confusables';
import { domainToUnicode } from 'node:url';
import { clickLinks } from '../links.js';
import type { ContentRule } from './rule.js';

const LATIN = /\p{Script=Latin}/u;
const OTHER_LOOKALIKE_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}]/u;

/** The Unicode form of a deceptive punycode host, or null. */
export function deceptivePunycode(host: string): string | null {
  if (!host.includes('xn--')) return null;
  const unicode = domainToUnicode(host);
  if (!unicode) return null;
  for (const label of unicode.split('.')) {
    const mixed = LATIN.test(label) && OTHER_LOOKALIKE_SCRIPT.test(label);
    const passesForAscii = /[^\x00-\x7f]/.test(label) && /^[\x00-\x7f]+$/.test(foldConfusables(label)) && !/[\u00c0-\u024f]/.test(label);
    if (mixed || passesForAscii) return unicode;
  }
  return null;
}

export const punycodeDomain: ContentRule = {
  name: 'PUNYCODE_LOOKALIKE',
  score: 3.0,
  strength: 'evidence',
  description: 'a link goes to a punycode domain whose letters pass for Latin ones',
  test(msg) {
    for (const l of clickLinks(msg)) {
      const shown = deceptivePunycode(l.host);
      if (shown) return `${l.host} reads as ${shown}`;
    }
    return false;
  },
};
