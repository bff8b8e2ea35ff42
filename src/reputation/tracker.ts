// The behaviour stage: keeps every identity's counters and baseline, and turns them into evidence for one message.
// `assess` looks without counting (a refused message must not teach the baseline); `record` counts an accepted one.
import type { Reason } from '../classify/types.js';
import type { PolicyThresholds } from '../config/schema.js';
import type { Evidence } from '../shared/types.js';
import { countMessage, expectedHour, notePeaks, trust } from './baseline.js';
import { NO_SPREAD, type CampaignTracker, type ContentSpread } from './campaign.js';
import type { CounterStore } from './counter-store.js';
import { clientNetwork } from './network.js';
import type { NewLinkOutreach } from './new-link-outreach.js';
import { addToRing, ringSums, type MetricCounts } from './ring.js';
import { allSignals, type SignalInput } from './signals.js';
import { NO_STOPPED_MATCH, type StoppedContent, type StoppedMatch } from './stopped-content.js';
import {
  MAX_KNOWN_DOMAINS,
  MAX_KNOWN_FROMS,
  MAX_KNOWN_LINKS,
  MAX_KNOWN_NETWORKS,
  MAX_NEW_IDENTITIES,
  MAX_REFUSALS,
  firstUse,
  remember,
  touch,
  type IdentityState,
  type RefusalRecord,
} from './state.js';
import { domainOf } from '../shared/address.js';

