// Sender identities: risk, trust, baseline against today (sparkline), evidence, recent messages, suspend/reinstate.
import { searchQueue } from '../../queue/sqlite-search.js';
import { sparkline } from './chart.js';
import { field, pageContext, redirect, sendPage, type ConsoleRoutes } from './context.js';
import { html } from './html.js';
import { badge, form, iso, page } from './layout.js';

const n = (x: number) => (Math.round(x * 10) / 10).toString();
const MAX_LISTED = 500;

export const senderRoutes: ConsoleRoutes = (app, deps) => {
  app.get('/console/senders', async (req, reply) => {
    const ctx = pageContext(req);
    const onlySuspended = (req.query as { status?: string }).status === 'suspended';
    const now = deps.clock();
    const all = deps.decide.senderKeys().slice(0, MAX_LISTED * 4).map((k) => deps.decide.sender(k, now)).filter((s) => s !== null);
    const shown = all.filter((s) => !onlySuspended || s.suspended)
      .sort((a, b) => (b.counters?.risk ?? 0) - (a.counters?.risk ?? 0)).slice(0, MAX_LISTED);
    const body = html`<p><a href="/console/senders">all</a> · <a href="/console/senders?status=suspended">suspended only</a></p>
<table><tr><th>identity</th><th>status</th><th>risk</th><th>trust</th><th>last hour</th><th>last day</th><th>usual/day</th><th>by hour of day</th></tr>
${shown.map((s) => {
  const c = s.counters;
  return html`<tr><td><a href="/console/senders/${encodeURIComponent(s.identity)}">${s.identity}</a></td><td>${badge(s.suspended ? 'suspended' : 'active')}</td>
<td class="num">${c ? n(c.risk) : '–'}</td><td class="num">${c ? `${Math.round(c.trust * 100)} %` : '–'}</td><td class="num">${c?.windows.hour.messages ?? 0}</td>
<td class="num">${c?.windows.day.messages ?? 0}</td><td class="num">${c ? n(c.baseline.dailyMessages) : '–'}</td><td>${c ? sparkline(c.baseline.hourOfDay, undefined, 120, 22) : ''}</td></tr>`;
})}
${shown.length === 0 ? html`<tr><td colspan="8" class="muted">no sender identities</td></tr>` : ''}</table>`;
    return sendPage(reply, page(ctx, 'Senders', body));
  });

  app.get<{ Params: { identity: string } }>('/console/senders/:identity', async (req, reply) => {
    const ctx = pageContext(req);
    const key = req.params.identity;
    const s = deps.decide.sender(key, deps.clock());
    if (!s) return sendPage(reply, page(ctx, 'Sender', html`<p>No sender identity ${key}.</p>`), 404);
    const c = s.counters;
    const [account, sub] = key.includes('/') ? [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)] : [key, ''];
    const recent = searchQueue(deps.db, { account, limit: 200 }).filter((m) => m.sub === sub).slice(0, 20);
    const action = `/console/senders/${encodeURIComponent(key)}`;
    const sp = s.suspension;
    const body = html`
<div class="panel"><dl><dt>status</dt><dd>${badge(s.suspended ? 'suspended' : 'active')}</dd>
${c ? html`<dt>risk</dt><dd>${n(c.risk)} ${c.signals.map((e) => html`<span class="badge">${e.name}</span> `)}</dd>
<dt>trust</dt><dd>${Math.round(c.trust * 100)} % (${c.baseline.cleanDays} clean of ${c.baseline.activeDays} active days)</dd>
<dt>seen</dt><dd>${iso(c.firstSeen)} … ${iso(c.lastSeen)}</dd><dt>hour limit</dt><dd>${c.hourLimit} messages</dd>
<dt>usual</dt><dd>${n(c.baseline.dailyMessages)} msgs/day, busiest minute ${n(c.baseline.peakMinute)}, busiest hour ${n(c.baseline.peakHour)}</dd>
<dt>baseline by hour of day</dt><dd>${sparkline(c.baseline.hourOfDay)}</dd>` : html`<dt>traffic</dt><dd>none recorded</dd>`}</dl>
<p>${s.suspended
  ? form(ctx, `${action}/reinstate`, html`<button>Reinstate</button>`)
  : form(ctx, `${action}/suspend`, html`<label>minutes (0 = until reinstated) <input type="number" name="minutes" value="0" min="0"></label> <label>reason <input type="text" name="reason" value="suspended by an operator"></label> <button class="danger">Suspend</button>`)}</p></div>
${c ? html`<h2>Recent counters</h2><table><tr><th>window</th><th>messages</th><th>recipients</th><th>new domains</th><th>delivered</th><th>bounced</th><th>unknown users</th><th>complaints</th></tr>
${(['minute', 'hour', 'day'] as const).map((w) => {
  const x = c.windows[w];
  return html`<tr><td>${w}</td><td class="num">${x.messages}</td><td class="num">${x.recipients}</td><td class="num">${x.newDomainRecipients}</td><td class="num">${x.delivered}</td><td class="num">${x.bounced}</td><td class="num">${x.unknownRecipients}</td><td class="num">${x.complaints}</td></tr>`;
})}</table>
<h2>Signals now</h2><ul>${c.signals.map((e) => html`<li><b>${e.name}</b> (${e.score}): ${e.description}</li>`)}${c.signals.length === 0 ? html`<li class="muted">none</li>` : ''}</ul>` : ''}
${sp ? html`<h2>Suspension</h2><div class="panel">by ${sp.by} at ${iso(sp.since)}${sp.until ? html`, until ${iso(sp.until)}` : ''}: ${sp.reason}${sp.reinstatedAt ? html` (reinstated ${iso(sp.reinstatedAt)})` : ''}
<ul>${sp.evidence.signals.map((e) => html`<li>${e.name} (${e.score}): ${e.description}</li>`)}</ul>
${sp.evidence.sampleSubjects.length ? html`<div>sample subjects: ${sp.evidence.sampleSubjects.map((x) => html`<code class="subject">${x}</code> `)}</div>` : ''}</div>` : ''}
<h2>Recent messages</h2><table><tr><th>id</th><th>received</th><th>state</th><th>sender</th><th>rcpts</th></tr>
${recent.map((m) => html`<tr><td><a href="/console/messages/${m.id}">${m.id}</a></td><td class="when">${iso(m.receivedAt)}</td><td>${badge(m.state)}</td><td>${m.mailFrom}</td><td class="num">${m.recipients}</td></tr>`)}</table>`;
    return sendPage(reply, page(ctx, `Sender ${key}`, body));
  });

  app.post<{ Params: { identity: string } }>('/console/senders/:identity/suspend', async (req, reply) => {
    const key = req.params.identity;
    const minutes = Number(field(req.body, 'minutes') || '0');
    const back = `/console/senders/${encodeURIComponent(key)}`;
    if (!Number.isInteger(minutes) || minutes < 0) return redirect(reply, back, 'minutes: a whole number of 0 or more', true);
    const reason = field(req.body, 'reason').replace(/[\x00-\x1f\x7f]+/g, ' ').trim().slice(0, 500) || 'suspended by an operator';
    deps.actions.suspendSender(pageContext(req).who, key, minutes, reason);
    return redirect(reply, back, `suspended ${key}`);
  });

  app.post<{ Params: { identity: string } }>('/console/senders/:identity/reinstate', async (req, reply) => {
    const key = req.params.identity;
    const ok = deps.actions.reinstateSender(pageContext(req).who, key);
    return redirect(reply, `/console/senders/${encodeURIComponent(key)}`, ok ? `reinstated ${key}` : `${key} was not suspended`, !ok);
  });
};
