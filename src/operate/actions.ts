// Every change an operator (or an end user asking for review) can make, in one place for the API, the console and
// the end-user page: each does the change, writes the audit log and tells the webhooks. Bulk changes report per id.
import { generatePassword, hashPassword } from '../accounts/password.js';
import { AccountExistsError, type AccountStore } from '../accounts/types.js';
import { classifyReply, type Classification, type Phase } from '../classify/index.js';
import type { SuppressionList } from '../feedback/suppressions.js';
import type { QueueStore } from '../queue/store.js';
import type { RouteStore } from '../routes/store.js';
import type { AuditLog } from './audit.js';
import { NotFoundError, type DecideData } from './data/decide.js';
import { createRouteActions } from './route-actions.js';
import type { WebhookEvent, WebhookPayload } from './webhooks/events.js';
import type { Webhook, WebhookStore } from './webhooks/store.js';

export interface ActionDeps {
  store: QueueStore;
  accounts: AccountStore;
  decide: DecideData;
  audit: AuditLog;
  /** Webhooks of events that do not pass through the queue's event stream. */
  publish: (payload: WebhookPayload) => void;
  webhooks: WebhookStore;
  /** Called after a registration changed, so the dispatcher reads them again. */
  webhooksChanged: () => void;
  routes: RouteStore;
  suppressions: SuppressionList;
  /** The operator's policy on end users lifting their own suspension (`enduser.selfReinstate`). */
  selfReinstate: 'never' | 'lowRisk';
  /** Risk below which an identity of this account counts as low-risk (its `tagScore`). */
  lowRiskBelow: (account: string) => number;
  clock: () => number;
}

/** Why an end user's own reinstatement was refused, in words for them; null when it was done. */
export type SelfReinstateResult = { ok: true } | { ok: false; why: string };

export type BulkResult = Array<{ id: string; ok: true } | { id: string; ok: false; error: string }>;

/** A change refused for a reason the caller can fix (HTTP 409), e.g. an account name already taken. */
export class ConflictError extends Error {}

