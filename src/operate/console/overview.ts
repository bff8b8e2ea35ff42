// The overview: is mail flowing (flow by outcome), how full and old is the queue, who sends most and who is risky,
// and what needs a look now (a queue that cannot write, held mail, suspended senders, paused or slowed routes, failed
// webhooks, review requests).
import { oldestPending } from '../../queue/sqlite-search.js';
import { routeViews } from '../data/routes.js';
import { flowChart } from './chart.js';
import { pageContext, sendPage, type ConsoleRoutes } from './context.js';
import { html } from './html.js';
import { page } from './layout.js';

const RANGES: Record<string, { minutes: number; buckets: number; label: string }> = {
  '1h': { minutes: 60, buckets: 30, label: 'last hour' },
  '6h': { minutes: 360, buckets: 36, label: 'last 6 hours' },
  '24h': { minutes: 1440, buckets: 48, label: 'last 24 hours' },
};
/** Sender identities read for the top lists: bounded, so the page stays fast on a large installation. */
const MAX_SENDERS_READ = 2000;

const age = (ms: number) => (ms < 120_000 ? `${Math.round(ms / 1000)} s` : ms < 7200_000 ? `${Math.round(ms / 60_000)} min` : `${(ms / 3600_000).toFixed(1)} h`);

export const overviewRoutes: ConsoleRoutes = (app, deps) => {
  app.get('/console', async (req, reply) => {
    const ctx = pageContext(req);
    const q = req.query as { range?: string };
    const range = RANGES[q.range ?? ''] ?? RANGES['1h']!;
    const now = deps.clock();
    const depth = deps.queueDepth();
    const oldest = oldestPending(deps.db);
    const senders = deps.decide.senderKeys().slice(0, MAX_SENDERS_READ).map((k) => deps.decide.sender(k, now)).filter((s) => s !== null);
    const withCounters = senders.filter((s) => s.counters);
    const byVolume = [...withCounters].sort((a, b) => b.counters!.windows.day.messages - a.counters!.windows.day.messages).slice(0, 8);
    const byRisk = [...withCounters].filter((s) => s.counters!.risk > 0).sort((a, b) => b.counters!.risk - a.counters!.risk).slice(0, 8);
    const suspended = senders.filter((s) => s.suspended).length;
    const failedHooks = deps.webhooks.deliveries({ state: 'failed', limit: 1000 }).length;
    const reviews = deps.audit.list({ action: 'review.request', limit: 5 });
    const routes = routeViews(deps.routes.all(), deps.config, now);
    const pausedRoutes = routes.filter((r) => r.state === 'paused').length;
    const slowedRoutes = routes.filter((r) => r.state === 'slowed').length;
    const link = (k: string) => `/console/senders/${encodeURIComponent(k)}`;

    const write = deps.store.writeHealth();
    const alerts = [
      write.writable ? '' : html`<li class="error">the queue database cannot write since ${new Date(write.since).toISOString()}: ${write.reason} (new mail gets 4xx)</li>`,
      depth.quarantined > 0 ? html`<li><a href="/console/quarantine">${depth.quarantined} message(s) held for review</a></li>` : '',
      suspended > 0 ? html`<li><a href="/console/senders?status=suspended">${suspended} sender(s) suspended</a></li>` : '',
      pausedRoutes > 0 ? html`<li><a href="/console/routes">${pausedRoutes} route(s) paused</a></li>` : '',
      slowedRoutes > 0 ? html`<li><a href="/console/routes">${slowedRoutes} route(s) slowed</a></li>` : '',
      failedHooks > 0 ? html`<li><a href="/console/webhooks">${failedHooks} webhook deliveries failed</a></li>` : '',
      ...reviews.map((r) => html`<li>review asked for <a href="${link(r.target)}">${r.target}</a> at ${new Date(r.at).toISOString()}</li>`),
    ].filter(Boolean);

    const body = html`
<div class="cards">
  <div class="card"><div class="n">${depth.queued}</div><div class="l">queued</div></div>
  <div class="card"><div class="n">${depth.deferred}</div><div class="l">deferred</div></div>
  <div class="card"><div class="n">${depth.quarantined}</div><div class="l">held for review</div></div>
  <div class="card"><div class="n">${oldest === null ? '–' : age(now - oldest)}</div><div class="l">oldest waiting</div></div>
  <div class="card"><div class="n">${suspended}</div><div class="l">senders suspended</div></div>
  <div class="card"><div class="n">${pausedRoutes}</div><div class="l">routes paused</div></div>
</div>
<div class="panel"><h2>Mail flow, ${range.label} <span class="muted">(${Object.keys(RANGES).map((r) => html`<a href="/console?range=${r}">${r}</a> `)})</span></h2>
${flowChart(deps.flow.series(range.minutes, range.buckets))}</div>
${alerts.length ? html`<div class="panel"><h2>Needs a look</h2><ul>${alerts}</ul></div>` : ''}
<div class="grid">
<div class="panel"><h2>Top senders by volume (last day)</h2><table><tr><th>identity</th><th>messages</th><th>usual/day</th></tr>
${byVolume.map((s) => html`<tr><td><a href="${link(s.identity)}">${s.identity}</a></td><td class="num">${s.counters!.windows.day.messages}</td><td class="num">${s.counters!.baseline.dailyMessages.toFixed(1)}</td></tr>`)}
${byVolume.length === 0 ? html`<tr><td colspan="3" class="muted">no traffic recorded yet</td></tr>` : ''}</table></div>
<div class="panel"><h2>Top senders by risk</h2><table><tr><th>identity</th><th>risk</th><th>signals</th></tr>
${byRisk.map((s) => html`<tr><td><a href="${link(s.identity)}">${s.identity}</a></td><td class="num">${s.counters!.risk.toFixed(1)}</td><td>${s.counters!.signals.map((e) => e.name).join(', ')}</td></tr>`)}
${byRisk.length === 0 ? html`<tr><td colspan="3" class="muted">no sender at risk</td></tr>` : ''}</table></div>
</div>`;
    return sendPage(reply, page(ctx, 'Overview', body));
  });
};
