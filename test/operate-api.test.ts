// Scenario: an operator drives everything over /api/v1 on a real relay (real SQLite, real HTTP on port 0): accounts,
// queue search and bulk changes, explain, senders, quarantine, routes, suppressions, audit, webhooks. Every route declared in the OpenAPI
// document answers 401 without a token, 403 to a viewer when it changes something, 400 on bad input and 404 on an
// unknown target; the document itself is readable without a token.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { acceptAllPolicy, type MessagePolicy } from '../src/decide/types.js';
import { createTokenStore } from '../src/operate/tokens.js';
import { startRelay, type Relay } from '../src/relay.js';
import { silentLogger } from '../src/shared/logger.js';
import { openDatabase } from '../src/store/sqlite.js';
import { tempDir } from './helpers/queue-fixture.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { waitUntilAsync } from './helpers/wait.js';

let target: Target;
let relay: Relay;
let base: string;
let admin: string;
let viewer: string;

/** Holds mail from held@…, accepts the rest. */
const policy: MessagePolicy = {
  ...acceptAllPolicy,
  checkMessage: async (ctx) =>
    ctx.mailFrom.startsWith('held@')
      ? { verdict: 'quarantine', code: 'MW-HELD', reason: 'held by the test policy', evidence: [{ kind: 'content', name: 'TEST_RULE', score: 9, description: 'the test said so' }] }
      : acceptAllPolicy.checkMessage(ctx),
};

beforeAll(async () => {
  target = await startTarget({ rcpt: (rcpt) => (rcpt.startsWith('later@') ? { code: 451, text: '4.3.0 try again later' } : null) });
  const dir = tempDir('mw-operate-api-');
  const raw = {
    hostname: 'relay.mailwarden.test', dataDir: dir, log: { level: 'silent' },
    listeners: { submission: { enabled: false }, smtps: { enabled: false }, relay: { port: 0 } },
    admin: { port: 0 }, identity: { presets: ['php-script'] },
    delivery: { routes: { '*': `127.0.0.1:${target.port}` }, pollIntervalMs: 50 },
  };
  relay = await startRelay({ config: parseConfig(raw), logger: silentLogger, policy });
  base = `http://127.0.0.1:${relay.ports.admin}`;
  const db = openDatabase(relay.databaseFile);
  const tokens = createTokenStore(db);
  admin = tokens.create('ops', Date.now(), 'admin');
  viewer = tokens.create('watcher', Date.now(), 'viewer');
  db.close();
});

afterAll(async () => {
  await relay?.close();
  await target?.close();
});

const send = (from: string, to: string[], subject = 'api test', extra = '') =>
  nodemailer.createTransport({ host: '127.0.0.1', port: relay.ports.relay!, secure: false, ignoreTLS: true })
    .sendMail({ envelope: { from, to }, raw: `From: <${from}>\r\nTo: <${to[0]}>\r\nSubject: ${subject}\r\nMessage-ID: <${subject.replace(/\W/g, '')}@api.test>\r\n${extra}\r\nHello <b>there</b>.\r\n` });

async function api(method: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  return { status: res.status, body: await res.json() };
}
const as = (token: string) => ({
  get: (path: string) => api('GET', path, { token }),
  post: (path: string, body: unknown = {}) => api('POST', path, { token, body }),
  put: (path: string, body: unknown) => api('PUT', path, { token, body }),
  del: (path: string) => api('DELETE', path, { token }),
});
const queuedId = (info: { response: string }) => /queued as (\w+)/.exec(info.response)![1]!;

