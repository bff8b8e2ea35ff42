// Logging in to the console with an API token, and out again.
import type { FastifyInstance } from 'fastify';
import type { TokenStore } from '../tokens.js';
import { CONSOLE_CSS, CONSOLE_JS } from './assets.js';
import { field, sendPage } from './context.js';
import { html } from './html.js';
import { document } from './layout.js';
import { clearCookie, cookieHeader, cookieValue, SESSION_COOKIE, type Sessions } from './session.js';

function loginPage(error: string) {
  return document('Log in', html`<main class="login"><div class="panel"><h1>mailwarden console</h1>
<form method="post" action="/console/login"><label>API token (<code>mailwarden tokens create NAME</code>)<input type="password" name="token" autocomplete="off" autofocus></label>
${error ? html`<div class="flash error">${error}</div>` : ''}<button>Log in</button></form></div></main>`);
}

export function registerLogin(app: FastifyInstance, tokens: TokenStore, sessions: Sessions): void {
  app.get('/console/assets/console.css', async (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'max-age=3600').send(CONSOLE_CSS));
  app.get('/console/assets/console.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'max-age=3600').send(CONSOLE_JS));
  app.get('/console/login', async (_req, reply) => sendPage(reply, loginPage('')));
  app.post('/console/login', async (req, reply) => {
    const token = field(req.body, 'token').trim();
    if (!tokens.verify(token)) return sendPage(reply, loginPage('That token is not valid.'), 401);
    const session = sessions.create(token);
    return reply.code(303).header('set-cookie', cookieHeader(session)).header('location', '/console').send();
  });
  app.post('/console/logout', async (req, reply) => {
    const id = cookieValue(req.headers.cookie, SESSION_COOKIE);
    if (id) sessions.drop(id);
    return reply.code(303).header('set-cookie', clearCookie).header('location', '/console/login').send();
  });
}
