// The reactions to real provider replies, through the real classifier: which replies pause an IP, slow it, delay a
// retry, or change nothing; and how a slowed route climbs back.
import { describe, expect, it } from 'vitest';
import { classifyReply } from '../classify/index.js';
import { currentRate, nextRouteState, reactionTo, type ReactionSettings } from './react.js';
import { providerOf, shapingOf } from './providers.js';
import type { RouteState } from './types.js';

const settings: ReactionSettings = { slowFactor: 0.5, recoveryMinutes: 10, pauseMinutes: 60, greylistDelayS: 300 };
const react = (text: string, phase: 'connect' | 'rcpt' | 'data' | 'mail', mx?: string) =>
  reactionTo(classifyReply({ text, phase, ...(mx ? { mx } : {}) }), text, settings);

describe('reactionTo', () => {
  it('pauses an IP that a provider blocks for good', () => {
    expect(react('521 5.2.1 :  (CON:B1) https://postmaster.yahooinc.com/error-codes', 'connect', 'mta7.am0.yahoodns.net')).toEqual({ kind: 'pause' });
    expect(react("550 5.7.1 Unfortunately, messages from [192.0.2.7] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).", 'rcpt', 'eur.olc.protection.outlook.com')).toEqual({ kind: 'pause' });
    expect(react('554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org', 'rcpt')).toEqual({ kind: 'pause' });
  });

  it('slows down on rate limits and on temporary reputation deferrals', () => {
    expect(react('452 4.2.0 resimta-ch2-18v.sys.comcast.net 192.0.2.4 rate limited. Please see http://postmaster.comcast.net/smtp-error-codes.php#RL000001', 'rcpt', 'mx1a1.comcast.net')).toEqual({ kind: 'slow' });
    expect(react('421-4.7.28 [192.0.2.7] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited.', 'data', 'gmail-smtp-in.l.google.com')).toEqual({ kind: 'slow' });
  });

  it('retries greylisted mail after the delay the server asks for, or the configured one', () => {
    expect(react('450 4.7.1 Greylisted, please try again in 120 seconds', 'rcpt')).toEqual({ kind: 'retry-after', ms: 120_000 });
    expect(react('451 4.7.1 Please try again later (greylisted)', 'rcpt')).toEqual({ kind: 'retry-after', ms: 300_000 });
  });

  it('never touches the route for a recipient-scope failure', () => {
    expect(react('550 5.1.1 <bob@example.org>: user unknown', 'rcpt')).toEqual({ kind: 'none' });
    expect(react('452 4.2.2 mailbox full', 'rcpt')).toEqual({ kind: 'none' });
    expect(react('450-4.2.1 The user you are trying to contact is receiving mail at a rate that 450-4.2.1 prevents additional messages from being delivered.', 'rcpt', 'gmail-smtp-in.l.google.com')).toEqual({ kind: 'none' });
  });
});

describe('route states', () => {
  const ctx = { source: '192.0.2.7', provider: 'google', now: 0, current: undefined, measuredPerMinute: 80, limitPerMinute: 0, why: 'w', reply: 'r' };

  it('halves the measured rate, then climbs back in equal steps until the route is ok', () => {
    const slowed = nextRouteState({ kind: 'slow' }, ctx, settings)!;
    expect(slowed).toMatchObject({ status: 'slowed', rate: 40, ceiling: 80 });
    expect(currentRate(slowed, 0, settings)).toBe(40);
    expect(currentRate(slowed, 5 * 60_000, settings)).toBe(60);
    expect(currentRate(slowed, 10 * 60_000, settings)).toBeUndefined();
  });

  it('decreases again only after a minute, from the rate it had climbed to', () => {
    const first = nextRouteState({ kind: 'slow' }, ctx, settings)!;
    expect(nextRouteState({ kind: 'slow' }, { ...ctx, now: 30_000, current: first }, settings)).toBeUndefined();
    const again = nextRouteState({ kind: 'slow' }, { ...ctx, now: 2 * 60_000, current: first }, settings)!;
    expect(again).toMatchObject({ rate: 24, ceiling: 80 }); // (40 + 2 minutes * 4) / 2
  });

  it('keeps a longer pause in force and never slows a paused route', () => {
    const pause: RouteState = { ...ctx, status: 'paused', since: 0, until: 0, rate: 0, ceiling: 0, by: 'operator' };
    expect(nextRouteState({ kind: 'pause' }, { ...ctx, current: pause }, settings)).toBeUndefined();
    expect(nextRouteState({ kind: 'slow' }, { ...ctx, current: pause }, settings)).toBeUndefined();
    expect(nextRouteState({ kind: 'pause' }, ctx, settings)).toMatchObject({ status: 'paused', until: 3_600_000 });
  });
});

describe('providers', () => {
  it('groups destinations by MX host suffix, then by known domain', () => {
    expect(providerOf('mta6.am0.yahoodns.net', 'aol.com')).toBe('yahoo');
    expect(providerOf('mta6.am0.yahoodns.net', 'yahoo.com')).toBe('yahoo');
    expect(providerOf('outlook-com.olc.protection.outlook.com.', 'hotmail.com')).toBe('microsoft-consumer');
    expect(providerOf('contoso-com.mail.protection.outlook.com', 'contoso.com')).toBe('microsoft-365');
    expect(providerOf('alt1.gmail-smtp-in.l.google.com', 'example.org')).toBe('google');
    expect(providerOf(undefined, 'AOL.com')).toBe('yahoo');
    expect(providerOf('mx.example.net', 'example.net')).toBe('example.net');
    expect(providerOf('notgoogle.com', 'x.test')).toBe('x.test');
  });

  it('ships limits for the big providers, overridable, and none for the rest', () => {
    expect(shapingOf('google', {}).messagesPerMinute).toBeGreaterThan(0);
    expect(shapingOf('google', { google: { messagesPerMinute: 5 } })).toMatchObject({ messagesPerMinute: 5, connections: 10 });
    expect(shapingOf('example.net', {})).toEqual({ connections: 0, messagesPerConnection: 0, messagesPerMinute: 0, messagesPerHour: 0 });
  });
});
