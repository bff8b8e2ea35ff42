import { describe, expect, it } from 'vitest';
import { policyThresholds } from '../config/schema.js';
import * as s from './signals.js';

const t = policyThresholds.parse({});
/** A trusted identity on a quiet, ordinary minute: no signal fires. */
const quiet: s.SignalInput = {
  t,
  trust: 1,
  prior: 0.5,
  minuteMessages: 1,
  peakMinute: 2,
  hourMessages: 3,
  expectedHour: 4,
  hourRecipients: 3,
  hourNewDomainRecipients: 0,
  hourNewFroms: 0,
  repeatRecipients: 1,
  peakRepeat: 2,
  repeatDayRecipients: 2,
  peakRepeatDay: 4,
  loginCampaignIdentities: 1,
  loginCampaignRecipients: 1,
  campaignIdentities: 1,
  campaignRecipients: 1,
  dayRecipients: 30,
  dayNewDomainRecipients: 1,
  newLinks: [],
  dayNewLinkRecipients: 0,
  dayNewLinkStrangers: 0,
  loginNewLinkIdentities: 0,
  dayRefused: 0,
  stoppedCopies: 0,
  stoppedIdentities: 0,
  dayDelivered: 40,
  dayBounced: 1,
  dayUnknownRecipients: 1,
  dayComplaints: 0,
  dayBlockNamings: 0,
  dayBlockRisk: 0,
  authFlags: [],
};
const names = (i: s.SignalInput) => s.allSignals(i).map((e) => e.name);

