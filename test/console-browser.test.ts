// Scenario: a postmaster uses the web console in a real browser (Debian's chromium driven by playwright-core) on a
// real relay: logs in with a token, finds a relayed message and its timeline, releases a held message and sees it
// delivered, pastes a reply into the explain box, suspends a sender and sees its next message refused with a link to
// the end user's page, opens that page and asks for a review (this operator's policy offers no self-service resume);
// pauses a route and resumes it from the route matrix; suppresses a recipient, finds it and removes it. A message whose
// subject is a <script> runs nothing. Screenshots of each page go to test-results/console/.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import { chromium, type BrowserContext, type Dialog, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { createRelayPolicy, type RelayPolicy } from '../src/decide/relay-policy.js';
import type { MessagePolicy } from '../src/decide/types.js';
import { createTokenStore } from '../src/operate/tokens.js';
import { createRouteStore } from '../src/routes/store.js';
import { startRelay, type Relay } from '../src/relay.js';
import { silentLogger } from '../src/shared/logger.js';
import { openDatabase, type Db } from '../src/store/sqlite.js';
import { tempDir } from './helpers/queue-fixture.js';
import { waitUntilAsync } from './helpers/wait.js';
import { startTarget, type Target } from './helpers/target-server.js';

const SHOTS = resolve(import.meta.dirname, '../test-results/console');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let target: Target;
let relay: Relay;
let db: Db;
let realPolicy: RelayPolicy;
let browser: BrowserContext;
let page: Page;
let base: string;
let token: string;
const dialogs: string[] = [];
/** Every dialog the page opens is recorded and dismissed (a script that ran would open one). */
const dismissAndRecord = (d: Dialog) => {
  dialogs.push(d.message());
  void d.dismiss();
};

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  target = await startTarget();
  const dir = tempDir('mw-console-');
  const config = parseConfig({
    hostname: 'relay.mailwarden.test', dataDir: dir, log: { level: 'silent' },
    listeners: { submission: { enabled: false }, smtps: { enabled: false }, relay: { port: 0 } },
    admin: { port: 0 }, enduser: { enabled: true },
    delivery: { routes: { '*': `127.0.0.1:${target.port}` }, pollIntervalMs: 50 },
  });
  // The relay's own policy (suspensions, content, behaviour), plus: a subject with HOLD is held for review.
  db = openDatabase(config.storage.sqlitePath);
  realPolicy = await createRelayPolicy({ config, db, logger: silentLogger });
  const policy: MessagePolicy = {
    ...realPolicy,
    checkMessage: async (ctx) => {
      const decision = await realPolicy.checkMessage(ctx);
      if (decision.verdict !== 'accept' && decision.verdict !== 'tag') return decision;
      return ctx.raw.toString('latin1').includes('HOLD')
        ? { verdict: 'quarantine', code: 'MW-HELD', reason: 'held by the test', evidence: [{ kind: 'content', name: 'TEST_HOLD', score: 8, description: 'the subject asks to be held' }] }
        : decision;
    },
  };
  relay = await startRelay({ config, logger: silentLogger, policy });
  base = `http://127.0.0.1:${relay.ports.admin}`;
  token = createTokenStore(db).create('postmaster', Date.now());
  browser = await chromium.launchPersistentContext(tempDir('mw-chromium-'), {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 860 },
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on('dialog', dismissAndRecord);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await relay?.close();
  await realPolicy?.close();
  db?.close();
  await target?.close();
});

const send = (subject: string, from = 'alice@customer.test', to = 'bob@dest.test') =>
  nodemailer.createTransport({ host: '127.0.0.1', port: relay.ports.relay!, secure: false, ignoreTLS: true }).sendMail({
    envelope: { from, to: [to] },
    raw: `From: Alice <${from}>\r\nTo: <${to}>\r\nSubject: ${subject}\r\nDate: ${new Date().toUTCString()}\r\nMessage-ID: <${Date.now()}.${Math.random()}@customer.test>\r\n\r\nHello Bob, see you on Monday.\r\n`,
  });
const queuedId = (info: { response: string }) => /queued as (\w+)/.exec(info.response)![1]!;
const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

it('logs in with a token and shows a relayed message with its timeline', async () => {
  const id = queuedId(await send('Monday meeting'));
  await target.waitFor(1);

  await page.goto(`${base}/console`);
  expect(page.url()).toBe(`${base}/console/login`); // no session yet
  await shot('login');
  await page.fill('input[name=token]', 'mwt_not-a-token');
  await page.click('button:has-text("Log in")');
  await expect(page.textContent('.flash')).resolves.toContain('not valid');
  await page.fill('input[name=token]', token);
  await page.click('button:has-text("Log in")');
  await page.waitForURL(`${base}/console`);
  const cookie = (await browser.cookies(base)).find((c) => c.name === 'mw_console')!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  await expect(page.textContent('header .who')).resolves.toContain('postmaster');
  await shot('overview');

  await page.goto(`${base}/console/queue?sender=alice`);
  await shot('queue');
  await page.click(`a:has-text("${id}")`);
  await page.waitForURL(`${base}/console/messages/${id}`);
  const text = await page.textContent('main');
  expect(text).toContain('bob@dest.test');
  expect(text).toMatch(/delivered/);
  expect(text).toContain('250'); // the remote reply of the attempt, with its explanation
  await shot('message');
});

