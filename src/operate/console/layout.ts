// The frame of every console page: navigation, who is logged in, the logout form, and one flash message.
import { html, type SafeHtml } from './html.js';

export const NAV = [
  ['/console', 'Overview'], ['/console/queue', 'Queue'], ['/console/quarantine', 'Quarantine'], ['/console/senders', 'Senders'],
  ['/console/routes', 'Routes'], ['/console/suppressions', 'Suppressions'], ['/console/explain', 'Explain'], ['/console/webhooks', 'Webhooks'], ['/console/audit', 'Audit'], ['/console/settings', 'Settings'],
] as const;

export interface PageContext {
  who: string;
  role: 'admin' | 'viewer';
  csrf: string;
  path: string;
  flash?: { text: string; error?: boolean };
}

export function document(title: string, body: SafeHtml): SafeHtml {
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · mailwarden</title><link rel="stylesheet" href="/console/assets/console.css"><script src="/console/assets/console.js" defer></script></head>
<body>${body}</body></html>`;
}

export function page(ctx: PageContext, title: string, body: SafeHtml): SafeHtml {
  const on = (href: string) => (href === '/console' ? ctx.path === '/console' : ctx.path.startsWith(href));
  return document(title, html`<header><b>mailwarden</b><nav>${NAV.map(([href, label]) => html`<a href="${href}" class="${on(href) ? 'on' : ''}">${label}</a>`)}</nav>
<form method="post" action="/console/logout"><input type="hidden" name="_csrf" value="${ctx.csrf}"><span class="who">${ctx.who} (${ctx.role})</span> <button class="quiet">Log out</button></form></header>
<main><h1>${title}</h1>${ctx.flash ? html`<div class="flash ${ctx.flash.error ? 'error' : ''}" role="status">${ctx.flash.text}</div>` : ''}${body}</main>`);
}

/** A POST form with the session's CSRF token; `admin` forms are not shown to viewers. */
export function form(ctx: PageContext, action: string, inner: SafeHtml, cls = 'inline'): SafeHtml {
  if (ctx.role !== 'admin') return html``;
  return html`<form method="post" action="${action}" class="${cls}"><input type="hidden" name="_csrf" value="${ctx.csrf}">${inner}</form>`;
}

export const iso = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString().replace('T', ' ').slice(0, 19) : '');
export const badge = (state: string) => html`<span class="badge b-${state}">${state}</span>`;