export function createActions(deps: ActionDeps) {
  const { store, accounts, decide, audit, publish, webhooks, webhooksChanged, routes, suppressions, clock } = deps;

  /**
   * The suspension an identity may lift itself now (its own, or its whole account's, as the decide stage applies
   * them), or why not (see `enduser.selfReinstate`).
   */
  function selfReinstatable(identity: string, now: number): { key: string } | { why: string } {
    if (deps.selfReinstate === 'never') return { why: 'your provider reviews every suspension: ask for a review' };
    const account = identity.split('/')[0]!;
    const key = [identity, account].find((k) => decide.sender(k, now)?.suspended);
    if (!key) return { why: 'this sender is not suspended' };
    if (decide.sender(key, now)!.suspension!.by !== 'policy') return { why: 'an operator suspended this sender: ask for a review' };
    if (audit.list({ action: 'sender.self-reinstate', target: key, limit: 1 }).length > 0) return { why: 'this sender has already lifted a suspension itself once: ask for a review' };
    const risk = Math.max(...[identity, key].map((k) => decide.sender(k, now)?.counters?.risk ?? 0));
    const below = deps.lowRiskBelow(account);
    if (risk >= below) return { why: `the unusual sending has not calmed down yet (risk ${Math.round(risk * 10) / 10}, needs to be below ${below}): try later or ask for a review` };
    return { key };
  }
  const log = (who: string, action: string, target: string, detail: Record<string, unknown> = {}) =>
    audit.record({ at: clock(), who, action, target, detail });

  /** Apply `one` to each id; the ones that fail are reported, the others done and audited. */
  function bulk(who: string, action: string, ids: readonly string[], one: (id: string, now: number) => void): BulkResult {
    return ids.map((id) => {
      try {
        one(id, clock());
        log(who, action, id);
        return { id, ok: true as const };
      } catch (err) {
        if (err instanceof NotFoundError) return { id, ok: false as const, error: err.message };
        throw err;
      }
    });
  }

  return {
    ...createRouteActions({ routes, suppressions, audit, clock }),
    retryMessages: (who: string, ids: readonly string[]) =>
      bulk(who, 'message.retry', ids, (id, now) => {
        if (!store.show(id)) throw new NotFoundError(`no message ${id}`);
        store.retry(id, now);
      }),
    deleteMessages: (who: string, ids: readonly string[]) =>
      bulk(who, 'message.delete', ids, (id, now) => {
        if (!store.remove(id, now)) throw new NotFoundError(`no message ${id}`);
      }),
    releaseHeld: (who: string, ids: readonly string[]) => bulk(who, 'quarantine.release', ids, (id, now) => decide.release(id, now, who)),
    deleteHeld: (who: string, ids: readonly string[], asSpam = false) =>
      bulk(who, asSpam ? 'quarantine.delete-spam' : 'quarantine.delete', ids, (id, now) => decide.dropHeld(id, now, who, asSpam)),

    suspendSender(who: string, key: string, minutes: number, reason: string): void {
      const now = clock();
      decide.suspend(key, { now, minutes, reason });
      log(who, 'sender.suspend', key, { minutes, reason });
      publish({ event: 'sender-suspended', at: now, data: { identity: key, by: who, minutes, reason } });
    },
    /** False when the identity was not suspended. */
    reinstateSender(who: string, key: string): boolean {
      const now = clock();
      if (!decide.reinstate(key, now)) return false;
      log(who, 'sender.reinstate', key);
      publish({ event: 'sender-reinstated', at: now, data: { identity: key, by: who } });
      return true;
    },
    /** Whether the page should offer the end user to lift the suspension (the same checks as selfReinstate). */
    maySelfReinstate: (identity: string) => 'key' in selfReinstatable(identity, clock()),
    /**
     * The end user lifts their identity's suspension, once, when the operator's policy allows it for a low-risk
     * identity. Every attempt is in the audit log: done, or refused with why.
     */
    selfReinstate(identity: string): SelfReinstateResult {
      const now = clock();
      const who = `enduser:${identity}`;
      const found = selfReinstatable(identity, now);
      if ('why' in found || !decide.reinstate(found.key, now)) {
        const why = 'why' in found ? found.why : 'this sender is not suspended';
        log(who, 'sender.self-reinstate-refused', identity, { why });
        return { ok: false, why };
      }
      log(who, 'sender.self-reinstate', found.key);
      publish({ event: 'sender-reinstated', at: now, data: { identity: found.key, by: who } });
      return { ok: true };
    },
    /** Recorded for the operator (audit log, webhooks); the decision stays theirs. */
    requestReview(identity: string, note: string): void {
      const now = clock();
      log(`enduser:${identity}`, 'review.request', identity, { note });
      publish({ event: 'review-requested', at: now, data: { identity, note } });
    },

    /** The new registration, with the signing secret (shown once). */
    addWebhook(who: string, url: string, events: WebhookEvent[]): Webhook {
      const hook = webhooks.add(url, events, clock());
      log(who, 'webhook.add', String(hook.id), { url, events });
      webhooksChanged();
      return hook;
    },
    removeWebhook(who: string, id: number): boolean {
      if (!webhooks.remove(id)) return false;
      log(who, 'webhook.remove', String(id));
      webhooksChanged();
      return true;
    },

    /** Returns the generated password when none was given (shown once). */
    async addAccount(who: string, a: { name: string; password?: string; login: boolean; domains: string[]; enforceDomains: boolean }): Promise<string | null> {
      const password = a.login ? (a.password ?? generatePassword()) : null;
      try {
        await accounts.add({ name: a.name, passwordHash: password ? await hashPassword(password) : '', allowedDomains: a.domains, enforceDomains: a.enforceDomains, createdAt: clock() });
      } catch (err) {
        if (err instanceof AccountExistsError) throw new ConflictError(err.message);
        throw err;
      }
      log(who, 'account.add', a.name, { login: a.login, domains: a.domains, enforceDomains: a.enforceDomains });
      return a.login && !a.password ? password : null;
    },
    async setPassword(who: string, name: string, password: string): Promise<boolean> {
      if (!(await accounts.setPassword(name, await hashPassword(password)))) return false;
      log(who, 'account.password', name); // never the password
      return true;
    },
    async suspendAccount(who: string, name: string, reason: string): Promise<boolean> {
      if (!(await accounts.setSuspended(name, true, reason))) return false;
      log(who, 'account.suspend', name, { reason });
      return true;
    },
    async reinstateAccount(who: string, name: string): Promise<boolean> {
      if (!(await accounts.setSuspended(name, false, ''))) return false;
      log(who, 'account.reinstate', name);
      return true;
    },
    async deleteAccount(who: string, name: string): Promise<boolean> {
      if (!(await accounts.delete(name))) return false;
      log(who, 'account.delete', name);
      return true;
    },
  };
}

export type Actions = ReturnType<typeof createActions>;

/** The explain box and `POST /explain`: one reply classified by the built-in rules (reading, no change). */
export function explainReply(text: string, phase?: Phase, mx?: string): Classification {
  return classifyReply({ text, ...(phase ? { phase } : {}), ...(mx ? { mx } : {}) });
}