it('shows a <script> subject as text and runs nothing', async () => {
  const evil = '<script>alert(1)</script><img src=x onerror=alert(2)> HOLD';
  const id = queuedId(await send(evil));
  await page.goto(`${base}/console/quarantine`);
  await expect(page.textContent(`tr:has(a:has-text("${id}")) .subject`)).resolves.toBe(evil);
  await page.goto(`${base}/console/quarantine/${id}`);
  await expect(page.textContent('dd.subject')).resolves.toBe(evil);
  expect(await page.locator('main script, main img').count()).toBe(0);
  expect(dialogs).toEqual([]);
  await shot('held-message');
  await page.click('button:has-text("Delete")'); // confirmed in a dialog, which the test dismisses: nothing happens
  expect(dialogs).toEqual(['Delete this message?']);
  dialogs.length = 0;
  expect(page.url()).toBe(`${base}/console/quarantine/${id}`);
  // Deleted as spam, the dialog accepted: gone from the quarantine, kept as confirmed spam for the local model.
  page.off('dialog', dismissAndRecord);
  page.once('dialog', (d) => void d.accept());
  await page.click('button:has-text("Delete as spam")');
  await expect(page.textContent('.flash')).resolves.toContain(`deleted as spam ${id}`);
  page.on('dialog', dismissAndRecord);
  expect(db.prepare('SELECT kind, confirmed_by FROM learn_samples WHERE message_id = ?').get(id)).toEqual({ kind: 'spam', confirmed_by: 'postmaster' });
});

it('releases a held message, which is then delivered', async () => {
  const before = target.received.length;
  const id = queuedId(await send('please HOLD this', 'carol@customer.test', 'dave@dest.test'));
  await page.goto(`${base}/console/quarantine`);
  await expect(page.textContent('main')).resolves.toContain('TEST_HOLD');
  await shot('quarantine');
  await page.check(`input[name=id][value="${id}"]`);
  await page.click('button:has-text("Release selected")');
  await expect(page.textContent('.flash')).resolves.toContain('released 1 of 1');
  await target.waitFor(before + 1);
  expect(target.received.at(-1)!.rcptTo).toEqual(['dave@dest.test']);
  // The outcome is committed shortly after the receiver's 250: reload until the timeline shows it.
  await waitUntilAsync('the timeline shows the delivery', async () => {
    await page.goto(`${base}/console/messages/${id}`);
    return /released[\s\S]*delivered/.test((await page.textContent('main')) ?? '');
  });
});

it('explains a pasted reply', async () => {
  await page.goto(`${base}/console/explain`);
  await page.fill('textarea[name=reply]', '521 5.2.1 : (CON:B1)');
  await page.click('button:has-text("Explain")');
  const explained = await page.textContent('#explained');
  expect(explained).toContain('reason');
  expect(explained).toMatch(/blame/);
  await shot('explain');
});

it('suspends a sender: its next message is refused with a link to the end user page, where a review can be asked for', async () => {
  await page.goto(`${base}/console/senders`);
  await shot('senders');
  await page.click('a:has-text("local")');
  await page.fill('input[name=reason]', 'password leaked');
  await page.click('button:has-text("Suspend")');
  await expect(page.textContent('.flash')).resolves.toContain('suspended local');
  await shot('sender');

  const refused = await send('one more').then(() => null, (err: { responseCode: number; response: string }) => err);
  expect(refused?.responseCode).toBe(550);
  const link = /(http:\/\/\S+\/u\/[A-Za-z0-9_-]{24})/.exec(refused!.response)?.[1];
  expect(link).toBeDefined();

  const enduser = await browser.newPage();
  await enduser.goto(link!);
  await expect(enduser.textContent('h1')).resolves.toBe('Your mail was refused');
  await expect(enduser.textContent('main')).resolves.toContain('Change the password');
  await enduser.screenshot({ path: join(SHOTS, 'enduser.png'), fullPage: true });
  expect(await enduser.locator('button:has-text("Resume sending")').count()).toBe(0); // enduser.selfReinstate: never (the default)
  await enduser.fill('textarea[name=note]', 'I changed my password.');
  await enduser.click('button:has-text("Ask for a review")');
  await expect(enduser.textContent('.flash')).resolves.toContain('asked to review');
  expect((await enduser.goto(`${link!.slice(0, -3)}AAA`))!.status()).toBe(404); // a forged link
  await enduser.close();

  await page.goto(`${base}/console/audit`);
  const audit = await page.textContent('main');
  expect(audit).toContain('review.request');
  expect(audit).toContain('sender.suspend');
  await shot('audit');
  await page.goto(`${base}/console/webhooks`);
  await shot('webhooks');
  await page.goto(`${base}/console/settings`);
  await expect(page.textContent('pre')).resolves.toMatch(/linkTtlHours: 72/);
  await shot('settings');
  await page.goto(`${base}/console`);
  await shot('overview-after');
});