describe('behaviour signals', () => {
  it('stay silent for ordinary traffic', () => {
    expect(s.allSignals(quiet)).toEqual([]);
  });

  it('named in a block: points by the identity\'s share of the blame, never more than the full points', () => {
    expect(s.allSignals({ ...quiet, dayBlockNamings: 1, dayBlockRisk: 0.5 })).toEqual([
      { kind: 'behaviour', name: 'NAMED_IN_BLOCK', score: 2, description: 'named 1 time(s) in the last day as a likely cause of a provider\'s block of the relay (blame share 50 %)' },
    ]);
    expect(s.namedInBlock({ ...quiet, dayBlockNamings: 3, dayBlockRisk: 2.4 })!.score).toBe(4);
  });

  it('burst: a minute far above the usual busiest minute, or an hour far above the usual hour', () => {
    expect(names({ ...quiet, minuteMessages: 8 })).toEqual(['BURST']);
    expect(names({ ...quiet, minuteMessages: 7 })).toEqual([]);
    expect(names({ ...quiet, peakMinute: 200, minuteMessages: 300 })).toEqual([]);
    expect(names({ ...quiet, hourMessages: 23 })).toEqual([]);
    expect(names({ ...quiet, expectedHour: 2, hourMessages: 24 })).toEqual(['BURST']);
  });

  it('deviation signals weigh by trust, but a brand-new identity is measured against the prior, never zero', () => {
    const burst = { ...quiet, minuteMessages: 50 };
    expect(s.burst({ ...quiet, minuteMessages: 8 })!.score).toBe(t.burstPoints);
    expect(s.burst({ ...quiet, minuteMessages: 16 })!.score).toBe(1.5 * t.burstPoints);
    expect(s.burst(burst)!.score).toBe(1.6 * t.burstPoints); // the cap: a burst alone never suspends
    expect(s.burst(burst)!.score).toBeLessThan(t.suspendScore);
    expect(s.burst({ ...burst, trust: 0.75 })!.score).toBe(1.2 * t.burstPoints);
    expect(s.burst({ ...burst, trust: 0 })!.score).toBe(0.5 * 1.6 * t.burstPoints);
    expect(s.repeatedContent({ ...quiet, trust: 0, peakRepeat: 0, repeatRecipients: 8 })!.score).toBe(0.5 * t.repeatPoints);
    expect(s.burst({ ...burst, trust: 0, prior: 0 })).toBeNull(); // the login's own first day
    expect(names({ ...quiet, trust: 0 })).toEqual(['NEW_IDENTITY']);
  });

  it('fan-out: many recipients at domains the identity never wrote to', () => {
    expect(names({ ...quiet, hourRecipients: 10, hourNewDomainRecipients: 9 })).toEqual(['NEW_DOMAIN_FANOUT']);
    expect(names({ ...quiet, hourRecipients: 100, hourNewDomainRecipients: 9 })).toEqual([]);
  });

  it('repeated content and campaigns across identities', () => {
    expect(names({ ...quiet, repeatRecipients: 9 })).toEqual(['REPEATED_CONTENT']);
    expect(names({ ...quiet, repeatRecipients: 900, peakRepeat: 3000 })).toEqual([]);
    expect(names({ ...quiet, campaignIdentities: 4, campaignRecipients: 30 })).toEqual(['CAMPAIGN']);
    expect(names({ ...quiet, campaignIdentities: 4, campaignRecipients: 6 })).toEqual([]);
  });

  it('a slow campaign over a day, a login spreading one campaign over its identities, a new link domain', () => {
    expect(names({ ...quiet, repeatDayRecipients: 16 })).toEqual(['SLOW_CAMPAIGN']);
    expect(names({ ...quiet, repeatDayRecipients: 16, peakRepeatDay: 3000 })).toEqual([]);
    expect(names({ ...quiet, loginCampaignIdentities: 4, loginCampaignRecipients: 12 })).toEqual(['LOGIN_CAMPAIGN']);
    expect(names({ ...quiet, loginCampaignIdentities: 3, loginCampaignRecipients: 50 })).toEqual([]);
    expect(s.loginCampaign({ ...quiet, loginCampaignIdentities: 12, loginCampaignRecipients: 40 })!.score).toBe(t.campaignPoints);
    expect(s.loginCampaign({ ...quiet, loginCampaignIdentities: 12, loginCampaignRecipients: 40, newLinks: ['evil.example'] })!.score).toBe(2 * t.campaignPoints);
    expect(names({ ...quiet, newLinks: ['evil.example'], dayNewLinkRecipients: 5 })).toEqual(['NEW_LINK_DOMAIN']);
    expect(names({ ...quiet, newLinks: ['partner.example'], dayNewLinkRecipients: 2 })).toEqual([]);
    expect(names({ ...quiet, newLinks: [], dayNewLinkRecipients: 50 })).toEqual([]);
    // A new link to people the sender never wrote to holds; to its own correspondents (or mostly so) it only tags.
    const toStrangers = s.newLinkDomain({ ...quiet, newLinks: ['evil.example'], dayNewLinkRecipients: 6, dayNewLinkStrangers: 5 })!;
    expect(toStrangers.score).toBe(2 * t.newLinkPoints);
    expect(toStrangers.description).toContain('5 of them at domains it never wrote to');
    expect(s.newLinkDomain({ ...quiet, newLinks: ['evil.example'], dayNewLinkRecipients: 6, dayNewLinkStrangers: 4 })!.score).toBe(t.newLinkPoints);
    expect(s.newLinkDomain({ ...quiet, newLinks: ['evil.example'], dayNewLinkRecipients: 40, dayNewLinkStrangers: 8 })!.score).toBe(t.newLinkPoints);
    expect(names({ ...quiet, dayRecipients: 40, dayNewDomainRecipients: 20 })).toEqual(['NEW_DOMAIN_FANOUT']);
  });

  it('several identities of an established login writing to strangers with new links: a campaign by how it is sent', () => {
    expect(names({ ...quiet, loginNewLinkIdentities: 3 })).toEqual([]);
    expect(s.loginNewLinks({ ...quiet, loginNewLinkIdentities: 4 })!.score).toBe(t.campaignPoints);
    expect(s.loginNewLinks({ ...quiet, loginNewLinkIdentities: 12 })!.score).toBe(2 * t.campaignPoints);
    expect(s.loginNewLinks({ ...quiet, prior: 0, loginNewLinkIdentities: 12 })).toBeNull(); // the login's first day
    // With the same text from as many identities, it is one campaign read twice: only the stronger reading counts.
    const both = { ...quiet, loginNewLinkIdentities: 12, loginCampaignIdentities: 4, loginCampaignRecipients: 12 };
    expect(names(both)).toEqual(['LOGIN_NEW_LINKS']);
  });

  it('one campaign seen by all identities and by the login counts once: the stronger reading', () => {
    const shops = { ...quiet, campaignIdentities: 40, campaignRecipients: 50, loginCampaignIdentities: 40, loginCampaignRecipients: 20 };
    expect(names(shops)).toEqual(['LOGIN_CAMPAIGN']);
    expect(s.allSignals(shops).reduce((sum, e) => sum + e.score, 0)).toBe(t.campaignPoints);
    const withNewLinks = { ...shops, newLinks: ['evil.example'] };
    expect(s.allSignals(withNewLinks).find((e) => e.name === 'LOGIN_CAMPAIGN')!.score).toBe(2 * t.campaignPoints);
    expect(names(withNewLinks)).not.toContain('CAMPAIGN');
    expect(names({ ...shops, loginCampaignIdentities: 1, loginCampaignRecipients: 1 })).toEqual(['CAMPAIGN']);
  });

  it('refused and held messages count against the identity', () => {
    expect(names({ ...quiet, dayRefused: 2 })).toEqual([]);
    const e = s.allSignals({ ...quiet, dayRefused: 12 });
    expect(e.map((x) => x.name)).toEqual(['REFUSED_BEFORE']);
    expect(e[0]!.description).toBe('12 of its messages were refused or held in the last day');
  });

  it('the same text as mail held or refused from the login\'s other identities counts against whichever identity sends it', () => {
    expect(names({ ...quiet, stoppedCopies: 2, stoppedIdentities: 2 })).toEqual([]);
    expect(names({ ...quiet, stoppedCopies: 40, stoppedIdentities: 1 })).toEqual([]); // one identity's trouble: REFUSED_BEFORE
    const e = s.allSignals({ ...quiet, stoppedCopies: 9, stoppedIdentities: 7 });
    expect(e).toEqual([{ kind: 'behaviour', name: 'STOPPED_CONTENT', score: t.quarantineScore,
      description: '9 messages nearly the same as this one, from 7 other identities of this login, were held or refused in the last day' }]);
  });

  it('hard bounces, complaints and many From addresses', () => {
    expect(names({ ...quiet, dayBounced: 12, dayUnknownRecipients: 10 })).toEqual(['HARD_BOUNCES']);
    expect(names({ ...quiet, dayBounced: 12, dayDelivered: 1000 })).toEqual([]);
    expect(names({ ...quiet, dayComplaints: 3 })).toEqual(['COMPLAINTS']);
    expect(names({ ...quiet, hourNewFroms: 5 })).toEqual(['MANY_FROM_ADDRESSES']);
  });

  it('suspicious AUTH flags become evidence', () => {
    const flagged = { ...quiet, authFlags: [{ signal: 'new-network' as const, detail: 'x' }, { signal: 'auth-failures' as const, detail: 'y' }] };
    expect(names(flagged)).toEqual(['AUTH_NEW_NETWORK', 'AUTH_FAILURES_BEFORE_SUCCESS']);
  });
});
