// The policy end to end below the SMTP layer: real SQLite file, real MIME parsing, the hooks the accept stage calls.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { silentLogger } from '../shared/logger.js';
import type { SenderIdentity } from '../shared/types.js';
import { openDatabase, type Db } from '../store/sqlite.js';
import { createReputation, type Reputation } from '../reputation/index.js';
import { createSuspensions } from '../reputation/suspensions.js';
import { createPolicy } from './index.js';
import { decisionReply } from './reply.js';
import type { MessageContext, MessagePolicy } from './types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 0, 5);
type Policy = MessagePolicy;
const open: Array<{ db: Db; reputation: Reputation; dir: string }> = [];
afterEach(() => {
  for (const o of open.splice(0)) {
    o.reputation.close();
    o.db.close();
    rmSync(o.dir, { recursive: true, force: true });
  }
});

/** A policy on a fresh database; `content` stands in for the content scorer when a test needs to fix its answers. */
function setup(raw: Record<string, unknown> = {}, content?: Parameters<typeof createPolicy>[0]['content']) {
  const dir = mkdtempSync(join(tmpdir(), 'mw-policy-'));
  const config = parseConfig({ dataDir: dir, ...raw });
  const db = openDatabase(config.storage.sqlitePath);
  const reputation = createReputation({ config, db });
  const policy = createPolicy({ config, reputation, logger: silentLogger, ...(content ? { content } : {}) });
  open.push({ db, reputation, dir });
  return { db, policy, reputation, config };
}

const id = (sub: string, account = 'host'): SenderIdentity => ({ account, sub, source: 'header:x-authuser' });
let seq = 0;
function msg(identity: SenderIdentity, to: string, now: number, body = `Hi, about order ${seq}: see you tomorrow at the shop. Regards ${++seq}`): MessageContext {
  const raw = Buffer.from(`From: ${identity.sub}@site.test\r\nTo: ${to}\r\nSubject: note ${seq}\r\n\r\n${body}\r\n`);
  return { identity, clientIp: '192.0.2.10', authenticated: true, mailFrom: `${identity.sub}@site.test`, now, recipients: [to], raw };
}

async function send(policy: Policy, ctx: MessageContext) {
  const d = await policy.checkMessage(ctx);
  policy.accepted(ctx, d, `q${seq}`);
  return d;
}

/** A few quiet weekdays of ordinary mail to a handful of contacts. */
async function history(policy: Policy, identity: SenderIdentity, days = 4) {
  for (let d = 0; d < days; d++)
    for (let k = 0; k < 6; k++) await send(policy, msg(identity, `friend${k % 3}@known${k % 2}.test`, T0 + d * DAY + (9 + k) * HOUR));
}

