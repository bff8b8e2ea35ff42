// `mailwarden bounce --json FILE…` prints one JSON line per file, in order, in the issue 3 contract; a file that is
// not a bounce says kind "unknown"; an unreadable file gets an error line and the others are still answered.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..');
const cli = join(repo, 'dist/cli/main.js');
const fixtures = join(import.meta.dirname, 'fixtures/bounces');
const RECIPIENT_KEYS = ['recipient', 'status', 'code', 'diagnostic', 'remote_mta', 'reason', 'blame', 'action', 'explanation'];

let dir: string;
beforeAll(() => {
  // `npm test` builds first; a bare `vitest run` on a fresh checkout builds here.
  if (!existsSync(cli)) execFileSync('npm', ['run', 'build', '--silent'], { cwd: repo });
  dir = mkdtempSync(join(tmpdir(), 'mailwarden-bounce-cli-'));
  writeFileSync(join(dir, 'note.eml'), 'From: friend@example.org\r\nSubject: lunch\r\n\r\nSee you at noon.\r\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => spawnSync(process.execPath, [cli, 'bounce', ...args], { encoding: 'utf8' });

describe('mailwarden bounce', () => {
  it('--json prints one contract line per file, in the order given', () => {
    const files = [join(fixtures, 'lhost-postfix-09.eml'), join(dir, 'note.eml'), join(fixtures, 'arf-11.eml'), join(fixtures, 'rfc3834-02.eml')];
    const result = run(['--json', ...files]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; kind: string; recipients: Array<Record<string, unknown>> });
    expect(lines.map((l) => [l.file, l.kind])).toEqual([
      [files[0], 'dsn'],
      [files[1], 'unknown'],
      [files[2], 'arf'],
      [files[3], 'autoreply'],
    ]);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['file', 'kind', 'recipients']);
      for (const r of line.recipients) expect(Object.keys(r)).toEqual(RECIPIENT_KEYS);
    }
    expect(lines[0]!.recipients[0]).toMatchObject({ recipient: 'kijitora@example.ne.jp', status: '4.3.2', code: 452, reason: 'ratelimited', remote_mta: 'mgate02.dti.ne.jp' });
    expect(lines[1]!.recipients).toEqual([]);
    expect(lines[2]!.recipients.map((r) => r.reason)).toEqual(['feedback']);
    expect(lines[3]!.recipients.map((r) => r.reason)).toEqual(['vacation']);
  });

  it('reports an unreadable file on its own line, answers the others, and exits non-zero', () => {
    const missing = join(dir, 'missing.eml');
    const result = run(['--json', missing, join(fixtures, 'lhost-gmail-01.eml')]);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; kind: string; error?: string });
    expect(lines.map((l) => [l.file, l.kind])).toEqual([
      [missing, 'unknown'],
      [join(fixtures, 'lhost-gmail-01.eml'), 'nondsn'],
    ]);
    expect(lines[0]!.error).toBe('cannot read: ENOENT');
    expect(result.stderr).toContain(`${missing}: cannot read: ENOENT`);
    expect(result.stderr).toContain('1 of 2 file(s) could not be read');
  });

  it('without --json prints a readable summary per recipient', () => {
    const result = run([join(fixtures, 'lhost-gmail-01.eml')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('nondsn, 1 recipient(s)');
    expect(result.stdout).toMatch(/userunknown@example\.jp {2}550 5\.1\.1 {2}userunknown \(blame recipient, action bounce\)/);
    expect(result.stdout).toContain('reply: 550 5.1.1 <userunknown@example.jp>... User Unknown');
  });
});
