// Behaviour signals: each a small pure function from the identity's counters (this message included) to a piece of
// evidence, or null when it does not fire. Signals that measure a deviation from the identity's own history weigh
// by trust, but never less than `newIdentityPriorWeight`: a new identity has no history of its own, so it is measured
// against a conservative prior (the signals' minimum counts) instead, and a hijacker cannot escape them by sending
// under a fresh identity.
import type { PolicyThresholds } from '../config/schema.js';
import type { Evidence } from '../shared/types.js';

export interface SignalInput {
  t: PolicyThresholds;
  /** 0 (no history) .. 1 (trustDays clean days). */
  trust: number;
  /**
   * The least weight of a deviation signal: `newIdentityPriorWeight` once the login is past its first day, 0 before
   * (a login's first day is when all its identities appear; nothing is new to its owner then).
   */
  prior: number;
  minuteMessages: number;
  peakMinute: number;
  hourMessages: number;
  expectedHour: number;
  hourRecipients: number;
  hourNewDomainRecipients: number;
  hourNewFroms: number;
  repeatRecipients: number;
  peakRepeat: number;
  /** Same-content recipients from this identity over the last day, and its usual day. */
  repeatDayRecipients: number;
  peakRepeatDay: number;
  /** Same content from this identity's login: its identities that sent it, last hour, and their recipients at domains new to them. */
  loginCampaignIdentities: number;
  loginCampaignRecipients: number;
  /**
   * Identities of the login (this one included) that sent links to domains new to the login, to recipients at domains
   * new to them, within the last hour; 0 when this message does not.
   */
  loginNewLinkIdentities: number;
  campaignIdentities: number;
  campaignRecipients: number;
  dayRecipients: number;
  dayNewDomainRecipients: number;
  /** Link domains of this message that neither the identity nor its login linked to before the last day. */
  newLinks: string[];
  /** Recipients over the last day of its mail with such links (this message included). */
  dayNewLinkRecipients: number;
  /** Of those, recipients at domains the identity never wrote to. */
  dayNewLinkStrangers: number;
  /** Messages of the identity refused or held in the last day. */
  dayRefused: number;
  /** Near duplicates of this message held or refused in the last day from the login's other identities, and how many identities sent them. */
  stoppedCopies: number;
  stoppedIdentities: number;
  dayDelivered: number;
  dayBounced: number;
  dayUnknownRecipients: number;
  dayComplaints: number;
  /** Times a provider's block named this identity as a likely cause in the last day, and the sum of its shares. */
  dayBlockNamings: number;
  dayBlockRisk: number;
  /** Signals left by a suspicious AUTH of this login from this client address. */
  authFlags: Array<{ signal: 'new-network' | 'auth-failures'; detail: string }>;
}

/** The weight of a deviation signal: the identity's trust, or the prior's weight while it has little. */
const deviationWeight = (i: SignalInput) => Math.max(i.trust, i.prior);

const evidence = (name: string, score: number, description: string): Evidence => ({ kind: 'behaviour', name, score, description });
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Burst points grow with the size of the burst, up to 1.6 times `burstPoints` at four times the limit: never enough
 * for a suspension alone (a trusted sender may have one unusual busy minute), but a large burst plus any second
 * signal is.
 */
function burstScore(points: number, observed: number, limit: number): number {
  return round(points * Math.min(1.6, 1 + 0.5 * Math.log2(observed / limit)));
}

export function burst(i: SignalInput): Evidence | null {
  const minuteLimit = Math.max(i.t.burstMinMessages, i.t.burstRatio * i.peakMinute);
  const hourLimit = Math.max(3 * i.t.burstMinMessages, i.t.burstRatio * i.expectedHour);
  const points = i.t.burstPoints * deviationWeight(i);
  if (points <= 0) return null;
  const byMinute = i.minuteMessages / minuteLimit;
  const byHour = i.hourMessages / hourLimit;
  if (byMinute < 1 && byHour < 1) return null;
  return byMinute >= byHour
    ? evidence('BURST', burstScore(points, i.minuteMessages, minuteLimit), `${i.minuteMessages} messages in the last minute; its busiest minute is usually ${round(i.peakMinute)}`)
    : evidence('BURST', burstScore(points, i.hourMessages, hourLimit), `${i.hourMessages} messages in the last hour; about ${round(i.expectedHour)} are usual at this time`);
}

/** Many recipients at domains the identity never wrote to: in the last hour, or (a slower harvest) in the last day. */
export function newDomainFanOut(i: SignalInput): Evidence | null {
  const score = round(i.t.newDomainPoints * deviationWeight(i));
  if (score <= 0) return null;
  const fires = (fresh: number, all: number, min: number) => fresh >= min && fresh / Math.max(1, all) >= i.t.newDomainShare;
  if (fires(i.hourNewDomainRecipients, i.hourRecipients, i.t.newDomainMinRecipients))
    return evidence('NEW_DOMAIN_FANOUT', score, `${i.hourNewDomainRecipients} of ${i.hourRecipients} recipients in the last hour are at domains it never wrote to`);
  if (fires(i.dayNewDomainRecipients, i.dayRecipients, 2 * i.t.newDomainMinRecipients))
    return evidence('NEW_DOMAIN_FANOUT', score, `${i.dayNewDomainRecipients} of ${i.dayRecipients} recipients in the last day are at domains it never wrote to`);
  return null;
}

