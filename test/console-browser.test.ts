// Scenario: a postmaster uses the web console in a real browser (Debian's chromium driven by playwright-core) on a
// real relay: logs in with a token, finds a relayed message and its timeline, releases a held message and sees it
// delivered, pastes a reply into the explain box, suspends a sender and sees its next message refused with a link to
// the end user's page, opens that page and asks for a review. A message whose subject is a <script> runs nothing.
// Screenshots of each page go to test-results/console/.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { createRelayPolicy, type RelayPolicy } from '../src/decide/relay-policy.js';
import type { MessagePolicy } from '../src/decide/types.js';
import { createTokenStore } from '../src/operate/tokens.js';
import { startRelay, type Relay } from '../src/relay.js';
import { silentLogger } from '../src/shared/logger.js';
import { openDatabase, type Db } from '../src/store/sqlite.js';
import { tempDir } from './helpers/queue-fixture.js';
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
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
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
  await page.click('button:has-text("Delete")'); // confirmed in a dialog, which the test dismisses: nothing happens
  expect(dialogs).toEqual(['Delete this message?']);
  dialogs.length = 0;
  expect(page.url()).toBe(`${base}/console/quarantine/${id}`);
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
  await page.goto(`${base}/console/messages/${id}`);
  await expect(page.textContent('main')).resolves.toMatch(/released[\s\S]*delivered/);
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
  await page.goto(`${base}/console/settings`);
  await expect(page.textContent('pre')).resolves.toMatch(/linkTtlHours: 72/);
  await shot('settings');
  await page.goto(`${base}/console`);
  await shot('overview-after');
});