/** What the behaviour stage needs to know about one message. */
export interface MessageFacts {
  identityKey: string;
  account: string;
  clientIp: string;
  recipients: string[];
  /** Address of the From header, lower-case; '' when there is none. */
  fromAddress: string;
  /** Subject (decoded, first 200 characters), kept as a sample for a suspension's evidence. */
  subject: string;
  /** Fuzzy content fingerprint; '' when the text is too short to have one. */
  fingerprint: string;
  /** MinHash sketch of the text (near-duplicate campaigns); [] when too short. */
  sketch: number[];
  /** Registrable domains the message's links lead to. */
  linkDomains: string[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The key of a login's aggregate state: the sum over all its identities, with its own baseline and ceiling. `*` is
 * no sub any identity source yields (they are header values and client addresses), so it names no identity.
 */
export const loginKey = (account: string) => `${account}/*`;
/** The account (login) part of an identity key. */
export const accountOf = (key: string) => (key.includes('/') ? key.slice(0, key.indexOf('/')) : key);

export interface Assessment {
  evidence: Evidence[];
  /** Sum of the evidence scores. */
  risk: number;
  trust: number;
  /** Messages in the last hour, and how many this identity may send per hour before mail is deferred. */
  hourMessages: number;
  hourLimit: number;
  /** The same for the login, summed over its identities. */
  loginHourMessages: number;
  loginHourLimit: number;
  /**
   * Set when this message's identity is new to its login and more than `limit` identities of the login were first
   * seen within the last hour: `count` of them.
   */
  newIdentitiesOverCap: { count: number; limit: number } | null;
}

/** What the message being judged adds to the identity's windows. */
interface MessageAddition {
  messages: number;
  recipients: number;
  newDomainRecipients: number;
  newFroms: number;
  spread: ContentSpread;
  authFlags: SignalInput['authFlags'];
  newLinks: string[];
  newLinkRecipients: number;
  newLinkStrangers: number;
  /** Identities of the login that sent links new to it to strangers within the hour (0: this message did not). */
  outreachIdentities: number;
  stopped: StoppedMatch;
}

const NOTHING: MessageAddition = {
  messages: 0,
  recipients: 0,
  newDomainRecipients: 0,
  newFroms: 0,
  spread: NO_SPREAD,
  authFlags: [],
  newLinks: [],
  newLinkRecipients: 0,
  newLinkStrangers: 0,
  outreachIdentities: 0,
  stopped: NO_STOPPED_MATCH,
};

export interface AuthSettings {
  failureWindowMs: number;
  signalMs: number;
  failureBurst: number;
}

/**
 * Whether a stop judged the message itself (content, behaviour, or both beyond the suspension score): its text then
 * says something about the login's other mail. A refusal because the identity was already suspended refuses its
 * ordinary mail unread, and a hold for the new-identity cap is about the identity, not the text.
 */
const judgedTheMessage = (r: RefusalRecord) => r.verdict === 'suspend' || r.code === 'MW-HELD' || r.code === 'MW-SPAM';

export function createBehaviour(store: CounterStore, campaigns: CampaignTracker, stoppedContent: StoppedContent, outreach: NewLinkOutreach) {
  function newDomainCount(state: IdentityState, recipients: string[]): number {
    return recipients.filter((r) => !state.domains.has(domainOf(r))).length;
  }

  function authFlags(account: string, clientIp: string, now: number) {
    const flags = store.findLogin(account)?.flagged.get(clientIp) ?? [];
    return flags.filter((f) => f.until > now);
  }

  function hourLimit(state: IdentityState, t: PolicyThresholds): number {
    const earned = Math.max(t.newIdentityPerHour, Math.ceil(t.hourHeadroom * state.baseline.peakHour));
    return t.maxPerHour > 0 ? Math.min(t.maxPerHour, earned) : earned;
  }

  function loginHourLimit(login: IdentityState, t: PolicyThresholds): number {
    const earned = Math.max(t.loginNewPerHour, Math.ceil(t.hourHeadroom * login.baseline.peakHour));
    return t.loginMaxPerHour > 0 ? Math.min(t.loginMaxPerHour, earned) : earned;
  }

  /**
   * Note a new identity of the login and say whether it is past the hour's cap. The login's first day is exempt: a
   * server moved to the relay brings all its identities at once, and none of them is new to its owner.
   */
  function newIdentityCap(login: IdentityState, key: string, isNew: boolean, t: PolicyThresholds, now: number): Assessment['newIdentitiesOverCap'] {
    login.newIdentities = login.newIdentities.filter(([, at]) => at > now - HOUR);
    if (isNew && login.newIdentities.length < MAX_NEW_IDENTITIES) login.newIdentities.push([key, now]);
    const position = login.newIdentities.findIndex(([k]) => k === key);
    if (t.newIdentitiesPerLoginHour === 0 || position < t.newIdentitiesPerLoginHour || now - login.firstSeen < DAY) return null;
    return { count: login.newIdentities.length, limit: t.newIdentitiesPerLoginHour };
  }

  /** Link domains neither the identity nor its login linked to before the last day (`links` keeps first use). */
  function newLinks(state: IdentityState, login: IdentityState, domains: string[], now: number): string[] {
    const known = (s: IdentityState, d: string) => (s.links.get(d) ?? now) <= now - DAY;
    return domains.filter((d) => !known(state, d) && !known(login, d));
  }

  /** The signals' input: the identity's windows plus what the message at hand adds (nothing for a report). */
  function signalInput(state: IdentityState, login: IdentityState | undefined, t: PolicyThresholds, now: number, add: MessageAddition): SignalInput {
    const minute = ringSums(state.minute, now);
    const hour = ringSums(state.hour, now);
    const day = ringSums(state.day, now);
    return {
      t,
      trust: trust(state.baseline, t.trustDays),
      prior: login && now - login.firstSeen >= DAY ? t.newIdentityPriorWeight : 0,
      // The minute ring counts attempts as they are judged (see assess), so this message is already in it.
      minuteMessages: minute.messages,
      peakMinute: state.baseline.peakMinute,
      hourMessages: hour.messages + add.messages,
      expectedHour: expectedHour(state.baseline, now),
      hourRecipients: hour.recipients + add.recipients,
      hourNewDomainRecipients: hour.newDomainRecipients + add.newDomainRecipients,
      hourNewFroms: hour.newFromAddresses + add.newFroms,
      repeatRecipients: add.spread.identityRecipients,
      peakRepeat: state.baseline.peakRepeat,
      repeatDayRecipients: add.spread.identityDayRecipients,
      peakRepeatDay: state.baseline.peakRepeatDay,
      loginCampaignIdentities: add.spread.loginIdentities,
      loginCampaignRecipients: add.spread.loginStrangers,
      campaignIdentities: add.spread.identities,
      campaignRecipients: add.spread.recipients,
      dayRecipients: day.recipients + add.recipients,
      dayNewDomainRecipients: day.newDomainRecipients + add.newDomainRecipients,
      newLinks: add.newLinks,
      dayNewLinkRecipients: day.newLinkRecipients + add.newLinkRecipients,
      dayNewLinkStrangers: day.newLinkStrangers + add.newLinkStrangers,
      loginNewLinkIdentities: add.outreachIdentities,
      dayRefused: day.refused + day.held,
      stoppedCopies: add.stopped.copies,
      stoppedIdentities: add.stopped.identities,
      dayDelivered: day.delivered,
      dayBounced: day.bounced,
      dayUnknownRecipients: day.unknownRecipients,
      dayComplaints: day.complaints,
      dayBlockNamings: day.blockNamings,
      dayBlockRisk: day.blockRisk,
      authFlags: add.authFlags,
    };
  }

  return {
    assess(facts: MessageFacts, t: PolicyThresholds, now: number): Assessment {
      const isNew = store.findIdentity(facts.identityKey) === undefined;
      const state = store.identity(facts.identityKey, now);
      const login = store.identity(loginKey(facts.account), now);
      touch(state, now);
      touch(login, now);
      // Bursts count attempts at once, refused ones too: concurrent sessions of one sender must see each other
      // before any of them is queued, and a burst of refused spam is still a burst.
      for (const s of [state, login]) addToRing(s.minute, now, { messages: 1, recipients: facts.recipients.length });
      const strangers = newDomainCount(state, facts.recipients);
      const spread = campaigns.record({ ...facts, recipients: facts.recipients.length, strangers }, now);
      const fresh = newLinks(state, login, facts.linkDomains, now);
      const fromIsNew = facts.fromAddress !== '' && !state.froms.has(facts.fromAddress);
      const evidence = allSignals(
        signalInput(state, login, t, now, {
          messages: 1,
          recipients: facts.recipients.length,
          newDomainRecipients: strangers,
          newFroms: fromIsNew ? 1 : 0,
          spread,
          authFlags: authFlags(facts.account, facts.clientIp, now),
          newLinks: fresh,
          newLinkRecipients: fresh.length > 0 ? facts.recipients.length : 0,
          newLinkStrangers: fresh.length > 0 ? strangers : 0,
          outreachIdentities: fresh.length > 0 && strangers > 0 ? outreach.note(facts.account, facts.identityKey, now) : 0,
          stopped: stoppedContent.match(facts.account, facts.identityKey, facts.sketch, now),
        }),
      );
      return {
        evidence,
        risk: evidence.reduce((sum, e) => sum + e.score, 0),
        trust: trust(state.baseline, t.trustDays),
        hourMessages: ringSums(state.hour, now).messages,
        hourLimit: hourLimit(state, t),
        loginHourMessages: ringSums(login.hour, now).messages,
        loginHourLimit: loginHourLimit(login, t),
        newIdentitiesOverCap: newIdentityCap(login, facts.identityKey, isNew, t, now),
      };
    },

    /** Count a message that was accepted (delivered or held): it becomes part of the identity's and login's history. */
    record(facts: MessageFacts, now: number, held = false): void {
      const repeat = campaigns.peek(facts, now);
      const identity = store.identity(facts.identityKey, now);
      const login = store.identity(loginKey(facts.account), now);
      const withNewLinks = newLinks(identity, login, facts.linkDomains, now).length > 0;
      const newLinkRecipients = withNewLinks ? facts.recipients.length : 0;
      for (const state of [identity, login]) {
        touch(state, now);
        // Counted before remembering, so that every recipient at a domain new to it counts, as in assess().
        const newDomainRecipients = newDomainCount(state, facts.recipients);
        for (const rcpt of facts.recipients) remember(state.domains, domainOf(rcpt), now, MAX_KNOWN_DOMAINS);
        const newFrom = facts.fromAddress !== '' && remember(state.froms, facts.fromAddress, now, MAX_KNOWN_FROMS);
        // Held mail is not the sender's own usage yet: its links are learnt when it is sent.
        if (!held) for (const d of facts.linkDomains) firstUse(state.links, d, now, MAX_KNOWN_LINKS);
        const delta = { messages: 1, recipients: facts.recipients.length, newDomainRecipients, newFromAddresses: newFrom ? 1 : 0, held: held ? 1 : 0, newLinkRecipients,
          newLinkStrangers: withNewLinks ? newDomainRecipients : 0 };
        for (const ring of [state.hour, state.day]) addToRing(ring, now, delta);
        countMessage(state.period);
        const own = state.key === facts.identityKey;
        notePeaks(state.period, ringSums(state.minute, now).messages, own ? repeat.identityRecipients : repeat.loginRecipients, own ? repeat.identityDayRecipients : 0);
      }
    },

    /**
     * A refused or held message: counted against the identity (a sender refused again and again shows it) and kept
     * for `senders show`. Refused mail adds to the refused count here; held mail was counted by `record`.
     */
    stopped(facts: MessageFacts, r: RefusalRecord, now: number): void {
      const state = store.identity(facts.identityKey, now);
      touch(state, now);
      if (r.verdict !== 'quarantine') for (const ring of [state.hour, state.day]) addToRing(ring, now, { refused: 1 });
      state.refusals.push(r);
      if (state.refusals.length > MAX_REFUSALS) state.refusals.shift();
      if (judgedTheMessage(r)) stoppedContent.add(facts.account, facts.identityKey, facts.sketch, now);
    },

    /** A day on which the identity's mail was held or refused does not count towards trust. */
    flag(identityKey: string, now: number): void {
      const state = store.identity(identityKey, now);
      touch(state, now);
      state.period.dayFlagged = true;
    },

    authAttempt(a: { username: string; clientIp: string; success: boolean; now: number }, s: AuthSettings): void {
      if (!a.success) {
        // Only logins that once succeeded are tracked: guessed user names must not grow the store.
        const known = store.findLogin(a.username);
        if (!known) return;
        known.failures = known.failures.filter((at) => at > a.now - s.failureWindowMs);
        if (known.failures.length < 10_000) known.failures.push(a.now);
        store.login(a.username); // counted as changed
        return;
      }
      const login = store.login(a.username);
      login.failures = login.failures.filter((at) => at > a.now - s.failureWindowMs);
      const flags = (login.flagged.get(a.clientIp) ?? []).filter((f) => f.until > a.now);
      const until = a.now + s.signalMs;
      if (login.failures.length >= s.failureBurst)
        flags.push({ signal: 'auth-failures', until, detail: `${login.failures.length} failed AUTH attempts for this login just before this success` });
      const network = clientNetwork(a.clientIp);
      if (login.networks.size > 0 && !login.networks.has(network))
        flags.push({ signal: 'new-network', until, detail: `AUTH from ${network}, a network never seen for this login` });
      remember(login.networks, network, a.now, MAX_KNOWN_NETWORKS);
      login.failures = [];
      for (const [ip, held] of login.flagged) if (held.every((f) => f.until <= a.now)) login.flagged.delete(ip);
      if (flags.length > 0) login.flagged.set(a.clientIp, flags);
      else login.flagged.delete(a.clientIp);
    },

    /** A final delivery outcome of one recipient. */
    deliveryResult(identityKey: string, outcome: 'delivered' | 'bounced', reason: Reason, now: number): void {
      const state = store.identity(identityKey, now);
      const delta = outcome === 'delivered' ? { delivered: 1 } : { bounced: 1, unknownRecipients: reason === 'userunknown' ? 1 : 0 };
      addToRing(state.day, now, delta);
    },

    /** A spam complaint traced to this identity. */
    complaint(identityKey: string, now: number): void {
      addToRing(store.identity(identityKey, now).day, now, { complaints: 1 });
    },

    /** A provider's block named this identity as a likely cause, with `risk` its share of the blame (0..1). */
    blockSuspect(identityKey: string, risk: number, now: number): void {
      addToRing(store.identity(identityKey, now).day, now, { blockNamings: 1, blockRisk: risk });
    },

    /** Counters and baseline of one identity for reports; undefined when it never sent. */
    report(identityKey: string, t: PolicyThresholds, now: number) {
      const state = store.findIdentity(identityKey);
      if (!state) return undefined;
      const windows: Record<'minute' | 'hour' | 'day', MetricCounts> = {
        minute: ringSums(state.minute, now),
        hour: ringSums(state.hour, now),
        day: ringSums(state.day, now),
      };
      const signals = allSignals(signalInput(state, store.findIdentity(loginKey(accountOf(identityKey))), t, now, NOTHING));
      return {
        key: state.key,
        /** Risk standing now, from the windows alone (no message at hand). */
        risk: signals.reduce((sum, e) => sum + e.score, 0),
        signals,
        firstSeen: state.firstSeen,
        lastSeen: state.lastSeen,
        trust: trust(state.baseline, t.trustDays),
        baseline: state.baseline,
        windows,
        hourLimit: hourLimit(state, t),
        knownDomains: state.domains.size,
        knownFromAddresses: state.froms.size,
        knownLinkDomains: state.links.size,
        /** The latest refused or held messages, newest first. */
        refusals: [...state.refusals].reverse(),
        /** On a login's aggregate (`account/*`): identities first seen in the last hour. */
        newIdentitiesLastHour: state.newIdentities.filter(([, at]) => at > now - HOUR).map(([key]) => key),
      };
    },
  };
}

export type Behaviour = ReturnType<typeof createBehaviour>;
