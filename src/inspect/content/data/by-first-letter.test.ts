import { describe, expect, it } from 'vitest';
import { generateHam, hamKinds } from '../../../../eval/generate/ham.js';
import { generatePhish, phishFamilies } from '../../../../eval/generate/phish.js';
import { parseContent, defaultParseLimits } from '../message.js';
import { byFirstLetter } from './by-first-letter.js';
import { isLureStart, LURE_SEARCHES, lureIn, lurePatterns, MAX_LURE_SOURCE } from './lures.js';

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

  it('keeps every lure expression under the size past which V8 stops optimising it, and still finds the earliest lure of any kind', () => {
    expect(LURE_SEARCHES.length).toBeGreaterThan(1);
    for (const re of LURE_SEARCHES) expect(re.source.length).toBeLessThanOrEqual(MAX_LURE_SOURCE);
    // A reward lure before a credentials one: the earlier one wins, whichever expressions hold them.
    expect(lureIn('congratulations, you have won a new phone. also: verify your account')).toMatchObject({ kind: 'reward' });
    expect(lureIn('verify your account. congratulations, you have won a new phone')).toMatchObject({ kind: 'credentials' });
  });

  it('finds the lure that each kind\'s own plain expression finds first, kinds in their order, on generated mail', async () => {
    // The reference: every kind's patterns as one plain alternation, the earliest place that starts a lure, ties by kind order.
    const plain = Object.entries(lurePatterns).map(([kind, list]) => ({ kind, re: new RegExp(String.raw`\b(?:${list.join('|')})`, 'g') }));
    const reference = (text: string) => {
      let best: { kind: string; phrase: string; index: number } | null = null;
      for (const { kind, re } of plain) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m && (!best || m.index < best.index); m = re.exec(text)) {
          if (isLureStart(text, m.index)) {
            best = { kind, phrase: m[0], index: m.index };
            break;
          }
          re.lastIndex = m.index + 1;
        }
      }
      return best && { kind: best.kind, phrase: best.phrase };
    };
    let found = 0;
    for (let seed = 1; seed <= 2 * Math.max(phishFamilies.length, hamKinds.length); seed++) {
      for (const g of [await generatePhish(seed), await generateHam(seed)]) {
        const parsed = parseContent(g.raw, defaultParseLimits);
        if (parsed.kind !== 'message') continue;
        for (const text of [parsed.message.lower.subject, parsed.message.lower.own]) {
          const want = reference(text);
          expect(lureIn(text)?.kind, text.slice(0, 80)).toBe(want?.kind);
          if (want) found++;
        }
      }
    }
    expect(found).toBeGreaterThan(50);
  });
});
