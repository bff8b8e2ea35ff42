// The generators are deterministic by seed, write real messages, and cover what the issue asks: at least 25 kinds
// of ham in several languages, and phishing families of 2022-2026.
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/inspect/content/message.js';
import { generateHam, hamKinds } from './ham.js';
import { generateOffer, offerKinds } from './offers.js';
import { generatePhish, phishFamilies } from './phish.js';
import { DEV_SEEDS, REPORT_SEEDS } from './random.js';

describe('mail generators', () => {
  it('give the same bytes for the same seed and other bytes for another', async () => {
    expect((await generateHam(7)).raw.equals((await generateHam(7)).raw)).toBe(true);
    expect((await generatePhish(7)).raw.equals((await generatePhish(7)).raw)).toBe(true);
    expect((await generateOffer(7)).raw.equals((await generateOffer(7)).raw)).toBe(true);
    expect((await generateHam(7)).raw.equals((await generateHam(7 + hamKinds.length)).raw)).toBe(false);
  });

  it('write parseable messages of every kind, HTML and text, in several languages', async () => {
    expect(hamKinds.length).toBeGreaterThanOrEqual(25);
    const langs = new Set<string>();
    let html = 0;
    for (let seed = 1; seed <= hamKinds.length * 3; seed++) {
      const p = parseContent((await generateHam(seed)).raw);
      if (p.kind !== 'message') throw new Error(`seed ${seed}: ${p.reason}`);
      if (p.message.html) html++;
      const lang = /<html lang="(\w+)"/.exec(p.message.textParts.find((t) => t.html)?.content ?? '')?.[1];
      if (lang) langs.add(lang);
    }
    expect(html).toBeGreaterThan(hamKinds.length);
    expect(langs.size).toBeGreaterThanOrEqual(5);
    expect(phishFamilies.length).toBeGreaterThanOrEqual(8);
  });

  it('write parseable offers of every kind, each with a link to buy and an opt-out', async () => {
    const kinds = new Set<string>();
    for (let seed = 1; seed <= offerKinds.length * 6; seed++) {
      const g = await generateOffer(seed);
      const p = parseContent(g.raw);
      if (p.kind !== 'message') throw new Error(`seed ${seed}: ${p.reason}`);
      kinds.add(g.kind);
      const html = p.message.textParts.find((t) => t.html)?.content ?? '';
      expect(html).toMatch(/<a href="https:\/\/[^"]+"[^>]*>/);
      expect(html).toMatch(/href="(?:https:[^"]*\/unsubscribe\?id=|mailto:remove@)/);
    }
    expect(kinds).toEqual(new Set(offerKinds));
  });

  it('keeps the development and report seed ranges apart', () => {
    expect(DEV_SEEDS.first + DEV_SEEDS.count).toBeLessThanOrEqual(REPORT_SEEDS.first);
  });
});
