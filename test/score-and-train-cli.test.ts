// A user trains a model on two folders of their own mail, then scores files with it from the command line: JSON
// Lines in the order given, one per file, and a clear error line for a file that is missing or is no message.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compose } from './helpers/compose.js';

const run = promisify(execFile);
const cli = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
const topics = ['budget', 'hiring', 'roadmap', 'offsite', 'release', 'backups', 'invoices', 'security'];
const products = ['watches', 'pills', 'loans', 'casino', 'diplomas', 'software', 'mortgages', 'crypto'];

let dir: string;

async function mailwarden(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mailwarden-cli-'));
  mkdirSync(join(dir, 'ham'));
  mkdirSync(join(dir, 'spam'));
  for (const [i, topic] of topics.entries()) {
    const ham = await compose({ subject: `Notes on the ${topic}`, text: `Hi team, the ${topic} meeting moved to Thursday. Agenda attached, comments welcome.` });
    writeFileSync(join(dir, 'ham', `${i}.eml`), ham);
    const product = products[i]!;
    const spam = await compose({
      from: 'Best Deals <deals@offers.example>',
      subject: `Cheap ${product} - 90% OFF`,
      text: `Buy cheap ${product} now!!! Lowest prices guaranteed, click here to order, limited offer, unsubscribe here.`,
    });
    writeFileSync(join(dir, 'spam', `${i}.eml`), spam);
  }
  writeFileSync(join(dir, 'spam', 'garbage.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mailwarden train and score', () => {
  it('trains a model from two folders, skipping what is no message', async () => {
    const out = join(dir, 'model.json');
    const r = await mailwarden('train', '--ham', join(dir, 'ham'), '--spam', join(dir, 'spam'), '--out', out, '--min-count', '1', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ham: 8, spam: 8, skipped: 1 });
    expect(r.stderr).toContain('garbage.bin');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ format: 'mailwarden-bayes/1', hamMessages: 8, spamMessages: 8 });
  });

  it('scores files in order as JSON Lines with the trained model, with an error line per bad file', async () => {
    const config = join(dir, 'mailwarden.yaml');
    writeFileSync(config, `content:\n  model: ${JSON.stringify(join(dir, 'model.json'))}\n`);
    const files = [join(dir, 'spam', '3.eml'), join(dir, 'spam', 'garbage.bin'), join(dir, 'missing.eml'), join(dir, 'ham', '3.eml')];
    const r = await mailwarden('-c', config, 'score', '--json', ...files);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2 of 4 files could not be scored');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual(files);
    expect(Object.keys(lines[0])).toEqual(['file', 'spam', 'score', 'threshold', 'action', 'rules']);
    expect(lines[0]).toMatchObject({ spam: true, threshold: 5 });
    expect(['tag', 'quarantine', 'reject']).toContain(lines[0].action);
    expect(lines[0].rules[0]).toEqual({ name: 'STATISTICAL_MODEL', score: expect.any(Number), description: expect.any(String) });
    expect(lines[1].error).toMatch(/not an RFC 5322 message/);
    expect(lines[2].error).toMatch(/cannot read: no such file/);
    expect(lines[3]).toMatchObject({ spam: false, action: 'accept' });
  });

  it('refuses to train without both kinds of mail, and names a bad model file', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty, { recursive: true });
    const r = await mailwarden('train', '--ham', empty, '--spam', join(dir, 'spam'), '--out', join(dir, 'x.json'));
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('mailwarden: need at least one readable message of each kind (ham 0, spam 8)');
    const config = join(dir, 'bad-model.yaml');
    writeFileSync(config, `content:\n  model: ${JSON.stringify(join(dir, 'ham', '1.eml'))}\n`);
    const s = await mailwarden('-c', config, 'score', join(dir, 'ham', '1.eml'));
    expect(s.code).toBe(1);
    expect(s.stderr).toMatch(/cannot read the model/);
    const m = await mailwarden('score', '--model', join(dir, 'missing-model.json'), join(dir, 'ham', '1.eml'));
    expect(m.stderr.trim()).toMatch(/^mailwarden: .*missing-model\.json: cannot read the model: ENOENT/);
  });
});
