// The reputation stage: what the relay knows about each sender identity and login over time (counters, baselines,
// campaign fingerprints, AUTH history, suspensions), and the evidence it gives the decide stage. One entry point,
// createReputation, used by the relay, the compromise simulation and the operator's `senders` command alike.
//
// It learns from four places, each through a typed call or event:
// - the decide stage, per message: assess (evidence, counts the attempt), record (an accepted message), flag;
// - the accept stage, per AUTH attempt: authAttempt;
// - the queue's event stream (delivery outcomes): onEvents, registered on the store the way metrics are;
// - the feedback stage: recordBounce and recordComplaint (late bounces and feedback-loop complaints traced back to an
//   identity), recordBlockSuspect (a provider's block named the identity as a likely cause).
import type { Config, PolicyThresholds } from '../config/schema.js';
import type { Reason } from '../classify/types.js';
import type { TimelineEvent } from '../queue/events.js';
import { identityKey, type Evidence, type SenderIdentity } from '../shared/types.js';
import type { Db } from '../store/sqlite.js';
import { createCampaignTracker, MAX_CAMPAIGNS } from './campaign.js';
import { sqliteCampaignRows } from './campaign-rows.js';
import { recentSamples } from './samples.js';
import { createNewLinkOutreach, NEW_LINK_OUTREACH_TABLE, NEW_LINK_OUTREACH_WINDOW_MS } from './new-link-outreach.js';
import { createStoppedContent, STOPPED_CONTENT_TABLE, STOPPED_CONTENT_WINDOW_MS } from './stopped-content.js';
import { sqliteWindowJournal } from './window-journal.js';
import { createSqliteCounterStore } from './sqlite-counter-store.js';
import { createSuspensions, isInForce, operatorSuspension, type Suspension } from './suspensions.js';
import type { RefusalRecord } from './state.js';
import { accountOf, createBehaviour, type Assessment, type MessageFacts } from './tracker.js';

export type { Assessment, MessageFacts } from './tracker.js';
export { loginKey } from './tracker.js';
export type { RefusalRecord } from './state.js';
export type { Suspension, SuspensionEvidence } from './suspensions.js';

/** The account's thresholds: the defaults with the account's overrides on top. */
export function thresholdsFor(config: Config, account: string): PolicyThresholds {
  return { ...config.policy.thresholds, ...config.policy.accounts[account] };
}

/** An AUTH attempt as the accept stage saw it (for "new network for this login" and "failures before success"). */
export interface AuthAttempt {
  username: string;
  clientIp: string;
  success: boolean;
  now: number;
}

/** The identity a report is traced to: account and sub, as the trace header carries them. */
export type TracedIdentity = Pick<SenderIdentity, 'account' | 'sub'>;

export interface ReputationOptions {
  config: Config;
  db: Db;
  /** Time for the calls that pass none (reports traced later); per-message calls pass the accept stage's `now`. */
  clock?: () => number;
  /** The queue store, whose committed events feed the delivery counters; without it (the CLI) none are counted. */
  events?: { onEvents(listener: (events: TimelineEvent[]) => void): void };
}


const DAY_MS = 24 * 3_600_000;