describe('policy', () => {
  it('suspends an established identity that suddenly blasts one text to new domains, and keeps refusing it', async () => {
    const { db, policy } = setup();
    const victim = id('blog');
    await history(policy, victim);
    const attack = T0 + 4 * DAY + 10 * HOUR;
    const verdicts: string[] = [];
    for (let k = 0; k < 30; k++) {
      const d = await send(policy, msg(victim, `user${k}@victim${k}.test`, attack + k * 500, 'Your account is limited. Verify your password now at http://verify.example.test/login or lose access.'));
      verdicts.push(d.verdict);
    }
    const suspendedAt = verdicts.indexOf('suspend');
    expect(suspendedAt).toBeGreaterThan(0);
    expect(suspendedAt).toBeLessThan(25);
    expect(verdicts.slice(suspendedAt + 1).every((v) => v === 'reject')).toBe(true);
    // The evidence is on record, and the neighbour under the same login is untouched.
    const s = createSuspensions(db).active('host/blog', attack + 60_000)!;
    expect(s.reason).toContain('BURST');
    expect(s.evidence.sampleSubjects.length).toBeGreaterThan(0);
    expect(s.evidence.counts.lastMinute).toBeGreaterThan(5);
    expect((await policy.checkMessage(msg(id('shop'), 'a@known0.test', attack + 60_000))).verdict).toBe('accept');
    expect((await policy.checkSender({ ...msg(victim, 'x@y.test', attack + 60_000) }))?.code).toBe('MW-SUSPENDED');
    // An operator reinstates it: mail flows again.
    createSuspensions(db).reinstate('host/blog', attack + 120_000);
    expect(await policy.checkSender(msg(victim, 'x@y.test', attack + 130_000))).toBeNull();
  });

  it('history survives a restart: the reopened policy still knows the identity and its trust', async () => {
    const { db, policy, reputation } = setup();
    await history(policy, id('blog'));
    reputation.close();
    const config = parseConfig({ dataDir: open[0]!.dir });
    open[0]!.reputation = createReputation({ config, db });
    const reopened = createPolicy({ config, reputation: open[0]!.reputation, logger: silentLogger });
    const d = await reopened.checkMessage(msg(id('blog'), 'friend1@known1.test', T0 + 4 * DAY + 10 * HOUR));
    expect(d.evidence.map((e) => e.name)).not.toContain('NEW_IDENTITY');
    const fresh = await reopened.checkMessage(msg(id('other'), 'friend1@known1.test', T0 + 4 * DAY + 10 * HOUR));
    expect(fresh.evidence.map((e) => e.name)).toContain('NEW_IDENTITY');
  });

  it('a brand-new identity is held to the new-identity hourly limit rather than judged against a history it lacks', async () => {
    const { policy } = setup({ policy: { thresholds: { newIdentityPerHour: 5 } } });
    const verdicts = [];
    for (let k = 0; k < 7; k++) verdicts.push((await send(policy, msg(id('fresh'), `m${k}@list${k}.test`, T0 + k * 1000, 'Welcome to the weekly club news, see the programme for this season.'))).verdict);
    expect(verdicts.slice(0, 5).every((v) => v === 'accept' || v === 'tag')).toBe(true);
    expect(verdicts.slice(5)).toEqual(['defer', 'defer']);
  });

  it('per-account overrides apply to that account only', async () => {
    const { policy } = setup({ policy: { thresholds: { newIdentityPerHour: 2 }, accounts: { bulk: { newIdentityPerHour: 100 } } } });
    for (let k = 0; k < 3; k++) await send(policy, msg(id('a', 'small'), `m${k}@d${k}.test`, T0 + k));
    for (let k = 0; k < 3; k++) await send(policy, msg(id('a', 'bulk'), `m${k}@d${k}.test`, T0 + k));
    expect((await policy.checkMessage(msg(id('a', 'small'), 'z@z.test', T0 + 10))).verdict).toBe('defer');
    expect((await policy.checkMessage(msg(id('a', 'bulk'), 'z@z.test', T0 + 10))).verdict).not.toBe('defer');
  });

  it('AUTH from a new network after a burst of failures is evidence on that client\'s messages', async () => {
    const { policy } = setup();
    policy.authAttempt({ username: 'host', clientIp: '192.0.2.10', success: true, now: T0 });
    for (let k = 0; k < 6; k++) policy.authAttempt({ username: 'host', clientIp: '203.0.113.7', success: false, now: T0 + DAY + k * 1000 });
    policy.authAttempt({ username: 'host', clientIp: '203.0.113.7', success: true, now: T0 + DAY + 10_000 });
    const d = await policy.checkMessage({ ...msg(id('blog'), 'a@b.test', T0 + DAY + 20_000), clientIp: '203.0.113.7' });
    expect(d.evidence.map((e) => e.name)).toEqual(expect.arrayContaining(['AUTH_NEW_NETWORK', 'AUTH_FAILURES_BEFORE_SUCCESS']));
    const home = await policy.checkMessage(msg(id('blog'), 'a@b.test', T0 + DAY + 20_000));
    expect(home.evidence.map((e) => e.name)).not.toContain('AUTH_NEW_NETWORK');
  });

  it('the same text from many identities at once is a campaign', async () => {
    const { policy } = setup();
    const text = 'Cheap replica watches, all brands, free shipping today only, order at http://watches.example.test/shop now';
    const last: string[][] = [];
    for (let k = 0; k < 5; k++) {
      const names = new Set<string>();
      for (let r = 0; r < 8; r++) for (const e of (await send(policy, msg(id(`site${k}`, `acct${k}`), `x${r}@r${k}.test`, T0 + k * 1000 + r, text))).evidence) names.add(e.name);
      last.push([...names]);
    }
    expect(last[2]).not.toContain('CAMPAIGN');
    expect(last[4]).toContain('CAMPAIGN');
  });

  /** Four identities send one text, the relay stops (`stop`), and a fifth identity's copies after it must be a campaign. */
  async function campaignAfterStop(raw: Record<string, unknown>, stop: (reputation: Reputation) => Promise<void> | void) {
    const { policy, reputation, db, config } = setup(raw);
    const text = 'Cheap replica watches, all brands, free shipping today only, order at http://watches.example.test/shop now';
    for (let k = 0; k < 4; k++) for (let r = 0; r < 8; r++) await send(policy, msg(id(`site${k}`, `acct${k}`), `x${r}@r${k}.test`, T0 + k * 1000 + r, text));
    await stop(reputation);
    const restarted = createReputation({ config, db, clock: () => T0 + 10 * 60_000 });
    const again = createPolicy({ config, reputation: restarted, logger: silentLogger });
    const names = new Set<string>();
    for (let r = 0; r < 8; r++) for (const e of (await send(again, msg(id('site4', 'acct4'), `x${r}@r4.test`, T0 + 10 * 60_000 + r, text))).evidence) names.add(e.name);
    restarted.close();
    return [...names];
  }

  it('a campaign counted before a restart is still counted after it', async () => {
    expect(await campaignAfterStop({}, (reputation) => reputation.close())).toContain('CAMPAIGN');
  });

  it('a campaign counted before a crash is still counted after it, as written by the last batch', async () => {
    // A few batches, then the process dies without a close.
    expect(await campaignAfterStop({ policy: { flushMs: 20 } }, () => new Promise((resolve) => setTimeout(resolve, 200)))).toContain('CAMPAIGN');
  });

  it('hard bounces from the event stream and complaints reported later count against the identity', async () => {
    const { policy, reputation } = setup();
    const blog = id('blog');
    reputation.onEvents(Array.from({ length: 12 }, (_, k) => ({
      messageId: `m${k}`, at: T0 + k, type: 'bounced' as const, recipient: `u${k}@x.test`, data: { identity: 'host/blog', code: 550, reason: 'userunknown' as const },
    })));
    for (let k = 0; k < 3; k++) reputation.recordComplaint(blog, T0 + 100 + k);
    const d = await policy.checkMessage(msg(blog, 'a@b.test', T0 + 1000));
    expect(d.evidence.map((e) => e.name)).toEqual(expect.arrayContaining(['HARD_BOUNCES', 'COMPLAINTS']));
    expect(d.verdict).toBe('quarantine');
  });
});