describe('the console over plain HTTP', () => {
  /** Log in with a token through the form; returns the session cookie and the CSRF token of its pages. */
  async function login(token: string): Promise<{ cookie: string; csrf: string }> {
    const res = await fetch(`${base}/console/login`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual' });
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^mw_console=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\//);
    const page = await (await fetch(`${base}/console/queue`, { headers: { cookie: cookie.split(';')[0]! } })).text();
    return { cookie: cookie.split(';')[0]!, csrf: /name="_csrf" value="([\w-]+)"/.exec(page)![1]! };
  }
  const post = (path: string, form: Record<string, string>, cookie?: string) =>
    fetch(`${base}${path}`, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual', headers: cookie ? { cookie } : {} });

  it('refuses forms without a session, with a forged CSRF token, or from a viewer; pages without a session go to login', async () => {
    const page = await fetch(`${base}/console/queue`, { redirect: 'manual' });
    expect([page.status, page.headers.get('location')]).toEqual([303, '/console/login']);
    expect((await fetch(`${base}/console/login`)).headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await post('/console/login', { token: 'mwt_nope' })).status).toBe(401);
    const ops = await login(admin);
    expect((await post('/console/queue/bulk', { _csrf: ops.csrf, id: 'NOSUCH0', do: 'retry' })).status).toBe(401);
    expect((await post('/console/queue/bulk', { _csrf: 'forged', id: 'NOSUCH0', do: 'retry' }, ops.cookie)).status).toBe(403);
    expect((await post('/console/queue/bulk', { id: 'NOSUCH0', do: 'retry' }, ops.cookie)).status).toBe(403);
    const done = await post('/console/queue/bulk', { _csrf: ops.csrf, id: 'NOSUCH0', do: 'retry' }, ops.cookie);
    expect(done.status).toBe(303);
    expect(decodeURIComponent(done.headers.get('location')!)).toContain('retried 0 of 1');
    const watcher = await login(viewer);
    expect((await post('/console/senders/x/suspend', { _csrf: watcher.csrf }, watcher.cookie)).status).toBe(403);
    expect((await post('/console/logout', { _csrf: ops.csrf }, ops.cookie)).status).toBe(303);
    expect((await fetch(`${base}/console/queue`, { redirect: 'manual', headers: { cookie: ops.cookie } })).status).toBe(303); // logged out
  });
});

describe('the admin API', () => {
  it('answers 401 without a token and 403 to a viewer on every changing route of its own OpenAPI document', async () => {
    const doc = await api('GET', '/api/v1/openapi.json'); // no token needed
    expect(doc.status).toBe(200);
    const routes = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path: `/api/v1${path.replace(/\{\w+\}/g, '1')}` })))
      .filter((r) => r.path !== '/api/v1/openapi.json');
    expect(routes.length).toBeGreaterThanOrEqual(25);
    for (const r of routes) {
      expect(await api(r.method, r.path, r.method === 'GET' || r.method === 'DELETE' ? {} : { body: {} }), `${r.method} ${r.path}`)
        .toEqual({ status: 401, body: { error: 'a valid bearer token is required' } });
      expect((await api(r.method, r.path, { token: 'mwt_forged' })).status).toBe(401);
      if (r.method !== 'GET') {
        const res = await api(r.method, r.path, { token: viewer, ...(r.method === 'DELETE' ? {} : { body: {} }) });
        expect(res, `${r.method} ${r.path} as viewer`).toEqual({ status: 403, body: { error: 'token "watcher" is a viewer: it may only read' } });
      }
    }
    expect((await as(viewer).get('/api/v1/queue')).status).toBe(200); // a viewer reads
  });

  it('answers 400, naming where, to an unknown field on every route of its OpenAPI document that takes a body or a query', async () => {
    const doc = (await api('GET', '/api/v1/openapi.json')).body as { paths: Record<string, Record<string, { parameters: Array<{ in: string }>; requestBody?: object }>> };
    const sample: Record<string, string> = { id: '1', name: 'nobody', identity: 'nobody', account: '*', recipient: 'a%40b.test' };
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const url = `/api/v1${path.replace(/\{(\w+)\}/g, (_, p: string) => sample[p]!)}`;
        if (op.requestBody) {
          const r = await api(method.toUpperCase(), url, { token: admin, body: { surprise: 1 } });
          expect([r.status, r.body.error], `${method} ${path}`).toEqual([400, expect.stringMatching(/^body /)]);
          checked++;
        }
        if (op.parameters?.some((p) => p.in === 'query')) {
          const r = await api(method.toUpperCase(), `${url}?surprise=1`, { token: admin });
          expect([r.status, r.body.error], `${method} ${path}`).toEqual([400, expect.stringMatching(/^query /)]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(18);
  });

  it('manages accounts, with validation, 404s and an audit entry per change', async () => {
    const ops = as(admin);
    const added = await ops.post('/api/v1/accounts', { name: 'web-01', domains: ['Customer.example'] });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'web-01', login: true, allowedDomains: ['customer.example'] });
    expect(added.body.password).toMatch(/.{12,}/); // generated, shown once
    expect(await ops.post('/api/v1/accounts', { name: 'web-01' })).toEqual({ status: 409, body: { error: 'account "web-01" already exists' } });
    expect((await ops.post('/api/v1/accounts', { name: 'bad name!' })).status).toBe(400);
    expect((await ops.post('/api/v1/accounts', { name: 'x', domains: ['not a domain'] })).body.error).toContain('domains');
    expect((await ops.post('/api/v1/accounts', { name: 'x', login: false, password: 'longenough' })).body.error).toContain('password');
    expect((await ops.post('/api/v1/accounts', { name: 'x', surprise: 1 })).status).toBe(400);
    expect((await ops.put('/api/v1/accounts/web-01/password', { password: 'short' })).status).toBe(400);
    expect(await ops.put('/api/v1/accounts/web-01/password', { password: 'a-new-long-password' })).toEqual({ status: 200, body: { name: 'web-01', passwordChanged: true } });
    expect((await ops.put('/api/v1/accounts/nobody/password', { password: 'a-new-long-password' })).status).toBe(404);
    expect((await ops.post('/api/v1/accounts/web-01/suspend', { reason: '' })).status).toBe(400);
    expect((await ops.post('/api/v1/accounts/web-01/suspend', { reason: 'spam\r\nrun' })).status).toBe(200);
    expect((await ops.get('/api/v1/accounts/web-01')).body).toMatchObject({ suspended: true, suspendReason: 'spam run' });
    expect((await ops.post('/api/v1/accounts/nobody/suspend', { reason: 'x' })).status).toBe(404);
    expect((await ops.post('/api/v1/accounts/web-01/reinstate')).body).toEqual({ name: 'web-01', suspended: false });
    expect((await ops.post('/api/v1/accounts/nobody/reinstate')).status).toBe(404);
    expect((await ops.get('/api/v1/accounts')).body.map((a: { name: string }) => a.name)).toContain('web-01');
    expect((await ops.get('/api/v1/accounts/nobody')).status).toBe(404);
    expect((await ops.del('/api/v1/accounts/web-01')).status).toBe(200);
    expect((await ops.del('/api/v1/accounts/web-01')).status).toBe(404);

    const audit = (await ops.get('/api/v1/audit?limit=20')).body as Array<{ who: string; action: string; target: string; detail: object }>;
    expect(audit.map((e) => e.action)).toEqual(['account.delete', 'account.reinstate', 'account.suspend', 'account.password', 'account.add']);
    expect(audit.every((e) => e.who === 'ops' && e.target === 'web-01')).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('a-new-long-password');
    expect((await ops.get('/api/v1/audit?action=account.add')).body).toHaveLength(1);
    expect((await ops.get('/api/v1/audit?limit=0')).status).toBe(400);
  });

  it('searches the queue by id, sender, recipient, account, Message-ID, state and time, and retries and deletes in bulk', async () => {
    const ops = as(admin);
    const a = queuedId(await send('shop@hosting.test', ['later@dest.test'], 'first search'));
    const b = queuedId(await send('blog@hosting.test', ['later@dest.test', 'other@dest.test'], 'second search'));
    await waitUntilAsync('both deferred', async () => (await ops.get('/api/v1/queue?state=deferred')).body.length === 2);
    const ids = async (q: string) => ((await ops.get(`/api/v1/queue?${q}`)).body as Array<{ id: string }>).map((m) => m.id);
    expect(await ids(`id=${a}`)).toEqual([a]);
    expect(await ids('sender=blog%40')).toEqual([b]);
    expect(await ids('recipient=other%40dest')).toEqual([b]);
    expect(await ids('account=local')).toEqual(expect.arrayContaining([a, b]));
    expect(await ids('account=elsewhere')).toEqual([]);
    expect(await ids(`messageId=${encodeURIComponent('<firstsearch@api.test>')}`)).toEqual([a]);
    expect(await ids('messageId=firstsearch@api.test')).toEqual([a]);
    expect(await ids(`from=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
    expect(await ids(`from=0&to=${Date.now() + 60_000}&state=deferred`)).toEqual([b, a]);
    expect((await ops.get('/api/v1/queue?state=lost')).body.error).toContain('state');
    expect((await ops.get('/api/v1/queue?limit=0')).body.error).toContain('limit');
    expect((await ops.get('/api/v1/queue?from=yesterday')).status).toBe(400);
    expect((await ops.get('/api/v1/queue?colour=red')).status).toBe(400);

    expect((await ops.post('/api/v1/messages/retry', { ids: [a, 'NOSUCH0'] })).body).toEqual({ results: [{ id: a, ok: true }, { id: 'NOSUCH0', ok: false, error: 'no message NOSUCH0' }] });
    expect((await ops.post('/api/v1/messages/retry', { ids: [] })).status).toBe(400);
    expect((await ops.post('/api/v1/messages/retry', { ids: ['../etc'] })).status).toBe(400);
    expect((await ops.post(`/api/v1/messages/${a}/retry`)).body).toMatchObject({ id: a });
    expect((await ops.post('/api/v1/messages/NOSUCH0/retry')).status).toBe(404);
    expect((await ops.get('/api/v1/messages/NOSUCH0')).status).toBe(404);
    expect((await ops.get('/api/v1/messages/bad-id!')).status).toBe(400);
    expect((await ops.post('/api/v1/messages/delete', { ids: [a, b] })).body.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    expect(await ids('state=deferred')).toEqual([]);
    expect((await ops.del('/api/v1/messages/NOSUCH0')).status).toBe(404);
    expect((await ops.get('/api/v1/audit?action=message.delete')).body.map((e: { target: string }) => e.target).sort()).toEqual([a, b].sort());
  });

  it('explains a reply', async () => {
    const ops = as(admin);
    const r = await ops.post('/api/v1/explain', { reply: '521 5.2.1 : (CON:B1)', mx: 'mx.aol.com' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ code: 521, reason: expect.any(String), explanation: expect.any(String) });
    expect((await ops.post('/api/v1/explain', { reply: '' })).status).toBe(400);
    expect((await ops.post('/api/v1/explain', { reply: 'x', phase: 'lunch' })).body.error).toContain('phase');
  });

  it('suspends and reinstates a sender identity, shows it, and 404s an unknown one', async () => {
    const ops = as(admin);
    expect((await ops.get('/api/v1/senders/nobody%2Fhere')).status).toBe(404);
    expect((await ops.post('/api/v1/senders/local%2Fjoomla/suspend', { minutes: -1 })).status).toBe(400);
    expect((await ops.post('/api/v1/senders/local%2Fjoomla/suspend', { minutes: 0, reason: 'hacked form' })).body).toEqual({ identity: 'local/joomla', suspended: true });
    const shown = await ops.get('/api/v1/senders/local%2Fjoomla');
    expect(shown.body).toMatchObject({ identity: 'local/joomla', suspended: true, suspension: { by: 'operator', reason: 'hacked form' } });
    expect((await ops.get('/api/v1/senders')).body.map((s: { identity: string }) => s.identity)).toContain('local/joomla');
    expect((await ops.post('/api/v1/senders/local%2Fjoomla/reinstate')).body).toEqual({ identity: 'local/joomla', suspended: false });
    expect((await ops.post('/api/v1/senders/local%2Fjoomla/reinstate')).status).toBe(404);
    const audit = (await ops.get('/api/v1/audit?limit=2')).body;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['sender.reinstate', 'sender.suspend']);
  });

  it('lists, shows (text only), releases and deletes held messages in bulk', async () => {
    const ops = as(admin);
    const x = queuedId(await send('held@hosting.test', ['one@dest.test'], '<script>alert(1)</script>', 'Content-Type: text/html\r\n'));
    const y = queuedId(await send('held@hosting.test', ['two@dest.test'], 'held two'));
    const held = (await ops.get('/api/v1/quarantine')).body as Array<{ id: string; evidence: string[]; subject: string }>;
    expect(held.map((m) => m.id)).toEqual([x, y]);
    expect(held[0]).toMatchObject({ subject: '<script>alert(1)</script>', evidence: ['TEST_RULE'] });
    const shown = await ops.get(`/api/v1/quarantine/${x}`);
    expect(shown.body.text).toContain('Hello there'); // the HTML reduced to its text: no markup reaches a reader
    expect(shown.body.text).not.toMatch(/[<>]/);
    expect(shown.body.recipientList).toEqual(['one@dest.test']);
    expect((await ops.get('/api/v1/quarantine/NOSUCH0')).status).toBe(404);
    expect((await ops.get('/api/v1/quarantine?limit=5000')).status).toBe(400);
    const before = target.received.length;
    expect((await ops.post('/api/v1/quarantine/release', { ids: [x, 'NOSUCH0'] })).body.results).toEqual([
      { id: x, ok: true }, { id: 'NOSUCH0', ok: false, error: 'no message NOSUCH0' },
    ]);
    await target.waitFor(before + 1);
    expect((await ops.post('/api/v1/quarantine/release', { ids: [x] })).body.results[0]).toMatchObject({ ok: false, error: expect.stringContaining('not in quarantine') });
    // Deleted as spam: the operator's confirmation, kept (with its body) for the local content model.
    expect((await ops.post('/api/v1/quarantine/delete', { ids: [y], spam: true })).body.results).toEqual([{ id: y, ok: true }]);
    expect((await ops.get('/api/v1/quarantine')).body).toEqual([]);
    expect((await ops.post('/api/v1/quarantine/delete', { nope: 1 })).status).toBe(400);
    const audit = (await ops.get('/api/v1/audit?limit=2')).body;
    expect(audit.map((e: { action: string; target: string; who: string }) => [e.action, e.target, e.who])).toEqual([['quarantine.delete-spam', y, 'ops'], ['quarantine.release', x, 'ops']]);
    const sample = openDatabase(relay.databaseFile).prepare('SELECT kind, confirmed_by, LENGTH(raw) > 0 AS body FROM learn_samples WHERE message_id = ?').get(y);
    expect(sample).toEqual({ kind: 'spam', confirmed_by: 'ops', body: 1 });
  });

  it('finds a delivered message by Message-ID after its body is gone (indexed at acceptance)', async () => {
    const ops = as(admin);
    const id = queuedId(await send('shop@hosting.test', ['kept@dest.test'], 'kept id'));
    await waitUntilAsync('delivered', async () => (await ops.get(`/api/v1/messages/${id}`)).body.state === 'delivered');
    const found = (await ops.get(`/api/v1/queue?messageId=${encodeURIComponent('<keptid@api.test>')}`)).body as Array<{ id: string; state: string }>;
    expect(found).toEqual([expect.objectContaining({ id, state: 'delivered' })]);
    expect((await ops.get('/api/v1/queue?messageId=keptid@other.test')).body).toEqual([]);
  });

  it('shows the route matrix, pauses a route (delivery waits) and resumes it, with validation, 404s and audit entries', async () => {
    const ops = as(admin);
    expect((await ops.get('/api/v1/routes')).body).toEqual([]);
    expect((await ops.post('/api/v1/routes/pause', { source: 'not-an-ip', provider: 'yahoo' })).body.error).toContain('source');
    expect((await ops.post('/api/v1/routes/pause', { source: '127.0.0.2', provider: 'Bad Provider!' })).body.error).toContain('provider');
    expect((await ops.post('/api/v1/routes/pause', { source: '127.0.0.2', provider: 'yahoo', minutes: -1 })).status).toBe(400);
    expect((await ops.post('/api/v1/routes/pause', { source: '127.0.0.2', provider: 'yahoo', colour: 'red' })).status).toBe(400);
    expect(await ops.post('/api/v1/routes/pause', { source: '127.0.0.2', provider: 'yahoo', minutes: 30, reason: 'complaints\r\nat AOL' }))
      .toEqual({ status: 200, body: { source: '127.0.0.2', provider: 'yahoo', paused: true } });
    expect((await as(viewer).get('/api/v1/routes')).body).toEqual([expect.objectContaining({
      source: '127.0.0.2', provider: 'yahoo', state: 'paused', by: 'operator', why: 'complaints at AOL', reply: '', detail: expect.stringMatching(/^until 20\d\d-/),
    })]);

    // Without pools the relay sends from 'default': pausing it toward every provider holds delivery back.
    expect((await ops.post('/api/v1/routes/pause', { source: 'default', provider: '*' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100)); // the relay reads route states again after a second
    const before = target.received.length;
    const id = queuedId(await send('shop@hosting.test', ['paused@dest.test'], 'route paused'));
    await waitUntilAsync('deferred by the pause', async () => (await ops.get(`/api/v1/messages/${id}`)).body.recipientStatus[0].lastReply?.includes('MW-ROUTE-PAUSED'));
    expect(target.received.length).toBe(before);
    expect(await ops.post('/api/v1/routes/resume', { source: 'default' })).toEqual({ status: 200, body: { source: 'default', provider: null, resumed: 1 } });
    await new Promise((r) => setTimeout(r, 1100));
    await ops.post(`/api/v1/messages/${id}/retry`);
    await waitUntilAsync('delivered after the resume', async () => (await ops.get(`/api/v1/messages/${id}`)).body.state === 'delivered');

    expect((await ops.post('/api/v1/routes/resume', { source: '127.0.0.2', provider: 'yahoo' })).body).toEqual({ source: '127.0.0.2', provider: 'yahoo', resumed: 1 });
    expect(await ops.post('/api/v1/routes/resume', { source: '127.0.0.2' })).toEqual({ status: 404, body: { error: '127.0.0.2 is neither paused nor slowed' } });
    // Each change is an event with no message, newest first.
    await waitUntilAsync('the changes recorded', async () => ((await as(viewer).get('/api/v1/routes/changes?limit=4')).body as unknown[]).length === 4);
    expect(((await as(viewer).get('/api/v1/routes/changes?limit=4')).body as Array<Record<string, unknown>>).map((c) => `${String(c.event)} ${String(c.source)} ${String(c.provider)} ${String(c.by)}`)).toEqual([
      'route-resumed 127.0.0.2 yahoo operator', 'route-resumed default * operator', 'route-paused default * operator', 'route-paused 127.0.0.2 yahoo operator',
    ]);
    expect((await ops.post('/api/v1/routes/resume', {})).status).toBe(400);
    const audit = (await ops.get('/api/v1/audit?limit=4')).body as Array<{ who: string; action: string; target: string; detail: Record<string, unknown> }>;
    expect(audit.map((e) => [e.who, e.action, e.target])).toEqual([
      ['ops', 'route.resume', '127.0.0.2 yahoo'], ['ops', 'message.retry', id], ['ops', 'route.resume', 'default *'], ['ops', 'route.pause', 'default *'],
    ]);
    expect((await ops.get('/api/v1/audit?action=route.pause')).body.at(-1).detail).toEqual({ minutes: 30, reason: 'complaints at AOL' });
  });

  it('searches, adds and removes suppressions; a suppressed recipient is refused at RCPT TO until removed', async () => {
    const ops = as(admin);
    expect((await ops.post('/api/v1/suppressions', { recipient: 'nobody' })).body.error).toContain('recipient');
    expect((await ops.post('/api/v1/suppressions', { recipient: 'x@dest.test', reason: 'bored' })).status).toBe(400);
    expect((await ops.post('/api/v1/suppressions', { recipient: 'x@dest.test', days: -1 })).status).toBe(400);
    const added = await ops.post('/api/v1/suppressions', { recipient: 'Gone@Dest.test' });
    expect(added).toMatchObject({ status: 201, body: { account: '*', recipient: 'gone@dest.test', reason: 'manual', source: 'operator', expiresAt: 0 } });
    expect((await ops.post('/api/v1/suppressions', { recipient: 'list@dest.test', account: 'local', reason: 'unsubscribe', days: 30 })).body.expiresAt).toBeGreaterThan(Date.now());
    const recipients = async (q: string) => ((await as(viewer).get(`/api/v1/suppressions?${q}`)).body as Array<{ recipient: string }>).map((s) => s.recipient);
    expect(await recipients('q=GONE')).toEqual(['gone@dest.test']);
    expect(await recipients('account=local')).toEqual(['list@dest.test']);
    expect(await recipients('')).toEqual(['list@dest.test', 'gone@dest.test']);
    expect((await ops.get('/api/v1/suppressions?limit=0')).status).toBe(400);

    const refused = await send('shop@hosting.test', ['gone@dest.test'], 'to a suppressed one').then(() => null, (err: { responseCode: number; response: string }) => err);
    expect(refused?.responseCode).toBe(550);
    expect(refused?.response).toContain('MW-SUPPRESSED');
    expect((await ops.del('/api/v1/suppressions/%2A/gone%40dest.test')).body).toEqual({ account: '*', recipient: 'gone@dest.test', deleted: true });
    expect((await ops.del('/api/v1/suppressions/%2A/gone%40dest.test')).status).toBe(404);
    expect((await ops.del('/api/v1/suppressions/%2A/not-an-address')).status).toBe(400);
    queuedId(await send('shop@hosting.test', ['gone@dest.test'], 'to a removed one'));
    const audit = (await ops.get('/api/v1/audit?limit=3')).body as Array<{ action: string; target: string }>;
    expect(audit.map((e) => [e.action, e.target])).toEqual([['suppression.remove', '* gone@dest.test'], ['suppression.add', 'local list@dest.test'], ['suppression.add', '* gone@dest.test']]);
  });

  it('registers, lists and removes webhooks (secret shown once), and lists deliveries', async () => {
    const ops = as(admin);
    expect((await ops.post('/api/v1/webhooks', { url: 'ftp://x.test/', events: ['delivered'] })).status).toBe(400);
    expect((await ops.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/', events: ['teleported'] })).status).toBe(400);
    const added = await ops.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['delivered', 'held'] });
    expect(added.status).toBe(201);
    expect(added.body.secret).toMatch(/^whsec_/);
    const listed = (await ops.get('/api/v1/webhooks')).body;
    expect(listed).toEqual([expect.objectContaining({ id: added.body.id, events: ['delivered', 'held'] })]);
    expect(JSON.stringify(listed)).not.toContain(added.body.secret);
    expect((await ops.get('/api/v1/webhooks/deliveries?state=failed')).status).toBe(200);
    expect((await ops.get('/api/v1/webhooks/deliveries?state=lost')).status).toBe(400);
    expect((await ops.del(`/api/v1/webhooks/${added.body.id}`)).status).toBe(200);
    expect((await ops.del(`/api/v1/webhooks/${added.body.id}`)).status).toBe(404);
    expect((await ops.del('/api/v1/webhooks/abc')).status).toBe(400);
  });
});
