// An operator's changes to routes (pause, resume) and to the suppression list (add, remove), each written to the
// audit log. One implementation for every door: the admin API and the console (through actions.ts) and the CLI
// (`mailwarden routes`, `mailwarden suppressions`), so a change reads the same in the audit log whoever made it.
import type { Suppression, SuppressionList } from '../feedback/suppressions.js';
import type { RouteStore } from '../routes/store.js';
import type { AuditLog } from './audit.js';

export interface RouteActionDeps {
  routes: RouteStore;
  suppressions: SuppressionList;
  audit: AuditLog;
  clock: () => number;
}

export function createRouteActions({ routes, suppressions, audit, clock }: RouteActionDeps) {
  const log = (who: string, action: string, target: string, detail: Record<string, unknown> = {}) =>
    audit.record({ at: clock(), who, action, target, detail });
  return {
    /** Stop sending from `source` to `provider` ('*' = every destination); `minutes` 0 = until resumed. */
    pauseRoute(who: string, source: string, provider: string, minutes: number, reason: string): void {
      const now = clock();
      routes.put({ source, provider, status: 'paused', since: now, until: minutes === 0 ? 0 : now + minutes * 60_000, rate: 0, ceiling: 0, why: reason, reply: '', by: 'operator' });
      log(who, 'route.pause', `${source} ${provider}`, { minutes, reason });
    },
    /** Lift the pause or slowdown of a source toward a provider (or all of them); returns how many routes. */
    resumeRoute(who: string, source: string, provider?: string): number {
      const n = routes.clear(source, provider);
      if (n > 0) log(who, 'route.resume', `${source} ${provider ?? '*'}`, { routes: n });
      return n;
    },
    addSuppression(who: string, s: Omit<Suppression, 'source' | 'createdAt'> & { source?: string }): void {
      suppressions.add({ ...s, source: s.source ?? 'operator', createdAt: clock() });
      log(who, 'suppression.add', `${s.account} ${s.recipient.toLowerCase()}`, { reason: s.reason, expiresAt: s.expiresAt });
    },
    /** False when there was none. */
    removeSuppression(who: string, account: string, recipient: string): boolean {
      if (!suppressions.remove(account, recipient)) return false;
      log(who, 'suppression.remove', `${account} ${recipient.toLowerCase()}`);
      return true;
    },
  };
}

export type RouteActions = ReturnType<typeof createRouteActions>;