it('pauses a route from the console, shows it in the matrix and on the overview, and resumes it', async () => {
  await page.goto(`${base}/console/routes`);
  await expect(page.textContent('main')).resolves.toContain('Every route is ok');
  await page.fill('input[name=source]', '127.0.0.2');
  await page.fill('input[name=provider]', 'yahoo');
  await page.fill('form[action="/console/routes/pause"] input[name=reason]', 'complaints <b>at</b> AOL');
  await page.click('button:has-text("Pause")');
  await expect(page.textContent('.flash')).resolves.toContain('paused 127.0.0.2 toward yahoo');
  await expect(page.textContent('table.matrix')).resolves.toMatch(/127\.0\.0\.2[\s\S]*paused/);
  await expect(page.textContent('main')).resolves.toContain('complaints <b>at</b> AOL'); // shown as typed, not as markup
  // A route the relay slowed itself after a provider's reply: the reply is shown, explained.
  const reply = '421 4.7.0 [TSS04] Messages from 127.0.0.3 temporarily deferred due to unexpected volume or user complaints';
  createRouteStore(db).put({ source: '127.0.0.3', provider: 'yahoo', status: 'slowed', since: Date.now(), until: 0, rate: 5, ceiling: 300, why: 'Yahoo defers mail from this IP', reply, by: 'reaction' });
  await page.reload();
  const row = await page.textContent('tr:has(td:text-is("127.0.0.3"))');
  expect(row).toContain('slowed');
  expect(row).toContain(reply);
  expect(row).toMatch(/blame/); // the reply's explanation
  await shot('routes');
  await page.goto(`${base}/console`);
  await expect(page.textContent('main')).resolves.toContain('1 route(s) paused');
  await page.goto(`${base}/console/routes`);
  await page.click('tr:has(td:text-is("127.0.0.2")) button:has-text("Resume")');
  await expect(page.textContent('.flash')).resolves.toContain('resumed 127.0.0.2 toward yahoo');
  await page.click('tr:has(td:text-is("127.0.0.3")) button:has-text("Resume")');
  await expect(page.textContent('main')).resolves.toContain('Every route is ok');
  // Changes no reply caused have no message: they are listed under the matrix, by whom.
  await waitUntilAsync('the route changes listed', async () => {
    await page.goto(`${base}/console/routes`);
    return /route-paused\s*127\.0\.0\.2\s*yahoo\s*operator/.test((await page.textContent('main')) ?? '') && (await page.textContent('main'))!.includes('route-recovered');
  });
});

it('suppresses a recipient from the console (its mail is then refused), finds it, and removes it', async () => {
  await page.goto(`${base}/console/senders?status=suspended`); // the sender suspended above
  await page.click('td a:has-text("local")');
  await page.click('button:has-text("Reinstate")');
  await expect(page.textContent('.flash')).resolves.toContain('reinstated local');
  await page.goto(`${base}/console/suppressions`);
  await page.fill('form[action="/console/suppressions/add"] input[name=recipient]', 'Gone@Dest.test');
  await page.selectOption('select[name=reason]', 'complaint');
  await page.click('button:has-text("Suppress")');
  await expect(page.textContent('.flash')).resolves.toContain('suppressed gone@dest.test for every account');
  const refused = await send('to a suppressed one', 'alice@customer.test', 'gone@dest.test').then(() => null, (err: { responseCode: number; response: string }) => err);
  expect(refused?.response).toContain('MW-SUPPRESSED');
  await page.fill('input[name=q]', 'GONE@');
  await page.click('button:has-text("Search")');
  await expect(page.textContent('table')).resolves.toMatch(/gone@dest\.test\s*complaint/);
  await shot('suppressions');
  await page.click('button:has-text("Remove")'); // asks first: the test dismisses the dialog, nothing is removed
  expect(dialogs).toEqual(['Allow mail to this recipient again?']);
  dialogs.length = 0;
  page.once('dialog', (d) => void d.accept());
  page.off('dialog', dismissAndRecord);
  await page.click('button:has-text("Remove")');
  await expect(page.textContent('.flash')).resolves.toContain('removed gone@dest.test');
  page.on('dialog', dismissAndRecord);
  await page.goto(`${base}/console/audit`);
  await expect(page.textContent('main')).resolves.toMatch(/suppression\.remove[\s\S]*suppression\.add[\s\S]*route\.resume[\s\S]*route\.pause/);
});
