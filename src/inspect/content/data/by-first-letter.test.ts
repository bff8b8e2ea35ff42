import { describe, expect, it } from 'vitest';
import { generateHam, hamKinds } from '../../../../eval/generate/ham.js';
import { generatePhish, phishFamilies } from '../../../../eval/generate/phish.js';
import { parseContent, defaultParseLimits } from '../message.js';
import { byFirstLetter } from './by-first-letter.js';
import { lurePatterns } from './lures.js';

const firstMatch = (source: string, text: string) => {
  const m = new RegExp(String.raw`\b(?:${source})`).exec(text);
  return m ? m.index : -1;
};

describe('phrase patterns grouped by first letter', () => {
  it('groups alternatives, spreads a leading group, and leaves optional or escaped starts as they are', () => {
    expect(byFirstLetter(['(?:verify|validate)\\s+your|confirm'])).toBe('v(?:erify\\s+your|alidate\\s+your)|c(?:onfirm)');
    expect(byFirstLetter(['(?:new\\s+)?fax|\\d+\\s+points|s?ms'])).toBe('(?:new\\s+)?fax|\\d+\\s+points|s?ms');
    // A bar inside a class or escaped is no alternative.
    expect(byFirstLetter(['a[|)]b|c\\|d'])).toBe('a(?:[|)]b)|c(?:\\|d)');
  });

  it('finds the same first lure position as the plain alternation on generated phishing and honest mail', async () => {
    const sources = Object.values(lurePatterns).map((list) => [list.join('|'), byFirstLetter(list)] as const);
    const texts: string[] = [];
    for (let seed = 1; seed <= 3 * Math.max(phishFamilies.length, hamKinds.length); seed++) {
      for (const g of [await generatePhish(seed), await generateHam(seed)]) {
        const parsed = parseContent(g.raw, defaultParseLimits);
        if (parsed.kind === 'message') texts.push(parsed.message.lower.subject, parsed.message.lower.own);
      }
    }
    let found = 0;
    for (const text of texts) {
      for (const [plain, grouped] of sources) {
        const at = firstMatch(plain, text);
        expect(firstMatch(grouped, text)).toBe(at);
        if (at >= 0) found++;
      }
    }
    expect(found).toBeGreaterThan(50);
  });
});