export function repeatedContent(i: SignalInput): Evidence | null {
  const score = round(i.t.repeatPoints * deviationWeight(i));
  if (score <= 0) return null;
  if (i.repeatRecipients < Math.max(i.t.repeatMinRecipients, i.t.burstRatio * i.peakRepeat)) return null;
  return evidence('REPEATED_CONTENT', score, `the same or nearly the same text went to ${i.repeatRecipients} recipients in the last hour; usually at most ${round(i.peakRepeat)}`);
}

/** One campaign dripped out over a day, each hour too small for the hourly signals. */
export function slowCampaign(i: SignalInput): Evidence | null {
  const score = round(i.t.dripPoints * deviationWeight(i));
  if (score <= 0) return null;
  if (i.repeatDayRecipients < Math.max(i.t.dripMinRecipients, i.t.burstRatio * i.peakRepeatDay)) return null;
  return evidence('SLOW_CAMPAIGN', score, `the same or nearly the same text went to ${i.repeatDayRecipients} recipients over the last day; usually at most ${round(i.peakRepeatDay)} a day`);
}

/**
 * One login's identities sending one campaign to strangers together: spreading spam thin escapes every per-identity
 * count. Only recipients at domains new to the identity count (the same notice of many sites to their own admins is
 * no campaign). Alone it only tags (many shops of one reseller send look-alike order mail); when the message also
 * links to a domain new to the sender, the points grow with the identities, up to twice `campaignPoints`.
 */
export function loginCampaign(i: SignalInput): Evidence | null {
  if (i.loginCampaignIdentities < i.t.campaignIdentities || i.loginCampaignRecipients < i.t.loginCampaignMinRecipients) return null;
  const withNewLinks = i.newLinks.length > 0;
  const points = withNewLinks ? i.t.campaignPoints * Math.min(2, i.loginCampaignIdentities / i.t.campaignIdentities) : i.t.campaignPoints;
  return evidence('LOGIN_CAMPAIGN', round(points),
    `${i.loginCampaignIdentities} identities of the same login sent the same or nearly the same text to ${i.loginCampaignRecipients} recipients at domains they never wrote to, in the last hour${withNewLinks ? ', with links to domains new to them' : ''}`);
}

/**
 * Several identities of one login writing to strangers with links the login never used, in the same hour: one
 * hijacked password sending through many sites or mailboxes of a hosting account, whatever the text (a kit that
 * rewords every sentence escapes LOGIN_CAMPAIGN's near-duplicate index). Points as LOGIN_CAMPAIGN's with new links:
 * `campaignPoints` from `campaignIdentities` identities, growing to twice that. Not on the login's first day, when
 * every link and every correspondent of every identity is new.
 */
export function loginNewLinks(i: SignalInput): Evidence | null {
  if (i.prior <= 0 || i.loginNewLinkIdentities < i.t.campaignIdentities) return null;
  return evidence('LOGIN_NEW_LINKS', round(i.t.campaignPoints * Math.min(2, i.loginNewLinkIdentities / i.t.campaignIdentities)),
    `${i.loginNewLinkIdentities} identities of the same login sent links to domains the login never linked to, to recipients at domains they never wrote to, in the last hour`);
}

/**
 * A link to a domain this sender never linked to, going out to many recipients: a template with the attacker's link.
 * Alone it tags (a sender does start using a new shop, tracker or file host). When most of those recipients are also
 * at domains the sender never wrote to, the two facts together are what a hijacked mailbox sending its usual kind of
 * mail with the attacker's link to a bought list looks like: a link the owner never used, to people the owner never
 * wrote to. That holds (twice the points): a customer announcing a new site to its own correspondents writes to
 * domains it knows, and a shop's new carrier link reaches customers at the big mailbox providers it already writes to.
 */
export function newLinkDomain(i: SignalInput): Evidence | null {
  const score = round(i.t.newLinkPoints * deviationWeight(i));
  if (score <= 0 || i.newLinks.length === 0 || i.dayNewLinkRecipients < i.t.newLinkMinRecipients) return null;
  const toStrangers = i.dayNewLinkStrangers >= i.t.newLinkMinRecipients && i.dayNewLinkStrangers / i.dayNewLinkRecipients >= i.t.newDomainShare;
  return evidence('NEW_LINK_DOMAIN', toStrangers ? 2 * score : score,
    `links to ${i.newLinks.join(', ')}, never used by this sender before today; ${i.dayNewLinkRecipients} recipients got links to domains new to it in the last day` +
      (toStrangers ? `, ${i.dayNewLinkStrangers} of them at domains it never wrote to` : ''));
}

/** Earlier messages refused or held: a sender that keeps trying is not given a fresh start with each message. */
export function refusedBefore(i: SignalInput): Evidence | null {
  if (i.dayRefused < i.t.refusedMinCount) return null;
  return evidence('REFUSED_BEFORE', i.t.refusedPoints, `${i.dayRefused} of its messages were refused or held in the last day`);
}