/** As the accept stage does: a refusal goes to `refused` under the id its reply names, the rest to `accepted`. */
async function submit(policy: Policy, ctx: MessageContext) {
  const d = await policy.checkMessage(ctx);
  const id = `R${++seq}`;
  if (decisionReply(d, id).kind === 'refuse') policy.refused(ctx, d, id);
  else policy.accepted(ctx, d, id);
  return { ...d, id };
}

describe('containment per login', () => {
  it('holds the mail of new identities past the hourly cap of the login, with the reason; known identities go on', async () => {
    const { policy, reputation } = setup({ policy: { thresholds: { newIdentitiesPerLoginHour: 3 } } });
    await history(policy, id('shop'), 2);
    const at = T0 + 2 * DAY + 10 * HOUR;
    const verdicts: string[] = [];
    for (let k = 0; k < 5; k++) verdicts.push((await submit(policy, msg(id(`rot${k}`), `a${k}@known0.test`, at + k * 60_000))).verdict);
    expect(verdicts.slice(0, 3).every((v) => v === 'accept' || v === 'tag')).toBe(true);
    const fourth = await submit(policy, msg(id('rot9'), 'b@known0.test', at + 10 * 60_000));
    expect(fourth.verdict).toBe('quarantine');
    expect(fourth.evidence.find((e) => e.name === 'NEW_IDENTITIES_PER_LOGIN')?.description).toBe(
      'this login started 6 new sender identities in the last hour; mail from new identities beyond the first 3 is held for review',
    );
    expect((await submit(policy, msg(id('shop'), 'friend1@known1.test', at + 11 * 60_000))).verdict).toBe('accept');
    expect(reputation.report('host/*', at + 12 * 60_000).counters?.newIdentitiesLastHour).toHaveLength(6);
    // An hour on, the window has slid past them: a new identity may start again.
    expect((await submit(policy, msg(id('later'), 'c@known0.test', at + 2 * HOUR))).verdict).not.toBe('quarantine');
  });

  it('the first day of a login is learning: its identities all appear then and none is held for being new', async () => {
    const { policy } = setup({ policy: { thresholds: { newIdentitiesPerLoginHour: 3 } } });
    for (let k = 0; k < 8; k++) expect((await submit(policy, msg(id(`site${k}`), `a${k}@known0.test`, T0 + k * 1000))).verdict).not.toBe('quarantine');
  });

  it('the sum over a login\'s identities has its own hourly ceiling', async () => {
    const { policy } = setup({ policy: { thresholds: { loginNewPerHour: 4 } } });
    const verdicts: string[] = [];
    for (let k = 0; k < 6; k++) verdicts.push((await submit(policy, msg(id(`site${k % 3}`), `a${k}@known0.test`, T0 + k * 60_000))).verdict);
    expect(verdicts.slice(0, 4).every((v) => v !== 'defer')).toBe(true);
    const d = await submit(policy, msg(id('site0'), 'z@known0.test', T0 + 10 * 60_000));
    expect(d.verdict).toBe('defer');
    expect(d.evidence.find((e) => e.name === 'LOGIN_HOURLY_LIMIT')?.description).toContain('from all identities of this login');
  });

  it('a new identity of an established login is measured against the prior: its deviations are not zero', async () => {
    const { policy } = setup();
    await history(policy, id('shop'), 2);
    const at = T0 + 2 * DAY + 10 * HOUR;
    let d = await submit(policy, msg(id('fresh'), 'x0@n0.test', at));
    for (let k = 1; k < 9; k++) d = await submit(policy, msg(id('fresh'), `x${k}@n${k}.test`, at + k * 1000, 'Your parcel is waiting, pay the customs fee at http://parcel-fee.example.test/pay today'));
    const behaviour = d.evidence.filter((e) => e.kind === 'behaviour' && e.name !== 'NEW_IDENTITY');
    expect(behaviour.map((e) => e.name)).toEqual(expect.arrayContaining(['BURST', 'NEW_DOMAIN_FANOUT', 'REPEATED_CONTENT']));
    expect(behaviour.every((e) => e.score > 0)).toBe(true);
  });

  it('the text held from several identities of the login is held from the next one too; a suspended identity\'s unread refusals do not count', async () => {
    // Content rules that catch one phrasing of a kit and only doubt the other, as with a kit that rephrases its lure.
    const { policy, reputation } = setup({}, (raw: Buffer) => {
      const score = raw.includes('sign-in attempt') ? 8 : raw.includes('Confirm your identity') ? 3 : 0;
      return { spam: score >= 3, score, threshold: 3, action: score >= 8 ? 'quarantine' as const : score >= 3 ? 'tag' as const : 'accept' as const, rules: [] };
    });
    for (const sub of ['shop', 'blog', 'cafe', 'club', 'quiet']) await history(policy, id(sub), 3);
    const at = T0 + 3 * DAY + 10 * HOUR;
    const lure = (opener: string, k: number) => `Dear customer ${k}, ${opener} Confirm your identity within 24 hours at https://verify-${k}.example.test/login or your account will be closed and pending payments cancelled. Security Department`;
    const missed = lure('for your security we restricted your account.', 90);
    reputation.suspendByOperator('host/quiet', 'test', at);
    for (let k = 0; k < 4; k++) expect((await submit(policy, msg(id('quiet'), `q${k}@v.test`, at + k * 1000, missed))).code).toBe('MW-SUSPENDED');
    expect((await submit(policy, msg(id('club'), 'c@v.test', at + 5000, missed))).evidence.map((e) => e.name)).not.toContain('STOPPED_CONTENT');
    for (const [k, sub] of ['shop', 'blog', 'cafe'].entries())
      expect((await submit(policy, msg(id(sub), `v${k}@v.test`, at + 10_000 + k * 1000, lure('we detected an unusual sign-in attempt on your account.', k)))).code).toBe('MW-HELD');
    const next = await submit(policy, msg(id('club'), 'd@v.test', at + 20_000, missed));
    expect(next.verdict).toBe('quarantine');
    expect(next.evidence.find((e) => e.name === 'STOPPED_CONTENT')?.description).toBe(
      '3 messages nearly the same as this one, from 3 other identities of this login, were held or refused in the last day',
    );
    expect((await submit(policy, msg(id('club'), 'friend0@known0.test', at + 30_000))).verdict).toBe('accept');
  });

  it('a restarted relay still holds the next copy of what it held from the login\'s other identities', async () => {
    const content = (raw: Buffer) => {
      const score = raw.includes('sign-in attempt') ? 8 : raw.includes('Confirm your identity') ? 3 : 0;
      return { spam: score >= 3, score, threshold: 3, action: score >= 8 ? 'quarantine' as const : score >= 3 ? 'tag' as const : 'accept' as const, rules: [] };
    };
    const { policy, reputation, db, config } = setup({}, content);
    for (const sub of ['shop', 'blog', 'cafe', 'club']) await history(policy, id(sub), 3);
    const at = T0 + 3 * DAY + 10 * HOUR;
    const lure = (opener: string, k: number) => `Dear customer ${k}, ${opener} Confirm your identity within 24 hours at https://verify-${k}.example.test/login or your account will be closed and pending payments cancelled. Security Department`;
    for (const [k, sub] of ['shop', 'blog', 'cafe'].entries())
      expect((await submit(policy, msg(id(sub), `v${k}@v.test`, at + k * 1000, lure('we detected an unusual sign-in attempt on your account.', k)))).code).toBe('MW-HELD');
    reputation.close();
    // The relay starts again an hour later on the same database.
    const restarted = createReputation({ config, db, clock: () => at + HOUR });
    const again = createPolicy({ config, reputation: restarted, logger: silentLogger, content });
    const next = await submit(again, msg(id('club'), 'd@v.test', at + HOUR, lure('for your security we restricted your account.', 90)));
    expect(next.verdict).toBe('quarantine');
    expect(next.evidence.map((e) => e.name)).toContain('STOPPED_CONTENT');
    restarted.close();
  });

  it('many identities of a login writing to strangers with links the login never used are held, whatever the words', async () => {
    // Content scoring never objects and every message is worded differently: only how the mail is sent can tell.
    const { policy } = setup({}, () => ({ spam: false, score: 0, threshold: 5, action: 'accept' as const, rules: [] }));
    const sites = ['shop', 'blog', 'cafe', 'club', 'band', 'farm', 'yoga', 'bike'];
    for (const sub of sites) await history(policy, id(sub), 3);
    const at = T0 + 3 * DAY + 10 * HOUR;
    const openers = ['Quick question', 'Following up', 'Good news', 'As promised', 'One more thing', 'Heads up', 'Reminder', 'Update'];
    const note = (k: number) => `${openers[k]}: the file ${k * 7919} you asked about is at https://files-${k}.example.test/d/${k} for a week.`;
    // To their own correspondents: new links are ordinary (a new file host, a new shop), nothing holds.
    for (const [k, sub] of sites.entries()) expect((await submit(policy, msg(id(sub), `friend${k % 3}@known0.test`, at + k * 1000, note(k)))).verdict).toBe('accept');
    const later = at + 2 * HOUR;
    const verdicts: string[] = [];
    let last: Awaited<ReturnType<typeof submit>> | undefined;
    for (const [k, sub] of sites.entries()) {
      last = await submit(policy, msg(id(sub), `someone${k}@stranger${k}.test`, later + k * 60_000, note(k).replace('files-', 'drop-')));
      verdicts.push(last.verdict);
    }
    expect(verdicts.slice(0, 3)).toEqual(['accept', 'accept', 'accept']);
    expect(verdicts.slice(5)).toEqual(['quarantine', 'quarantine', 'quarantine']);
    expect(last!.evidence.find((e) => e.name === 'LOGIN_NEW_LINKS')?.description).toBe(
      '8 identities of the same login sent links to domains the login never linked to, to recipients at domains they never wrote to, in the last hour',
    );
  });

  it('on a login\'s first day every link and correspondent is new: the new-link outreach of its identities is not held', async () => {
    const { policy } = setup();
    for (let k = 0; k < 8; k++) {
      const d = await submit(policy, msg(id(`site${k}`), `a${k}@new${k}.test`, T0 + k * 60_000, `See https://site${k}.example.test/welcome ${k}`));
      expect(d.evidence.map((e) => e.name)).not.toContain('LOGIN_NEW_LINKS');
    }
  });

  it('refused and held messages count against the identity and are listed with an id, sender, recipient, subject and why', async () => {
    const { policy, reputation } = setup();
    const suspended = id('blog');
    reputation.suspendByOperator('host/blog', 'test', T0);
    const ids: string[] = [];
    for (let k = 0; k < 12; k++) ids.push((await submit(policy, msg(suspended, `v${k}@x.test`, T0 + k * 1000))).id);
    const r = reputation.report('host/blog', T0 + 20_000).counters!;
    expect(r.windows.hour.refused).toBe(12);
    expect(r.risk).toBeGreaterThanOrEqual(3);
    expect(r.signals.map((e) => e.name)).toContain('REFUSED_BEFORE');
    expect(r.refusals[0]).toMatchObject({ id: ids[11], verdict: 'reject', code: 'MW-SUSPENDED', from: 'blog@site.test', to: ['v11@x.test'] });
    expect(r.refusals[0]!.subject).toMatch(/^note /);
    expect(r.refusals[0]!.why[0]).toMatch(/^SUSPENDED: suspended by operator/);
  });
});