export function createReputation(opts: ReputationOptions) {
  const { config, db } = opts;
  const clock = opts.clock ?? Date.now;
  const flushMs = config.policy.flushMs;
  const counters = createSqliteCounterStore(db, { flushMs });
  const journals = [
    sqliteWindowJournal(db, STOPPED_CONTENT_TABLE, STOPPED_CONTENT_WINDOW_MS, { flushMs }),
    sqliteWindowJournal(db, NEW_LINK_OUTREACH_TABLE, NEW_LINK_OUTREACH_WINDOW_MS, { flushMs }),
  ] as const;
  // The campaigns touched in the last day (their longest window), as written up to the last batch before a stop or crash.
  const campaignRows = sqliteCampaignRows(db, { flushMs });
  const campaigns = createCampaignTracker(campaignRows.load(clock() - DAY_MS, MAX_CAMPAIGNS), campaignRows);
  const behaviour = createBehaviour(
    counters,
    campaigns,
    createStoppedContent(journals[0], clock()),
    createNewLinkOutreach(journals[1], clock()),
  );
  const suspensions = createSuspensions(db);
  const samples = recentSamples();
  const authSettings = {
    failureWindowMs: config.policy.authFailureWindowMinutes * 60_000,
    signalMs: config.policy.authSignalMinutes * 60_000,
  };

  /** A hard bounce counts against the identity's list quality; an unknown address also counts as one. */
  function recordBounce(key: string, reason: Reason, now: number): void {
    behaviour.deliveryResult(key, 'bounced', reason, now);
  }

  function onEvents(events: TimelineEvent[]): void {
    for (const e of events) {
      if (e.type === 'delivered' || e.type === 'bounced') behaviour.deliveryResult(e.data.identity, e.type, e.data.reason, e.at);
      // Deferrals and expiries say nothing about the sender's list quality yet.
    }
  }
  opts.events?.onEvents(onEvents);

  function report(key: string, now: number) {
    const counters = behaviour.report(key, thresholdsFor(config, accountOf(key)), now);
    const s = suspensions.find(key);
    return { identity: key, suspended: s ? isInForce(s, now) : false, suspension: s ?? null, counters: counters ?? null };
  }

  return {
    /** Evidence about the sender for one message being judged; counts the attempt for bursts (refused ones too). */
    assess(facts: MessageFacts, now: number): Assessment {
      samples.add(facts.identityKey, facts.subject, facts.fingerprint);
      return behaviour.assess(facts, thresholdsFor(config, facts.account), now);
    },
    /** An accepted message (queued, or held: `held`) joins the identity's and its login's history. */
    record: (facts: MessageFacts, now: number, held = false) => behaviour.record(facts, now, held),
    /** A refused or held message: counts against the identity and is listed by `senders show`. */
    stopped: (facts: MessageFacts, record: RefusalRecord, now: number) => behaviour.stopped(facts, record, now),
    /** The identity's mail was held or refused today: the day does not count towards trust. */
    flag: (identity: SenderIdentity, now: number) => behaviour.flag(identityKey(identity), now),
    authAttempt(attempt: AuthAttempt): void {
      const t = thresholdsFor(config, attempt.username);
      behaviour.authAttempt(attempt, { ...authSettings, failureBurst: t.authFailureBurst });
    },

    /** The queue store's event listener (delivery outcomes); registered by createReputation when given `events`. */
    onEvents,
    /**
     * A bounce traced to the identity after delivery (a late DSN), counted as a bounce at delivery is. The identity
     * is what a verified trace header names (account and sub).
     */
    recordBounce: (identity: TracedIdentity, reason: Reason, now = clock()) => recordBounce(identityKey(identity), reason, now),
    /** A spam complaint (a feedback-loop report) traced to the identity. */
    recordComplaint: (identity: TracedIdentity, now = clock()) => behaviour.complaint(identityKey(identity), now),
    /** A provider blocked the relay and named this identity key a likely cause; `risk` is its share of blame (0..1). */
    recordBlockSuspect: (key: string, risk: number, now = clock()) => behaviour.blockSuspect(key, risk, now),

    /** The suspension in force for the identity, or for its whole account (the login or network name). */
    suspensionOf(identity: SenderIdentity, now: number): Suspension | undefined {
      return suspensions.active(identityKey(identity), now) ?? (identity.sub ? suspensions.active(identity.account, now) : undefined);
    },
    /** Suspend the identity by policy, recording the evidence, its counters and what it was sending. */
    suspendByPolicy(identity: SenderIdentity, evidence: Evidence[], now: number): Suspension {
      const key = identityKey(identity);
      const t = thresholdsFor(config, identity.account);
      const r = behaviour.report(key, t, now);
      const s: Suspension = {
        identity: key,
        since: now,
        until: t.suspendMinutes === 0 ? 0 : now + t.suspendMinutes * 60_000,
        by: 'policy',
        reason: evidence.filter((e) => e.score > 0).map((e) => e.name).join(', '),
        evidence: {
          signals: evidence,
          counts: {
            lastMinute: r?.windows.minute.messages ?? 0,
            lastHour: r?.windows.hour.messages ?? 0,
            lastDay: r?.windows.day.messages ?? 0,
            recipientsLastHour: r?.windows.hour.recipients ?? 0,
            usualPeakMinute: r?.baseline.peakMinute ?? 0,
            usualPeakHour: r?.baseline.peakHour ?? 0,
          },
          sampleSubjects: samples.subjects(key),
          fingerprints: samples.fingerprints(key),
        },
        reinstatedAt: null,
      };
      suspensions.suspend(s);
      return s;
    },
    /** An operator's suspension of an identity key (account or account/sub); `until` 0 = until reinstated. */
    suspendByOperator: (key: string, reason: string, now: number, until = 0) => suspensions.suspend(operatorSuspension(key, reason, now, until)),
    /** Lift a suspension; false when none was in force. */
    reinstate: (key: string, now: number) => suspensions.reinstate(key, now),

    /** What an operator sees about one identity key: counters, baseline, risk and suspension. */
    report,
    /**
     * Every identity key with counters or a suspension, sorted. A login's aggregate (`account/*`) is no identity (it
     * cannot be suspended or send): `report` shows it, the listings leave it out.
     */
    keys: () => [...new Set([...counters.identityKeys().filter((k) => !k.endsWith('/*')), ...suspensions.list().map((s) => s.identity)])].sort(),

    /** Write the counters' last batch. */
    close: () => {
      for (const j of journals) j.close();
      campaignRows.close();
      counters.close();
    },
  };
}

export type Reputation = ReturnType<typeof createReputation>;
export type SenderReport = ReturnType<Reputation['report']>;
