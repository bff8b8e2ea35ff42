// Delivery control: the route matrix (source IP x provider: ok, slowed or paused, why, by whom, and the remote reply
// that caused it, explained), pause and resume for admins; and the suppression list with search, add and remove.
import { GLOBAL, SUPPRESSION_REASONS } from '../../feedback/suppressions.js';
import { EVERY_PROVIDER } from '../../routes/types.js';
import { explainReply } from '../actions.js';
import { routeProvider, routeSource, searchSuppressions, suppressionAccount, suppressionQuery, suppressionRecipient } from '../api-routes-routing.js';
import { routeViews, type RouteView } from '../data/routes.js';
import { field, pageContext, redirect, sendPage, type ConsoleRoutes } from './context.js';
import { html } from './html.js';
import { badge, form, iso, page, type PageContext } from './layout.js';
import { explanation } from './queue.js';
import { ROUTE_EVENT_TYPES } from '../../queue/events.js';
import { eventsWithoutMessage } from '../../queue/sqlite-search.js';

/** Route changes listed under the matrix. */
const RECENT_CHANGES = 50;

/** Sources down, providers across; each cell the state of that route (a '*' column is a pause of the whole IP). */
function matrix(views: RouteView[]) {
  const sources = [...new Set(views.map((v) => v.source))].sort();
  const providers = [...new Set(views.map((v) => v.provider))].sort((a, b) => (a === EVERY_PROVIDER ? -1 : b === EVERY_PROVIDER ? 1 : a.localeCompare(b)));
  const cell = (s: string, p: string) => views.find((v) => v.source === s && v.provider === p);
  return html`<table class="matrix"><tr><th>source IP \\ provider</th>${providers.map((p) => html`<th>${p === EVERY_PROVIDER ? 'every provider' : p}</th>`)}</tr>
${sources.map((s) => html`<tr><th>${s}</th>${providers.map((p) => {
    const v = cell(s, p);
    return html`<td>${v ? html`${badge(v.state)} <span class="muted">${v.detail}</span>` : html`<span class="muted">ok</span>`}</td>`;
  })}</tr>`)}</table>`;
}

function routeRow(ctx: PageContext, v: RouteView) {
  const resume = v.state === 'ok' && v.by === '' ? '' : form(ctx, '/console/routes/resume', html`<input type="hidden" name="source" value="${v.source}"><input type="hidden" name="provider" value="${v.provider}"><button class="quiet">Resume</button>`);
  return html`<tr><td>${v.source}</td><td>${v.provider}</td><td>${badge(v.state)}</td><td>${v.detail}</td><td>${v.by}</td><td class="when">${iso(v.since)}</td>
<td>${v.why}</td><td>${v.reply ? html`<pre>${v.reply}</pre>${explanation(explainReply(v.reply))}` : ''}</td><td>${resume}</td></tr>`;
}

