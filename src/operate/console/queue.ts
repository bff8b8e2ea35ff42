// Queue search, bulk retry/delete, and one message's timeline with every remote reply explained.
import type { Classification } from '../../classify/index.js';
import { searchQueue } from '../../queue/sqlite-search.js';
import { QUEUE_STATES, queueSearchQuery } from '../api-routes.js';
import type { TimelineEvent } from '../../queue/events.js';
import { field, many, pageContext, redirect, sendPage, type ConsoleRoutes } from './context.js';
import { html, type SafeHtml } from './html.js';
import { badge, form, iso, page } from './layout.js';

const SEARCH_FIELDS = [['id', 'queue id'], ['sender', 'sender'], ['recipient', 'recipient'], ['account', 'account'], ['messageId', 'Message-ID']] as const;

/** Date inputs give "YYYY-MM-DDTHH:MM" (taken as UTC); the search takes epoch ms. */
const fromInput = (v: string | undefined) => (v ? Date.parse(v.length === 16 ? `${v}:00Z` : v) : undefined);

export function explanation(c: Classification | null | undefined): SafeHtml {
  if (!c) return html``;
  return html`<div><span class="badge">${c.reason}</span> <span class="badge">blame: ${c.blame}</span> ${c.permanent ? html`<span class="badge">permanent</span>` : ''}
<div>${c.explanation}</div>${c.fix ? html`<div class="muted">Fix: ${c.fix}</div>` : ''}</div>`;
}

function eventDetail(e: TimelineEvent): SafeHtml {
  switch (e.type) {
    case 'attempt': {
      const d = e.data;
      return html`${d.host ? html`<div class="muted">${d.host} ${d.ip ? `[${d.ip}]` : ''} at ${d.phase ?? ''}</div>` : ''}
<pre>${d.reply}</pre>${explanation(d.classification)}`;
    }
    case 'verdict': {
      const d = e.data;
      return html`<b>${d.verdict}</b> ${d.code}: ${d.reason}
${d.evidence.length ? html`<ul>${d.evidence.map((x) => html`<li>${x.name} (${x.score}): ${x.description}</li>`)}</ul>` : ''}`;
    }
    default:
      return Object.keys(e.data).length ? html`<code>${JSON.stringify(e.data)}</code>` : html``;
  }
}

