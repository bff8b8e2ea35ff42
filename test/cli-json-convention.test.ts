// The CLI's JSON convention (docs/cli.md): every listing's --json prints JSON Lines, one object per line; a command
// that prints one thing prints one JSON object. Runs the built CLI (dist/): `npm test` builds first.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function cli(dataDir: string, ...args: string[]): string {
  const run = spawnSync(process.execPath, ['dist/cli/main.js', ...args], { encoding: 'utf8', env: { ...process.env, MAILWARDEN_DATA_DIR: dataDir } });
  if (run.status !== 0) throw new Error(`mailwarden ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

/** Each line one JSON object (not an array, not a fragment of an indented document). */
function jsonLines(out: string): Array<Record<string, unknown>> {
  expect(out === '' || out.endsWith('\n')).toBe(true);
  return out.split('\n').filter((l) => l !== '').map((line) => {
    const value: unknown = JSON.parse(line);
    expect(value).toBeTypeOf('object');
    expect(Array.isArray(value)).toBe(false);
    return value as Record<string, unknown>;
  });
}

describe('CLI --json', () => {
  it('prints JSON Lines for every listing and one object for show', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mw-cli-json-'));
    for (const name of ['shop', 'web']) cli(dataDir, 'accounts', 'add', name);
    for (const name of ['ops', 'ci']) cli(dataDir, 'tokens', 'create', name);
    for (const port of [8081, 8082]) cli(dataDir, 'webhooks', 'add', `http://127.0.0.1:${port}/hook`, '--events', 'delivered');
    for (const rcpt of ['a@dest.test', 'b@dest.test']) cli(dataDir, 'suppressions', 'add', rcpt);
    for (const selector of ['s1', 's2']) cli(dataDir, 'dkim', 'generate', 'shop.test', '--selector', selector, '--bits', '1024');

    expect(jsonLines(cli(dataDir, 'accounts', 'list', '--json')).map((a) => a.name)).toEqual(['shop', 'web']);
    expect(jsonLines(cli(dataDir, 'tokens', 'list', '--json')).map((t) => t.name).sort()).toEqual(['ci', 'ops']);
    expect(jsonLines(cli(dataDir, 'webhooks', 'list', '--json')).map((h) => h.url)).toEqual(['http://127.0.0.1:8081/hook', 'http://127.0.0.1:8082/hook']);
    expect(jsonLines(cli(dataDir, 'suppressions', 'list', '--json')).map((s) => s.recipient).sort()).toEqual(['a@dest.test', 'b@dest.test']);
    expect(jsonLines(cli(dataDir, 'dkim', 'list', '--json')).map((k) => k.selector).sort()).toEqual(['s1', 's2']);
    // Empty listings print nothing at all (no "[]" to special-case in a pipe).
    for (const listing of [['queue', 'list'], ['quarantine', 'list'], ['senders', 'list'], ['routes'], ['routes', 'changes'], ['webhooks', 'deliveries'], ['feedback', 'reports']]) {
      expect(cli(dataDir, ...listing, '--json')).toBe('');
    }

    const shown: unknown = JSON.parse(cli(dataDir, 'accounts', 'show', 'shop', '--json'));
    expect(shown).toMatchObject({ name: 'shop', suspended: false });
    expect(Array.isArray(shown)).toBe(false);
  });

  it('stops quietly when the reader closes the pipe early, as `| head` does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mw-cli-pipe-'));
    const bounce = ['From: MAILER-DAEMON@mx.example.net', 'To: shop@example.com', 'Subject: Undelivered Mail Returned to Sender', '',
      '<nobody@example.org>: host mx.example.org[192.0.2.7] said: 550 5.1.1 <nobody@example.org>: Recipient address', '    rejected: User unknown (in reply to RCPT TO command)', ''].join('\r\n');
    const files = Array.from({ length: 400 }, (_, i) => join(dir, `b${i}.eml`));
    for (const f of files) writeFileSync(f, bounce);
    const child = spawn(process.execPath, ['dist/cli/main.js', 'bounce', '--json', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy()); // the reader has what it wanted and goes away
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
