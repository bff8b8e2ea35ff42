// Quarantine review: held messages with the evidence that held them, their readable text (escaped, never markup),
// release or delete one or many; "delete as spam" is the operator's confirmation the local content model learns from.
import { field, many, pageContext, redirect, sendPage, type ConsoleRoutes } from './context.js';
import { html } from './html.js';
import { form, iso, page } from './layout.js';

export const quarantineRoutes: ConsoleRoutes = (app, deps) => {
  app.get('/console/quarantine', async (req, reply) => {
    const ctx = pageContext(req);
    const held = deps.decide.heldMessages(500);
    const body = html`
<form method="post" action="/console/quarantine/bulk"><input type="hidden" name="_csrf" value="${ctx.csrf}">
<table><tr><th><input type="checkbox" data-select-all="id" aria-label="select all"></th><th>id</th><th>received</th><th>identity</th><th>sender</th><th>rcpts</th><th>held because</th><th>subject</th></tr>
${held.map((m) => html`<tr><td><input type="checkbox" name="id" value="${m.id}"></td><td><a href="/console/quarantine/${m.id}">${m.id}</a></td><td class="when">${iso(m.receivedAt)}</td>
<td>${m.sub ? `${m.account}/${m.sub}` : m.account}</td><td>${m.mailFrom}</td><td class="num">${m.recipients}</td><td>${m.code} ${m.evidence.join(', ')}</td><td class="subject">${m.subject}</td></tr>`)}
${held.length === 0 ? html`<tr><td colspan="8" class="muted">nothing held</td></tr>` : ''}</table>
${ctx.role === 'admin' ? html`<p><button name="do" value="release">Release selected</button> <button name="do" value="delete" class="danger" data-confirm="Delete the selected messages?">Delete selected</button> <button name="do" value="spam" class="danger" data-confirm="Delete the selected messages as spam? The local content model will learn them as spam.">Delete selected as spam</button></p>` : ''}
</form>`;
    return sendPage(reply, page(ctx, 'Quarantine', body));
  });

  app.post('/console/quarantine/bulk', async (req, reply) => {
    const ids = many(req.body, 'id').slice(0, 1000);
    const what = field(req.body, 'do');
    if (ids.length === 0) return redirect(reply, '/console/quarantine', 'nothing selected', true);
    const who = pageContext(req).who;
    const results = what === 'release' ? deps.actions.releaseHeld(who, ids) : deps.actions.deleteHeld(who, ids, what === 'spam');
    const ok = results.filter((r) => r.ok).length;
    return redirect(reply, '/console/quarantine', `${DONE[what === 'release' || what === 'spam' ? what : 'delete']} ${ok} of ${ids.length} message(s)`, ok < ids.length);
  });

  app.get<{ Params: { id: string } }>('/console/quarantine/:id', async (req, reply) => {
    const ctx = pageContext(req);
    const m = deps.decide.heldMessage(req.params.id);
    if (!m) return sendPage(reply, page(ctx, 'Held message', html`<p>No held message ${req.params.id}. <a href="/console/messages/${req.params.id}">Its timeline</a></p>`), 404);
    const verdict = [...m.timeline].reverse().find((e) => e.type === 'verdict');
    const evidence = (verdict?.data.evidence ?? []) as Array<{ kind: string; name: string; score: number; description: string }>;
    const body = html`
<div class="panel"><dl><dt>subject</dt><dd class="subject">${m.subject}</dd><dt>identity</dt><dd><a href="/console/senders/${encodeURIComponent(m.sub ? `${m.account}/${m.sub}` : m.account)}">${m.sub ? `${m.account}/${m.sub}` : m.account}</a></dd>
<dt>sender</dt><dd>${m.mailFrom}</dd><dt>recipients</dt><dd>${m.recipientList.join(', ')}</dd><dt>received</dt><dd>${iso(m.receivedAt)}</dd>
<dt>held by</dt><dd>${m.code}: ${String(verdict?.data.reason ?? '')}</dd></dl>
<p>${form(ctx, `/console/quarantine/${m.id}/release`, html`<button>Release</button>`)} ${form(ctx, `/console/quarantine/${m.id}/delete`, html`<button class="danger" data-confirm="Delete this message?">Delete</button>`)}
${form(ctx, `/console/quarantine/${m.id}/spam`, html`<button class="danger" data-confirm="Delete this message as spam? The local content model will learn it as spam.">Delete as spam</button>`)}
<a href="/console/messages/${m.id}">full timeline</a></p></div>
<h2>Evidence</h2><table><tr><th>kind</th><th>name</th><th>score</th><th>what it means</th></tr>
${evidence.map((e) => html`<tr><td>${e.kind}</td><td>${e.name}</td><td class="num">${e.score}</td><td>${e.description}</td></tr>`)}</table>
<h2>Text (as plain text; links and markup are not rendered)</h2><pre>${deps.decide.heldText(m.id) ?? ''}</pre>
<h2>Headers</h2><pre>${m.headers}</pre>`;
    return sendPage(reply, page(ctx, `Held message ${m.id}`, body));
  });

  for (const what of ['release', 'delete', 'spam'] as const) {
    app.post<{ Params: { id: string } }>(`/console/quarantine/:id/${what}`, async (req, reply) => {
      const who = pageContext(req).who;
      const [r] = what === 'release' ? deps.actions.releaseHeld(who, [req.params.id]) : deps.actions.deleteHeld(who, [req.params.id], what === 'spam');
      return r!.ok
        ? redirect(reply, '/console/quarantine', `${DONE[what]} ${req.params.id}`)
        : redirect(reply, '/console/quarantine', r!.error, true);
    });
  }
};

const DONE = { release: 'released', delete: 'deleted', spam: 'deleted as spam' } as const;