/**
 * The same text as mail of this login that was held or refused from several of its other identities: a hijacked login
 * spreading one campaign over its identities, each too small for its own counters. The copies were stopped at
 * `quarantineScore` or above, so the text brings that much again, whichever identity sends it. Copies from several
 * identities, not many copies from one: a single identity's stopped mail (its own kind of mail with one bad link)
 * resembles its neighbours' ordinary mail by chance now and then, and one identity's trouble is REFUSED_BEFORE's.
 */
export function stoppedContent(i: SignalInput): Evidence | null {
  if (i.stoppedIdentities < i.t.refusedMinCount) return null;
  return evidence('STOPPED_CONTENT', i.t.stoppedContentPoints,
    `${i.stoppedCopies} messages nearly the same as this one, from ${i.stoppedIdentities} other identities of this login, were held or refused in the last day`);
}

export function campaign(i: SignalInput): Evidence | null {
  // Both many senders and many recipients: a few shops on the same software sending the same order confirmation
  // in one hour is not a campaign.
  if (i.campaignIdentities < i.t.campaignIdentities || i.campaignRecipients < i.t.campaignMinRecipients) return null;
  return evidence('CAMPAIGN', i.t.campaignPoints,
    `the same or nearly the same text went to ${i.campaignRecipients} recipients from ${i.campaignIdentities} sender identities in the last hour`);
}

export function hardBounces(i: SignalInput): Evidence | null {
  const finished = i.dayDelivered + i.dayBounced;
  if (i.dayBounced < i.t.bounceMinCount || i.dayBounced / Math.max(1, finished) < i.t.bounceShare) return null;
  return evidence('HARD_BOUNCES', i.t.bouncePoints,
    `${i.dayBounced} of ${finished} recipients bounced in the last day (${i.dayUnknownRecipients} unknown addresses)`);
}

export function complaints(i: SignalInput): Evidence | null {
  if (i.dayComplaints < i.t.complaintMinCount) return null;
  return evidence('COMPLAINTS', i.t.complaintPoints, `${i.dayComplaints} spam complaints in the last day`);
}

/** A provider blocked the relay just after this identity sent much of the mail it received: points by its share. */
export function namedInBlock(i: SignalInput): Evidence | null {
  if (i.dayBlockNamings === 0) return null;
  const score = round(i.t.blockSuspectPoints * Math.min(1, i.dayBlockRisk));
  if (score <= 0) return null;
  return evidence('NAMED_IN_BLOCK', score, `named ${i.dayBlockNamings} time(s) in the last day as a likely cause of a provider's block of the relay (blame share ${Math.round(Math.min(1, i.dayBlockRisk) * 100)} %)`);
}

export function manyFromAddresses(i: SignalInput): Evidence | null {
  if (i.hourNewFroms < i.t.newFromAddresses) return null;
  return evidence('MANY_FROM_ADDRESSES', i.t.newFromPoints, `${i.hourNewFroms} From addresses it never used before, in the last hour`);
}

export function suspiciousAuth(i: SignalInput): Evidence[] {
  return i.authFlags.map((f) =>
    f.signal === 'new-network'
      ? evidence('AUTH_NEW_NETWORK', i.t.newNetworkPoints, f.detail)
      : evidence('AUTH_FAILURES_BEFORE_SUCCESS', i.t.authFailurePoints, f.detail),
  );
}

export function newIdentity(i: SignalInput): Evidence | null {
  const score = round(i.t.newIdentityPoints * (1 - i.trust));
  if (score <= 0) return null;
  return evidence('NEW_IDENTITY', score, `little clean history yet (trust ${Math.round(i.trust * 100)} %)`);
}

/**
 * CAMPAIGN and LOGIN_CAMPAIGN read one fact, the same text from many identities, at two scopes: on a hosting server
 * whose sites all relay under one login, every identity of a campaign is also one of the login's. Counting both would
 * score one observation twice (and lift the order mail of many shops on the same software from a tag to a hold), so
 * only the stronger reading counts. LOGIN_NEW_LINKS reads the same campaign by how it is sent rather than by its
 * text, and is a third reading of it (on a tie the first of LOGIN_CAMPAIGN, LOGIN_NEW_LINKS, CAMPAIGN is named).
 */
function oneCampaignReading(i: SignalInput): Evidence | null {
  const readings = [loginCampaign(i), loginNewLinks(i), campaign(i)].filter((e): e is Evidence => e !== null);
  return readings.reduce<Evidence | null>((best, e) => (best === null || e.score > best.score ? e : best), null);
}

/** Every signal that fires for this message. */
export function allSignals(i: SignalInput): Evidence[] {
  const single = [burst, newDomainFanOut, repeatedContent, slowCampaign, oneCampaignReading, newLinkDomain, refusedBefore, stoppedContent, hardBounces, complaints, namedInBlock, manyFromAddresses, newIdentity]
    .map((signal) => signal(i))
    .filter((e): e is Evidence => e !== null);
  return [...single, ...suspiciousAuth(i)];
}
