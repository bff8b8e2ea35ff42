import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { policyThresholds } from '../config/schema.js';
import type { ContentVerdict } from '../inspect/content/types.js';
import type { Assessment } from '../reputation/index.js';
import type { DecisionInput } from './decide.js';
import { contentModeOf, decideIn, policyModeOf } from './monitor.js';

const t = policyThresholds.parse({});
const calm: Assessment = { evidence: [], risk: 0, trust: 1, hourMessages: 2, hourLimit: 200, loginHourMessages: 2, loginHourLimit: 1000, newIdentitiesOverCap: null };
const content = (action: ContentVerdict['action']): ContentVerdict => ({
  spam: action !== 'accept', score: 9, threshold: 5, action, rules: [{ name: 'PHISH_LURE_LINK', score: 4, description: 'lure' }],
});

const contentOnly = { content: 'monitor', policy: 'enforce' } as const;
const enforce = { content: 'enforce', policy: 'enforce' } as const;
const watchAll = { content: 'enforce', policy: 'monitor' } as const;

describe('content monitor mode', () => {
  it('tags what enforcing would hold or refuse, and says so', () => {
    for (const [action, would] of [['quarantine', 'held'], ['reject', 'refused']] as const) {
      const { decision, wouldHave } = decideIn(contentOnly, { t, behaviour: calm, content: content(action) });
      expect(decision.verdict).toBe('tag');
      expect(decision.addHeaders?.map(([name]) => name)).toContain('X-Mailwarden-Spam');
      expect(wouldHave?.verdict).toBe(action);
      expect(decision.evidence[0]).toMatchObject({ name: 'MONITOR_MODE', description: expect.stringContaining(`would have ${would} this message`) });
    }
  });

  it('changes nothing when enforcing, for clean or tagged mail, or for what behaviour alone decides', () => {
    expect(decideIn(enforce, { t, behaviour: calm, content: content('quarantine') })).toMatchObject({ decision: { verdict: 'quarantine' } });
    expect(decideIn(contentOnly, { t, behaviour: calm, content: content('tag') })).toEqual({ decision: expect.objectContaining({ verdict: 'tag' }) });
    const risky: Assessment = { ...calm, risk: t.suspendScore, evidence: [{ kind: 'behaviour', name: 'BURST', score: t.suspendScore, description: 'd' }] };
    const burst = decideIn(contentOnly, { t, behaviour: risky, content: content('quarantine') });
    expect(burst.decision.verdict).toBe('suspend');
    expect(burst.wouldHave).toBeUndefined();
  });

  it('takes the account\'s own mode over the global one', () => {
    const config = parseConfig({ dataDir: '/tmp/unused', content: { mode: 'monitor', accounts: { shop: { mode: 'enforce' } } } });
    expect(contentModeOf(config, 'shop')).toBe('enforce');
    expect(contentModeOf(config, 'blog')).toBe('monitor');
    expect(contentModeOf(parseConfig({ dataDir: '/tmp/unused' }), 'blog')).toBe('enforce');
  });
});

describe('policy monitor mode', () => {
  const risky: Assessment = { ...calm, risk: t.suspendScore, evidence: [{ kind: 'behaviour', name: 'BURST', score: t.suspendScore, description: 'd' }] };

  it('tags what behaviour or content would hold, refuse or suspend, and names what enforcing would have done', () => {
    const fanOut: Assessment = { ...calm, risk: t.quarantineScore, evidence: [{ kind: 'behaviour', name: 'NEW_DOMAIN_FANOUT', score: t.quarantineScore, description: 'd' }] };
    const cases: Array<[DecisionInput, string]> = [
      [{ t, behaviour: risky }, 'suspended the sender'],
      [{ t, behaviour: calm, content: content('reject') }, 'refused this message'],
      [{ t, behaviour: fanOut }, 'held this message'],
    ];
    for (const [input, would] of cases) {
      const { decision, wouldHave, watchedBy } = decideIn(watchAll, input);
      expect(decision.verdict).toBe('tag');
      expect(watchedBy).toBe('policy');
      expect(wouldHave?.verdict).not.toBe('tag');
      expect(decision.evidence[0]).toMatchObject({ name: 'MONITOR_MODE', description: expect.stringContaining(`would have ${would}`) });
      expect(decision.evidence.filter((e) => e.name === 'MONITOR_MODE')).toHaveLength(1);
      expect(decision.addHeaders?.map(([name]) => name)).toContain('X-Mailwarden-Risk');
    }
  });

  it('still defers at a configured rate ceiling, and leaves clean mail alone', () => {
    expect(decideIn(watchAll, { t, behaviour: { ...calm, hourMessages: 200 } }).decision.verdict).toBe('defer');
    expect(decideIn(watchAll, { t, behaviour: calm })).toEqual({ decision: expect.objectContaining({ verdict: 'accept' }) });
  });

  it('takes the account\'s own mode over the global one', () => {
    const config = parseConfig({ dataDir: '/tmp/unused', policy: { mode: 'monitor', accountModes: { shop: 'enforce' } } });
    expect(policyModeOf(config, 'shop')).toBe('enforce');
    expect(policyModeOf(config, 'blog')).toBe('monitor');
    expect(policyModeOf(parseConfig({ dataDir: '/tmp/unused' }), 'blog')).toBe('enforce');
  });
});
