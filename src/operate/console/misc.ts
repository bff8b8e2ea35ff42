// The explain box, the audit log, webhooks and their failures, and the effective settings (secrets redacted).
import { stringify } from 'yaml';
import { PHASES, type Phase } from '../../classify/index.js';
import { explainReply } from '../actions.js';
import { pageContext, sendPage, type ConsoleRoutes } from './context.js';
import { html } from './html.js';
import { iso, page } from './layout.js';

const MAX_REPLY_CHARS = 64 * 1024;

/** Settings whose values are secrets: shown as set or not, never their value. */
const SECRET_KEY = /secret|password|token/i;

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) && typeof v === 'string' ? (v ? '(set, redacted)' : '(empty)') : redact(v)]));
  }
  return value;
}

export const miscRoutes: ConsoleRoutes = (app, deps) => {
  app.get('/console/explain', async (req, reply) => {
    const ctx = pageContext(req);
    const q = req.query as { reply?: string; phase?: string; mx?: string };
    const text = (q.reply ?? '').slice(0, MAX_REPLY_CHARS);
    const phase = PHASES.find((p) => p === q.phase) as Phase | undefined;
    const c = text.trim() ? explainReply(text, phase, q.mx?.slice(0, 255) || undefined) : null;
    const body = html`
<form method="get" action="/console/explain" class="panel"><p>Paste a remote server's reply (a bounce line, a log line):</p>
<textarea name="reply" rows="4" cols="100" aria-label="reply">${text}</textarea>
<p class="filters"><label>phase<select name="phase"><option value="">unknown</option>${PHASES.map((p) => html`<option ${phase === p ? 'selected' : ''}>${p}</option>`)}</select></label>
<label>remote MX host<input type="text" name="mx" value="${q.mx ?? ''}"></label><button>Explain</button></p></form>
${c ? html`<div class="panel" id="explained"><dl><dt>reason</dt><dd><b>${c.reason}</b></dd><dt>who is to blame</dt><dd>${c.blame}</dd>
<dt>what it means</dt><dd>${c.explanation}</dd><dt>fix</dt><dd>${c.fix}</dd><dt>what the relay does</dt><dd>${c.action}${c.permanent ? ' (permanent)' : ' (temporary)'}</dd>
<dt>code / status</dt><dd>${c.code ?? '–'} ${c.status ?? ''}</dd><dt>provider</dt><dd>${c.provider ?? '–'}</dd>
${c.link ? html`<dt>provider's page</dt><dd>${c.link}</dd>` : ''}<dt>rule</dt><dd><code>${c.rule}</code></dd></dl></div>` : ''}`;
    return sendPage(reply, page(ctx, 'Explain a reply', body));
  });

  app.get('/console/audit', async (req, reply) => {
    const ctx = pageContext(req);
    const entries = deps.audit.list({ limit: 500 });
    const body = html`<table><tr><th>when</th><th>who</th><th>what</th><th>target</th><th>detail</th></tr>
${entries.map((e) => html`<tr><td class="when">${iso(e.at)}</td><td>${e.who}</td><td>${e.action}</td><td>${e.target}</td><td><code>${Object.keys(e.detail).length ? JSON.stringify(e.detail) : ''}</code></td></tr>`)}
${entries.length === 0 ? html`<tr><td colspan="5" class="muted">no changes recorded</td></tr>` : ''}</table>`;
    return sendPage(reply, page(ctx, 'Audit log', body));
  });

  app.get('/console/webhooks', async (req, reply) => {
    const ctx = pageContext(req);
    const hooks = deps.webhooks.list();
    const failed = deps.webhooks.deliveries({ state: 'failed', limit: 100 });
    const pending = deps.webhooks.deliveries({ state: 'pending', limit: 100 });
    const row = (d: (typeof failed)[number]) => html`<tr><td>${d.id}</td><td>${d.webhookId}</td><td>${d.event}</td><td class="num">${d.attempts}</td><td class="when">${iso(d.updatedAt)}</td><td>${d.lastError}</td></tr>`;
    const body = html`<p class="muted">Register with <code>mailwarden webhooks add URL --events delivered,bounced</code> or <code>POST /api/v1/webhooks</code>.</p>
<table><tr><th>id</th><th>url</th><th>events</th><th>since</th></tr>${hooks.map((h) => html`<tr><td>${h.id}</td><td>${h.url}</td><td>${h.events.join(', ')}</td><td class="when">${iso(h.createdAt)}</td></tr>`)}
${hooks.length === 0 ? html`<tr><td colspan="4" class="muted">no webhooks</td></tr>` : ''}</table>
<h2>Failed deliveries</h2><table><tr><th>id</th><th>webhook</th><th>event</th><th>attempts</th><th>last try</th><th>last error</th></tr>${failed.map(row)}</table>
<h2>Waiting to be retried</h2><table><tr><th>id</th><th>webhook</th><th>event</th><th>attempts</th><th>last try</th><th>last error</th></tr>${pending.map(row)}</table>`;
    return sendPage(reply, page(ctx, 'Webhooks', body));
  });

  app.get('/console/settings', async (req, reply) => {
    const ctx = pageContext(req);
    const body = html`<p class="muted">The effective configuration, every default filled in (read-only; secrets are redacted).</p><pre>${stringify(redact(deps.config))}</pre>`;
    return sendPage(reply, page(ctx, 'Settings', body));
  });
};