export const queueRoutes: ConsoleRoutes = (app, deps) => {
  app.get('/console/queue', async (req, reply) => {
    const ctx = pageContext(req);
    const raw = req.query as Record<string, string | undefined>;
    const filled = Object.fromEntries(Object.entries(raw).filter(([k, v]) => v && k !== 'flash' && k !== 'error'));
    const parsed = queueSearchQuery.safeParse({ ...filled, from: fromInput(raw.from), to: fromInput(raw.to) });
    const results = parsed.success ? searchQueue(deps.db, parsed.data) : [];
    const problem = parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    const body = html`
<form method="get" action="/console/queue" class="panel filters">
${SEARCH_FIELDS.map(([name, label]) => html`<label>${label}<input type="text" name="${name}" value="${raw[name] ?? ''}"></label>`)}
<label>state<select name="state"><option value="">any</option>${QUEUE_STATES.map((s) => html`<option ${raw.state === s ? 'selected' : ''}>${s}</option>`)}</select></label>
<label>received from (UTC)<input type="datetime-local" name="from" value="${raw.from ?? ''}"></label>
<label>to<input type="datetime-local" name="to" value="${raw.to ?? ''}"></label>
<button>Search</button></form>
${problem ? html`<div class="flash error">${problem}</div>` : ''}
<form method="post" action="/console/queue/bulk"><input type="hidden" name="_csrf" value="${ctx.csrf}">
<table><tr><th><input type="checkbox" data-select-all="id" aria-label="select all"></th><th>id</th><th>received</th><th>state</th><th>sender</th><th>identity</th><th>rcpts</th><th>pending</th></tr>
${results.map((m) => html`<tr><td><input type="checkbox" name="id" value="${m.id}"></td><td><a href="/console/messages/${m.id}">${m.id}</a></td><td class="when">${iso(m.receivedAt)}</td><td>${badge(m.state)}</td>
<td>${m.mailFrom || '<>'}</td><td>${m.sub ? `${m.account}/${m.sub}` : m.account}</td><td class="num">${m.recipients}</td><td class="num">${m.pending}</td></tr>`)}
${results.length === 0 ? html`<tr><td colspan="8" class="muted">no messages match</td></tr>` : ''}</table>
${ctx.role === 'admin' ? html`<p><button name="do" value="retry">Retry selected now</button> <button name="do" value="delete" class="danger" data-confirm="Delete the selected messages?">Delete selected</button></p>` : ''}
</form>`;
    return sendPage(reply, page(ctx, 'Queue', body));
  });

  app.post('/console/queue/bulk', async (req, reply) => {
    const ids = many(req.body, 'id').filter((id) => /^[0-9A-Za-z]{1,64}$/.test(id)).slice(0, 1000);
    const who = pageContext(req).who;
    const what = field(req.body, 'do');
    if (ids.length === 0) return redirect(reply, '/console/queue', 'nothing selected', true);
    const results = what === 'delete' ? deps.actions.deleteMessages(who, ids) : deps.actions.retryMessages(who, ids);
    const ok = results.filter((r) => r.ok).length;
    return redirect(reply, '/console/queue', `${what === 'delete' ? 'deleted' : 'retried'} ${ok} of ${ids.length} message(s)`, ok < ids.length);
  });

  app.get<{ Params: { id: string } }>('/console/messages/:id', async (req, reply) => {
    const ctx = pageContext(req);
    const m = /^[0-9A-Za-z]{1,64}$/.test(req.params.id) ? deps.store.show(req.params.id) : null;
    if (!m) return sendPage(reply, page(ctx, 'Message', html`<p>No message ${req.params.id}.</p>`), 404);
    const body = html`
<div class="panel"><dl>
<dt>id</dt><dd>${m.id} ${badge(m.state)}</dd><dt>received</dt><dd>${iso(m.receivedAt)} from ${m.clientIp} (HELO ${m.heloName})</dd>
<dt>sender</dt><dd>${m.mailFrom || '<>'}</dd><dt>identity</dt><dd><a href="/console/senders/${encodeURIComponent(m.sub ? `${m.account}/${m.sub}` : m.account)}">${m.sub ? `${m.account}/${m.sub}` : m.account}</a> (${m.identitySource})</dd>
<dt>size</dt><dd>${m.size} bytes</dd></dl>
<p>${form(ctx, `/console/messages/${m.id}/retry`, html`<button>Retry now</button>`)} ${form(ctx, `/console/messages/${m.id}/delete`, html`<button class="danger" data-confirm="Delete this message?">Delete</button>`)}
${m.state === 'quarantined' ? html` <a href="/console/quarantine/${m.id}">review in quarantine</a>` : ''}</p></div>
<h2>Recipients</h2><table><tr><th>recipient</th><th>state</th><th>attempts</th><th>last reply, explained</th></tr>
${m.recipientStatus.map((r) => html`<tr><td>${r.rcpt}</td><td>${badge(r.state)}</td><td class="num">${r.attempts}</td>
<td>${r.lastReply ? html`<pre>${r.lastReply}</pre>` : ''}${explanation(r.classification as Classification | null)}</td></tr>`)}</table>
<h2>Timeline</h2><table><tr><th>at</th><th>event</th><th>recipient</th><th>detail</th></tr>
${m.timeline.map((e) => html`<tr><td class="when">${iso(e.at)}</td><td>${badge(e.type)}</td><td>${e.recipient ?? ''}</td><td>${eventDetail(e)}</td></tr>`)}</table>`;
    return sendPage(reply, page(ctx, `Message ${m.id}`, body));
  });

  for (const what of ['retry', 'delete'] as const) {
    app.post<{ Params: { id: string } }>(`/console/messages/:id/${what}`, async (req, reply) => {
      const { id } = req.params;
      const who = pageContext(req).who;
      const [r] = what === 'retry' ? deps.actions.retryMessages(who, [id]) : deps.actions.deleteMessages(who, [id]);
      return redirect(reply, `/console/messages/${encodeURIComponent(id)}`, r!.ok ? `${what} done` : r!.error, !r!.ok);
    });
  }
};
