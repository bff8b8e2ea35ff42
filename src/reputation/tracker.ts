// The behaviour stage: keeps every identity's counters and baseline, and turns them into evidence for one message.
// `assess` looks without counting (a refused message must not teach the baseline); `record` counts an accepted one.
import type { Reason } from '../classify/types.js';
import type { PolicyThresholds } from '../config/schema.js';
import type { Evidence } from '../shared/types.js';
import { countMessage, expectedHour, notePeaks, trust } from './baseline.js';
import type { CampaignTracker, ContentSpread } from './campaign.js';
import type { CounterStore } from './counter-store.js';
import { clientNetwork } from './network.js';
import { addToRing, ringSums, type MetricCounts } from './ring.js';
import { allSignals, type SignalInput } from './signals.js';
import { MAX_KNOWN_DOMAINS, MAX_KNOWN_FROMS, MAX_KNOWN_NETWORKS, remember, touch, type IdentityState } from './state.js';
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
}

export interface Assessment {
  evidence: Evidence[];
  /** Sum of the evidence scores. */
  risk: number;
  trust: number;
  /** Messages in the last hour, and how many this identity may send per hour before mail is deferred. */
  hourMessages: number;
  hourLimit: number;
}

/** What the message being judged adds to the identity's windows. */
interface MessageAddition {
  messages: number;
  recipients: number;
  newDomainRecipients: number;
  newFroms: number;
  spread: ContentSpread;
  authFlags: SignalInput['authFlags'];
}

const NOTHING: MessageAddition = {
  messages: 0,
  recipients: 0,
  newDomainRecipients: 0,
  newFroms: 0,
  spread: { identityRecipients: 0, identities: 0, recipients: 0 },
  authFlags: [],
};

export interface AuthSettings {
  failureWindowMs: number;
  signalMs: number;
  failureBurst: number;
}

export function createBehaviour(store: CounterStore, campaigns: CampaignTracker) {
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

  /** The signals' input: the identity's windows plus what the message at hand adds (nothing for a report). */
  function signalInput(state: IdentityState, t: PolicyThresholds, now: number, add: MessageAddition): SignalInput {
    const minute = ringSums(state.minute, now);
    const hour = ringSums(state.hour, now);
    const day = ringSums(state.day, now);
    return {
      t,
      trust: trust(state.baseline, t.trustDays),
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
      campaignIdentities: add.spread.identities,
      campaignRecipients: add.spread.recipients,
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
      const state = store.identity(facts.identityKey, now);
      touch(state, now);
      // Bursts count attempts at once, refused ones too: concurrent sessions of one sender must see each other
      // before any of them is queued, and a burst of refused spam is still a burst.
      addToRing(state.minute, now, { messages: 1, recipients: facts.recipients.length });
      const spread = facts.fingerprint
        ? campaigns.record(facts.fingerprint, facts.identityKey, facts.recipients.length, now)
        : { identityRecipients: 0, identities: 0, recipients: 0 };
      const fromIsNew = facts.fromAddress !== '' && !state.froms.has(facts.fromAddress);
      const evidence = allSignals(
        signalInput(state, t, now, {
          messages: 1,
          recipients: facts.recipients.length,
          newDomainRecipients: newDomainCount(state, facts.recipients),
          newFroms: fromIsNew ? 1 : 0,
          spread,
          authFlags: authFlags(facts.account, facts.clientIp, now),
        }),
      );
      return {
        evidence,
        risk: evidence.reduce((sum, e) => sum + e.score, 0),
        trust: trust(state.baseline, t.trustDays),
        hourMessages: ringSums(state.hour, now).messages,
        hourLimit: hourLimit(state, t),
      };
    },

    /** Count a message that was accepted (delivered or held): it becomes part of the identity's history. */
    record(facts: MessageFacts, now: number): void {
      const state = store.identity(facts.identityKey, now);
      touch(state, now);
      // Counted before remembering, so that every recipient at a domain new to it counts, as in assess().
      const newDomainRecipients = newDomainCount(state, facts.recipients);
      for (const rcpt of facts.recipients) remember(state.domains, domainOf(rcpt), now, MAX_KNOWN_DOMAINS);
      const newFrom = facts.fromAddress !== '' && remember(state.froms, facts.fromAddress, now, MAX_KNOWN_FROMS);
      const delta = { messages: 1, recipients: facts.recipients.length, newDomainRecipients, newFromAddresses: newFrom ? 1 : 0 };
      for (const ring of [state.hour, state.day]) addToRing(ring, now, delta);
      countMessage(state.period);
      const repeat = facts.fingerprint ? campaigns.peek(facts.fingerprint, facts.identityKey, now).identityRecipients : 0;
      notePeaks(state.period, ringSums(state.minute, now).messages, repeat);
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
      const signals = allSignals(signalInput(state, t, now, NOTHING));
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
      };
    },
  };
}

export type Behaviour = ReturnType<typeof createBehaviour>;
