// Link domains new to the relay: the caller's history decides, the sender's own domain never counts.
import { describe, expect, it } from 'vitest';
import { compose } from '../../../test/helpers/compose.js';
import { parseContent } from './message.js';
import { newLinkDomainRule, newLinkDomains } from './new-link-domains.js';

async function message(text: string) {
  const p = parseContent(await compose({ text }));
  if (p.kind !== 'message') throw new Error(p.reason);
  return p.message;
}

describe('new link domains', () => {
  it('lists the off-site link domains the history does not know, once each', async () => {
    const seen = new Set(['wikipedia.org']);
    const msg = await message('See https://www.example.com/a https://de.wikipedia.org/x https://fresh.example.net/1 https://cdn.fresh.example.net/2');
    expect(newLinkDomains(msg, (d) => seen.has(d))).toEqual(['example.net']);
  });

  it('as a rule: a hint naming the domains, quiet when everything is known', async () => {
    const rule = newLinkDomainRule((d) => d === 'wikipedia.org');
    expect(rule.strength).toBe('hint');
    expect(rule.test(await message('Read https://fresh.example.net/x'), {})).toBe('example.net');
    expect(rule.test(await message('Read https://en.wikipedia.org/wiki/Mail'), {})).toBe(false);
  });
});
