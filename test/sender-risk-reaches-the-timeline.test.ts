// Scenario: the real policy behind the real accept stage. A new sub-identity's mail is tagged with the risk header and
// the verdict event in its timeline names the signals; once an operator suspends the identity, its next message is
// refused with [MW-SUSPENDED] while its neighbour under the same account still gets through.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { createPolicy } from '../src/decide/index.js';
import { createReputation, type Reputation } from '../src/reputation/index.js';
import { createSuspensions } from '../src/reputation/suspensions.js';
import { openDatabase, type Db } from '../src/store/sqlite.js';
import { startHarness, testMessage, type Harness } from './helpers/accept-harness.js';

const settings = {
  trustedNetworks: { local: ['127.0.0.0/8'] },
  identity: { presets: ['exim-authuser'] },
  // Tag from one point on, so that a brand-new identity's NEW_IDENTITY point shows as a header.
  policy: { thresholds: { tagScore: 1 } },
};
let h: Harness;
let db: Db;
let reputation: Reputation;
/** The policy's log lines, as JSON objects. */
const logged: Array<Record<string, unknown>> = [];
beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mw-risk-'));
  const config = parseConfig({ dataDir, ...settings });
  db = openDatabase(config.storage.sqlitePath);
  reputation = createReputation({ config, db });
  const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>) });
  h = await startHarness({ dataDir, ...settings }, createPolicy({ config, reputation, logger }));
});
afterAll(async () => {
  reputation.close();
  db.close();
  await h.close();
});

const send = (sub: string) =>
  nodemailer
    .createTransport({ host: '127.0.0.1', port: h.ports.relay!, ignoreTLS: true })
    .sendMail({ envelope: { from: `${sub}@customer.test`, to: ['r@example.test'] }, raw: testMessage({ headers: [`X-AuthUser: ${sub}`], body: 'The minutes of the meeting are attached, see you on Thursday at the office.' }) });

describe('sender risk over SMTP', () => {
  it('tags a new identity\'s mail and records the signals in the timeline', async () => {
    const info = await send('blog');
    const id = /queued as (\S+)/.exec(info.response)![1]!;
    const stored = h.messages().find((m) => m.id === id)!;
    expect(stored.sub).toBe('blog');
    expect(stored.raw.toString()).toMatch(/^X-Mailwarden-Risk: risk=1 signals=NEW_IDENTITY\r$/m);
    const verdict = h.store.timeline(id).find((e) => e.type === 'verdict')!;
    expect(verdict.data).toMatchObject({ verdict: 'tag', code: 'MW-TAGGED' });
    expect((verdict.data.evidence as Array<{ name: string }>).map((e) => e.name)).toEqual(['NEW_IDENTITY']);
  });

  it('refuses a suspended identity and only that one', async () => {
    createSuspensions(db).suspend({
      identity: 'local/blog', since: Date.now(), until: 0, by: 'operator', reason: 'hijacked',
      evidence: { signals: [], counts: {}, sampleSubjects: [], fingerprints: [] },
    });
    const refusal = (await send('blog').catch((e: unknown) => e)) as { responseCode: number; response: string };
    expect(refusal).toMatchObject({ responseCode: 550, response: expect.stringContaining('[MW-SUSPENDED] this sender is suspended until reinstated by the provider (ref ') });
    await expect(send('shop')).resolves.toMatchObject({ response: expect.stringContaining('queued as') });
    // The refusal's id leads to one log line and to the identity's record, with sender, recipient, subject and why.
    const ref = /\(ref (\S+)\)/.exec(refusal.response)![1]!;
    const line = logged.find((l) => l.event === 'refused' && l.id === ref);
    expect(line).toMatchObject({ identity: 'local/blog', code: 'MW-SUSPENDED', from: expect.stringContaining('@'), to: ['r@example.test'] });
    expect((line!.why as string[])[0]).toMatch(/^SUSPENDED: suspended by operator .*: hijacked$/);
    const shown = reputation.report('local/blog', Date.now()).counters!;
    expect(shown.refusals[0]).toMatchObject({ id: ref, code: 'MW-SUSPENDED', to: ['r@example.test'], subject: line!.subject });
    expect(shown.windows.hour.refused).toBe(1);
  });
});