export const routingRoutes: ConsoleRoutes = (app, deps) => {
  app.get('/console/routes', async (req, reply) => {
    const ctx = pageContext(req);
    const views = routeViews(deps.routes.all(), deps.config, deps.clock());
    const changes = eventsWithoutMessage(deps.db, ROUTE_EVENT_TYPES, RECENT_CHANGES);
    const body = html`
<p class="muted">Only routes that are slowed or paused (or were) have a record; every other route is ok. The relay reads a change within a second.</p>
${views.length ? matrix(views) : html`<div class="panel">Every route is ok.</div>`}
<h2>Routes with a state</h2>
<table><tr><th>source</th><th>provider</th><th>state</th><th>detail</th><th>by</th><th>since</th><th>why</th><th>the reply that caused it</th><th></th></tr>
${views.map((v) => routeRow(ctx, v))}
${views.length === 0 ? html`<tr><td colspan="9" class="muted">none</td></tr>` : ''}</table>
<h2>Recent route changes</h2>
<p class="muted">Set or lifted by an operator, a pause run out, a slowed route back at full rate, a blocklist listing or delisting. A reply's own slowdown or pause is on the timeline of its message.</p>
<table><tr><th>at</th><th>event</th><th>source</th><th>provider</th><th>by</th><th>why</th></tr>
${changes.map((e) => html`<tr><td class="when">${iso(e.at)}</td><td>${badge(e.type)}</td><td>${e.data.source}</td><td>${e.data.provider}</td><td>${e.data.by}</td><td>${e.data.why}</td></tr>`)}
${changes.length === 0 ? html`<tr><td colspan="6" class="muted">none</td></tr>` : ''}</table>
${form(ctx, '/console/routes/pause', html`<h2>Pause a route</h2><p class="filters">
<label>source IP (or default)<input type="text" name="source" required></label>
<label>provider, domain or *<input type="text" name="provider" value="*" required></label>
<label>minutes (0 = until resumed)<input type="number" name="minutes" value="0" min="0"></label>
<label>reason<input type="text" name="reason" value="paused by an operator"></label>
<button class="danger">Pause</button></p>`, 'panel')}`;
    return sendPage(reply, page(ctx, 'Routes', body));
  });

  app.post('/console/routes/pause', async (req, reply) => {
    const source = routeSource.safeParse(field(req.body, 'source').trim());
    const provider = routeProvider.safeParse(field(req.body, 'provider').trim().toLowerCase());
    const minutes = Number(field(req.body, 'minutes') || '0');
    if (!source.success) return redirect(reply, '/console/routes', 'source: an IP address or "default"', true);
    if (!provider.success) return redirect(reply, '/console/routes', 'provider: a provider name, a domain or *', true);
    if (!Number.isInteger(minutes) || minutes < 0) return redirect(reply, '/console/routes', 'minutes: a whole number of 0 or more', true);
    const reason = field(req.body, 'reason').replace(/[\x00-\x1f\x7f]+/g, ' ').trim().slice(0, 500) || 'paused by an operator';
    deps.actions.pauseRoute(pageContext(req).who, source.data, provider.data, minutes, reason);
    return redirect(reply, '/console/routes', `paused ${source.data} toward ${provider.data}`);
  });

  app.post('/console/routes/resume', async (req, reply) => {
    const source = field(req.body, 'source');
    const provider = field(req.body, 'provider') || undefined;
    const n = deps.actions.resumeRoute(pageContext(req).who, source, provider);
    return redirect(reply, '/console/routes', n ? `resumed ${source} toward ${provider ?? 'every provider'}` : `${source} was neither paused nor slowed`, n === 0);
  });

  app.get('/console/suppressions', async (req, reply) => {
    const ctx = pageContext(req);
    const raw = req.query as Record<string, string | undefined>;
    const parsed = suppressionQuery.safeParse({ ...(raw.q ? { q: raw.q } : {}), ...(raw.account ? { account: raw.account } : {}), limit: 500 });
    const now = deps.clock();
    const list = parsed.success ? searchSuppressions(deps.suppressions, parsed.data, now) : [];
    const body = html`
<form method="get" action="/console/suppressions" class="panel filters">
<label>recipient contains<input type="text" name="q" value="${raw.q ?? ''}"></label>
<label>account (* = every account)<input type="text" name="account" value="${raw.account ?? ''}"></label><button>Search</button></form>
${parsed.success ? '' : html`<div class="flash error">${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}</div>`}
<table><tr><th>account</th><th>recipient</th><th>reason</th><th>source</th><th>since</th><th>expires</th><th></th></tr>
${list.map((s) => html`<tr><td>${s.account === GLOBAL ? '* (every account)' : s.account}</td><td>${s.recipient}</td><td>${s.reason}</td><td>${s.source}</td><td class="when">${iso(s.createdAt)}</td>
<td class="when">${s.expiresAt === 0 ? 'never' : s.inForce ? iso(s.expiresAt) : html`expired ${iso(s.expiresAt)}`}</td>
<td>${form(ctx, '/console/suppressions/remove', html`<input type="hidden" name="account" value="${s.account}"><input type="hidden" name="recipient" value="${s.recipient}"><button class="quiet" data-confirm="Allow mail to this recipient again?">Remove</button>`)}</td></tr>`)}
${list.length === 0 ? html`<tr><td colspan="7" class="muted">no suppressions match</td></tr>` : ''}</table>
${form(ctx, '/console/suppressions/add', html`<h2>Suppress a recipient</h2><p class="filters">
<label>recipient<input type="text" name="recipient" required></label>
<label>account (* = every account)<input type="text" name="account" value="${GLOBAL}"></label>
<label>reason<select name="reason">${SUPPRESSION_REASONS.map((r) => html`<option ${r === 'manual' ? 'selected' : ''}>${r}</option>`)}</select></label>
<label>days (0 = until removed)<input type="number" name="days" value="0" min="0"></label>
<button class="danger">Suppress</button></p>`, 'panel')}`;
    return sendPage(reply, page(ctx, 'Suppressions', body));
  });

  app.post('/console/suppressions/add', async (req, reply) => {
    const recipient = suppressionRecipient.safeParse(field(req.body, 'recipient').trim());
    const account = suppressionAccount.safeParse(field(req.body, 'account').trim() || GLOBAL);
    const reason = SUPPRESSION_REASONS.find((r) => r === field(req.body, 'reason')) ?? 'manual';
    const days = Number(field(req.body, 'days') || '0');
    if (!recipient.success) return redirect(reply, '/console/suppressions', 'recipient: not an address', true);
    if (!account.success) return redirect(reply, '/console/suppressions', 'account: 1 to 128 characters', true);
    if (!Number.isInteger(days) || days < 0) return redirect(reply, '/console/suppressions', 'days: a whole number of 0 or more', true);
    deps.actions.addSuppression(pageContext(req).who, { account: account.data, recipient: recipient.data, reason, expiresAt: days === 0 ? 0 : deps.clock() + days * 86_400_000 });
    return redirect(reply, '/console/suppressions', `suppressed ${recipient.data.toLowerCase()} for ${account.data === GLOBAL ? 'every account' : account.data}`);
  });

  app.post('/console/suppressions/remove', async (req, reply) => {
    const account = field(req.body, 'account');
    const recipient = field(req.body, 'recipient');
    const ok = deps.actions.removeSuppression(pageContext(req).who, account, recipient);
    return redirect(reply, '/console/suppressions', ok ? `removed ${recipient}` : `${recipient} was not suppressed for ${account}`, !ok);
  });
};
