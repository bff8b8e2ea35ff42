// Link domains new to the relay: the history decides, the sender's own domain never counts, and the rule only
// corroborates evidence.
import { describe, expect, it } from 'vitest';
import { compose } from '../../../test/helpers/compose.js';
import { contentSchema } from '../../config/schema.js';
import { parseContent } from './message.js';
import { createLinkHistory, newLinkDomainRule, newLinkDomains } from './new-link-domains.js';
import { createContentScorer } from './scorer.js';

async function message(text: string) {
  const p = parseContent(await compose({ text }));
  if (p.kind !== 'message') throw new Error(p.reason);
  return p.message;
}

const lure = (domain: string) => compose({ text: `Your mailbox is full. Release pending messages here: https://${domain}/release` });
const newsletter = (domain: string) => compose({ text: `This week on the blog: https://${domain}/spring-sale` });

describe('new link domains', () => {
  it('lists the off-site link domains the history does not know, once each', async () => {
    const seen = new Set(['wikipedia.org']);
    const msg = await message('See https://www.example.com/a https://de.wikipedia.org/x https://fresh.news-site.net/1 https://cdn.fresh.news-site.net/2');
    expect(newLinkDomains(msg, (d) => seen.has(d))).toEqual(['news-site.net']);
  });

  it('as a rule: corroboration naming the domains, quiet when everything is known', async () => {
    const rule = newLinkDomainRule((d) => d === 'wikipedia.org');
    expect(rule.strength).toBe('corroboration');
    expect(rule.test(await message('Read https://fresh.news-site.net/x'), {})).toBe('news-site.net');
    expect(rule.test(await message('Read https://en.wikipedia.org/wiki/Mail'), {})).toBe(false);
  });

  it('adds to evidence only: a first deployment does not hold honest mail for links it has not seen', async () => {
    const scorer = createContentScorer(contentSchema.parse({}), { linkHistory: createLinkHistory({ sendersToKnow: 2, maxDomains: 100 }) });
    expect(scorer.score(await newsletter('blog.news-site.net')).rules.map((r) => r.name)).not.toContain('NEW_LINK_DOMAIN');
    const phish = scorer.score(await lure('release-mail.top'));
    expect(phish.rules.map((r) => r.name)).toEqual(expect.arrayContaining(['PHISH_LURE_LINK', 'NEW_LINK_DOMAIN']));
    expect(phish.rules.find((r) => r.name === 'NEW_LINK_DOMAIN')!.description).toContain('(release-mail.top)');
  });

  it('learns a domain from clean mail of two senders, never from one sender alone', async () => {
    const scorer = createContentScorer(contentSchema.parse({}), { linkHistory: createLinkHistory({ sendersToKnow: 2, maxDomains: 100 }) });
    const newDomain = async (domain: string) => scorer.score(await lure(domain)).rules.some((r) => r.name === 'NEW_LINK_DOMAIN');
    // One hijacked login sends clean mail with its link first, many times: the domain stays new.
    for (let i = 0; i < 5; i++) scorer.score(await newsletter('attacker.example'), { authUser: 'hijacked' });
    expect(await newDomain('attacker.example')).toBe(true);
    // Two customers link to the same shop: known.
    scorer.score(await newsletter('shop.example'), { authUser: 'alice' });
    expect(await newDomain('shop.example')).toBe(true);
    scorer.score(await newsletter('shop.example'), { mailFrom: 'bob@host.example' });
    expect(await newDomain('shop.example')).toBe(false);
    // A message that was not clean teaches nothing.
    const other = createContentScorer(contentSchema.parse({}), { linkHistory: createLinkHistory({ sendersToKnow: 1, maxDomains: 100 }) });
    other.score(await lure('held.example'), { authUser: 'alice' });
    expect(other.score(await lure('held.example')).rules.map((r) => r.name)).toContain('NEW_LINK_DOMAIN');
  });

  it('forgets the oldest half when full, so a stranger\'s endless domains cost bounded memory', async () => {
    const history = createLinkHistory({ sendersToKnow: 1, maxDomains: 4 });
    for (const d of ['a', 'b', 'c', 'd', 'e']) history.learn(await newsletter(`${d}.example`), 'alice');
    expect(['a', 'b', 'c', 'd', 'e'].map((d) => history.seen(`${d}.example`))).toEqual([false, false, true, true, true]);
  });
});
