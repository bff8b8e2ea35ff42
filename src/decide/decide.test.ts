import { describe, expect, it } from 'vitest';
import { policyThresholds } from '../config/schema.js';
import type { Assessment } from '../reputation/index.js';
import type { ContentVerdict } from '../inspect/content/types.js';
import { decide } from './decide.js';

const t = policyThresholds.parse({});
const calm: Assessment = { evidence: [], risk: 0, trust: 1, hourMessages: 2, hourLimit: 200, loginHourMessages: 2, loginHourLimit: 1000, newIdentitiesOverCap: null };
const risky = (risk: number): Assessment => ({ ...calm, risk, evidence: [{ kind: 'behaviour', name: 'BURST', score: risk, description: 'd' }] });
const content = (action: ContentVerdict['action']): ContentVerdict => ({
  spam: action !== 'accept',
  score: 7,
  threshold: 5,
  action,
  rules: [{ name: 'URL_SHORTENER', score: 1.5, description: 'link through a URL shortener' }],
});

describe('decision table', () => {
  it.each([
    ['calm sender, no content verdict', calm, undefined, 'accept'],
    ['calm sender, clean content', calm, content('accept'), 'accept'],
    ['content says tag', calm, content('tag'), 'tag'],
    ['content says quarantine', calm, content('quarantine'), 'quarantine'],
    ['content says reject, calm sender', calm, content('reject'), 'reject'],
    ['risk at the tag score', risky(t.tagScore), undefined, 'tag'],
    ['risk at the quarantine score', risky(t.quarantineScore), undefined, 'quarantine'],
    ['risk at the suspend score', risky(t.suspendScore), undefined, 'suspend'],
    ['spam from a sender that also behaves unusually', risky(t.suspendScore - t.contentRejectPoints), content('reject'), 'suspend'],
    ['over the hourly limit', { ...calm, hourMessages: 200 }, undefined, 'defer'],
    ['over the limit and spam: refused, not deferred', { ...calm, hourMessages: 200 }, content('reject'), 'reject'],
  ] as const)('%s -> %s', (_name, behaviour, verdict, expected) => {
    expect(decide({ t, behaviour, ...(verdict ? { content: verdict } : {}) }).verdict).toBe(expected);
  });

  it('carries the evidence, a bracketable code and a plain reason', () => {
    const d = decide({ t, behaviour: risky(t.suspendScore - t.contentRejectPoints), content: content('reject') });
    expect(d.code).toBe('MW-SUSPENDED');
    expect(d.evidence.map((e) => e.name)).toEqual(['BURST', 'CONTENT_VERDICT', 'URL_SHORTENER']);
    expect(d.reason).not.toMatch(/BURST|score/);
  });

  it('a tagged message gets the risk header naming its signals', () => {
    const d = decide({ t, behaviour: risky(t.tagScore) });
    expect(d.addHeaders).toEqual([['X-Mailwarden-Risk', `risk=${t.tagScore} signals=BURST`]]);
  });

  it('a deferral says which limit', () => {
    const d = decide({ t, behaviour: { ...calm, hourMessages: 200 } });
    expect(d.code).toBe('MW-RATE');
    expect(d.evidence.at(-1)!.name).toBe('HOURLY_LIMIT');
  });
});
