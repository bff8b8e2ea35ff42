import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { policyThresholds } from '../config/schema.js';
import type { ContentVerdict } from '../inspect/content/types.js';
import type { Assessment } from '../reputation/index.js';
import { contentModeOf, decideIn } from './monitor.js';

const t = policyThresholds.parse({});
const calm: Assessment = { evidence: [], risk: 0, trust: 1, hourMessages: 2, hourLimit: 200, loginHourMessages: 2, loginHourLimit: 1000, newIdentitiesOverCap: null };
const content = (action: ContentVerdict['action']): ContentVerdict => ({
  spam: action !== 'accept', score: 9, threshold: 5, action, rules: [{ name: 'PHISH_LURE_LINK', score: 4, description: 'lure' }],
});

describe('content monitor mode', () => {
  it('tags what enforcing would hold or refuse, and says so', () => {
    for (const [action, would] of [['quarantine', 'held'], ['reject', 'refused']] as const) {
      const { decision, wouldHave } = decideIn('monitor', { t, behaviour: calm, content: content(action) });
      expect(decision.verdict).toBe('tag');
      expect(decision.addHeaders?.map(([name]) => name)).toContain('X-Mailwarden-Spam');
      expect(wouldHave?.verdict).toBe(action);
      expect(decision.evidence[0]).toMatchObject({ name: 'MONITOR_MODE', description: expect.stringContaining(`would have ${would} this message`) });
    }
  });

  it('changes nothing when enforcing, for clean or tagged mail, or for what behaviour alone decides', () => {
    expect(decideIn('enforce', { t, behaviour: calm, content: content('quarantine') })).toMatchObject({ decision: { verdict: 'quarantine' } });
    expect(decideIn('monitor', { t, behaviour: calm, content: content('tag') })).toEqual({ decision: expect.objectContaining({ verdict: 'tag' }) });
    const risky: Assessment = { ...calm, risk: t.suspendScore, evidence: [{ kind: 'behaviour', name: 'BURST', score: t.suspendScore, description: 'd' }] };
    const burst = decideIn('monitor', { t, behaviour: risky, content: content('quarantine') });
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
