// Scenario: an operator manages accounts with the CLI, and a customer logs in with the password it printed once.
// Runs the built CLI (dist/), as the operator would: `npm test` builds first; for a subset run `npx tsc -p .` before.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { startHarness, testMessage } from './helpers/accept-harness.js';

function cli(dataDir: string, args: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['dist/cli/main.js', 'accounts', ...args], { env: { ...process.env, MAILWARDEN_DATA_DIR: dataDir } }, (error, out, err) =>
      // The first stderr line names the configuration and data directory (every command that uses one says so).
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err: err.replace(/^mailwarden: configuration .*\n/, '') }),
    );
    child.stdin!.end(stdin ?? '');
  });
}

describe('accounts CLI', () => {
  it('adds, lists, shows, suspends, reinstates and deletes; the generated password logs in', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mw-cli-'));
    const added = await cli(dataDir, ['add', 'shop', '--domains', 'shop.test', '--enforce-domains']);
    expect(added.code).toBe(0);
    const password = /^password: (\S+)$/m.exec(added.out)![1]!;
    expect(await cli(dataDir, ['add', 'web', '--password-stdin'], 'from-stdin-pw\n')).toMatchObject({ code: 0, out: 'account web added\n' });
    expect(await cli(dataDir, ['add', 'web', '--password-stdin'], 'from-stdin-pw\n')).toMatchObject({ code: 1, err: 'mailwarden: account "web" already exists\n' });
    expect(await cli(dataDir, ['add', 'bad', '--enforce-domains'])).toMatchObject({ code: 1, err: 'mailwarden: --enforce-domains needs --domains\n' });

    const list = (await cli(dataDir, ['list', '--json'])).out.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(list.map((a) => a.name)).toEqual(['shop', 'web']);
    expect(JSON.stringify(list)).not.toContain('scrypt'); // no hash in the output
    expect(JSON.parse((await cli(dataDir, ['show', 'shop', '--json'])).out)).toMatchObject({ allowedDomains: ['shop.test'], enforceDomains: true, suspended: false });

    const h = await startHarness({ dataDir, trustedNetworks: {} });
    const send = (pass: string) =>
      nodemailer
        .createTransport({ host: '127.0.0.1', port: h.ports.smtps!, secure: true, tls: { rejectUnauthorized: false }, auth: { user: 'shop', pass } })
        .sendMail({ envelope: { from: 'a@shop.test', to: ['r@example.test'] }, raw: testMessage({ from: 'a@shop.test' }) });
    expect((await send(password)).response).toMatch(/^250 /);
    expect(await cli(dataDir, ['suspend', 'shop', '--reason', 'compromised contact form'])).toMatchObject({ code: 0 });
    await expect(send(password)).rejects.toMatchObject({ response: expect.stringContaining('compromised contact form') });
    expect(await cli(dataDir, ['reinstate', 'shop'])).toMatchObject({ code: 0 });
    expect((await send(password)).response).toMatch(/^250 /);
    expect(await cli(dataDir, ['delete', 'shop'])).toMatchObject({ code: 0 });
    await expect(send(password)).rejects.toMatchObject({ responseCode: 535 });
    expect(await cli(dataDir, ['show', 'shop'])).toMatchObject({ code: 1, err: 'mailwarden: no account "shop"\n' });
    await h.close();
    // (sixteen CLI processes, each a Node start-up: on a loaded 2-core machine that passed the default 60 s once)
  }, 120_000);
});
