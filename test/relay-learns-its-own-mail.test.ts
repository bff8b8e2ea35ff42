// Scenario: the relay learns its deployment's own mail. Delivered messages are sampled by the queue as their bodies
// are dropped; a complaint comes back for one of them; an operator deletes a held phishing message as spam with the
// CLI; `train --from-relay` (what the running relay does every retrainHours) then learns the uncomplained delivered
// mail as ham, within the per-identity cap, and the confirmed message as spam; the sender who drew the complaint
// teaches no ham; the scorer adds the local model to the shipped one and reads the customer's newsletter as less
// spammy than before. Runs the built CLI (dist/), as the operator would.
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentSchema } from '../src/config/schema.js';
import { startDeliveryEngine } from '../src/deliver/engine.js';
import { createContentScorer } from '../src/inspect/content/scorer.js';
import { localModelPath, type RetrainSummary } from '../src/learn/local-model.js';
import { createSqliteQueueStore } from '../src/queue/sqlite-store.js';
import { createSuspensions } from '../src/reputation/suspensions.js';
import { silentLogger } from '../src/shared/logger.js';
import { openDatabase } from '../src/store/sqlite.js';
import { tempDir, testConfig, testMessage } from './helpers/queue-fixture.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { waitUntil } from './helpers/wait.js';

function cli(configFile: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['dist/cli/main.js', '-c', configFile, ...args], (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }));
  });
}

const NEWSLETTER = (n: number) => [
  'Zorblatt Gardening Weekly, issue ' + n,
  'This week: pruning roses, the best compost for clay soil, and our reader photo contest.',
  'Click here to read the full issue. Special offer for subscribers: 20% off seeds, unlimited free shipping.',
  'You receive this because you subscribed at zorblatt-gardening.example. Unsubscribe any time.',
].join('\r\n');

let closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of closers.reverse()) await c();
  closers = [];
});

describe('the local model', () => {
  it('learns delivered mail without complaints as ham and operator-confirmed holds as spam', async () => {
    const target: Target = await startTarget();
    closers.push(target.close);
    const dataDir = tempDir();
    const learning = { sampleRate: 1, hamAgeDays: 0, perIdentityCap: 3, minHam: 6, minSpam: 1, minIdentities: 3 };
    const delivery = { routes: { '*': `127.0.0.1:${target.port}` } };
    const configFile = join(dataDir, 'mailwarden.yaml');
    writeFileSync(configFile, JSON.stringify({ dataDir, delivery, content: { learning } })); // JSON is YAML
    const config = testConfig(dataDir, delivery, { content: { learning } });
    const db = openDatabase(config.storage.sqlitePath);
    const store = createSqliteQueueStore(db, config.storage, { sampleRate: 1 });
    const engine = startDeliveryEngine({ config, store, logger: silentLogger });
    closers.push(() => void db.close(), () => store.close(), () => engine.close());

    const sent = async (sub: string, n: number, account = 'garden') => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const m = { ...testMessage(['reader@example.net'], { subject: `Zorblatt issue ${i}`, body: NEWSLETTER(i) }), identity: { account, sub, source: 'header:x-authuser' } };
        await store.enqueue(m);
        ids.push(m.id);
      }
      return ids;
    };
    await sent('weekly', 4); // one more than the per-identity cap
    await sent('daily', 2);
    await sent('', 2, 'blog');
    // A login the policy suspended for its behaviour, with no complaint: what it delivered before is no ham.
    await sent('', 2, 'hijacked');
    createSuspensions(db).suspend({ identity: 'hijacked', since: Date.now(), until: 0, by: 'policy', reason: 'sending spam',
      evidence: { signals: [], counts: {}, sampleSubjects: [], fingerprints: [] } });
    const [complainedOf] = await sent('promo', 1, 'shop');
    const held = { ...testMessage(['victim@example.net'], { subject: 'Your mailbox is full', body: 'Verify your password at http://login-verify.example/ now or lose your mail.' }), initialState: 'quarantined' as const, identity: { account: 'shop', sub: 'promo', source: 'header:x-authuser' } };
    await store.enqueue(held);
    await waitUntil('eleven messages delivered', () => store.list({ state: 'delivered', limit: 20 }).length === 11);
    store.addEvents([{ messageId: complainedOf!, at: Date.now(), type: 'complaint', data: { identity: 'shop/promo', feedbackType: 'abuse', userAgent: null } }]);
    await waitUntil('the complaint committed', () => store.timeline(complainedOf!).some((e) => e.type === 'complaint'));

    // Too little confirmed spam yet: no model, and the command says why.
    const early = await cli(configFile, ['train', '--from-relay']);
    expect(early.code).not.toBe(0);
    expect(early.err).toContain('no local model yet: needs 6 ham and 1 confirmed spam messages, has 7 and 0');

    const deleted = await cli(configFile, ['quarantine', 'delete', '--spam', held.id]);
    expect(deleted).toMatchObject({ code: 0, out: 'deleted 1 message(s), kept as confirmed spam for the local model\n' });
    const trained = await cli(configFile, ['train', '--from-relay', '--json']);
    expect(trained.code).toBe(0);
    const summary = JSON.parse(trained.out) as RetrainSummary;
    // garden/weekly 3 of 4 (cap), garden/daily 2, blog 2; shop/promo drew a complaint and had a confirmed spam;
    // the suspended login teaches nothing.
    // The complaint was marked on its sample by the first run and stays marked (complaintsMarked counts new marks).
    expect(summary).toMatchObject({ file: localModelPath(dataDir), ham: 7, spam: 1, samples: 12, complaintsMarked: 0 });
    expect(summary.skipped).toMatchObject({ 'identity cap': 1, complained: 1, 'sender suspended': 2, 'too recent': 0 });
    expect(existsSync(localModelPath(dataDir))).toBe(true);

    // The deployment's newsletter reads as less spammy once its own delivered issues are in the model.
    const settings = contentSchema.parse({});
    const probability = (scorer: ReturnType<typeof createContentScorer>) => {
      const r = scorer.scoreRaw(Buffer.from(`From: news@zorblatt-gardening.example\r\nTo: a@example.net\r\nSubject: Zorblatt issue 9\r\n\r\n${NEWSLETTER(9)}\r\n`));
      if (r.kind !== 'verdict') throw new Error('expected a verdict');
      const line = r.verdict.rules.find((x) => x.name === 'STATISTICAL_MODEL')?.description ?? 'probability 0.000';
      return Number(/probability (\d\.\d+)/.exec(line)![1]);
    };
    const shipped = probability(createContentScorer(settings));
    const local = probability(createContentScorer(settings, { localModelFile: localModelPath(dataDir) }));
    process.stdout.write(`newsletter spam probability: shipped model ${shipped}, with the local model ${local || 'below 0.5'}\n`);
    expect(local).toBeLessThan(shipped);
  });
});
