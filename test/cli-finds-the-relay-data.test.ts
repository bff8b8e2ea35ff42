// The CLI run from another folder answers from the relay's data, not from a fresh ./data it made up: it finds the
// configuration the relay uses (MAILWARDEN_CONFIG, then /etc/mailwarden/mailwarden.yaml, then ./mailwarden.yaml),
// says on stderr which data directory it reads, and a command that only reads never creates a database.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/queue-fixture.js';
import { CLI, writeConfig } from './helpers/relay-process.js';

function run(cwd: string, args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MAILWARDEN_')));
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...clean, ...env } });
}

describe.skipIf(existsSync('/etc/mailwarden/mailwarden.yaml'))('the CLI finds the relay data', () => {
  it('a read-only command in a folder without configuration creates nothing and says where it looked', () => {
    const cwd = tempDir('mw-cwd-');
    const r = run(cwd, ['queue', 'list']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`data directory ${join(cwd, 'data')}`);
    expect(r.stderr).toMatch(/no database at/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('MAILWARDEN_CONFIG points every command at the relay data directory, from any folder', () => {
    const dataDir = join(tempDir('mw-relaydata-'), 'data');
    const configFile = writeConfig(tempDir('mw-conf-'), { dataDir });
    const env = { MAILWARDEN_CONFIG: configFile };
    const add = run(tempDir('mw-cwd-'), ['accounts', 'add', 'web-01', '--domains', 'customer.example'], env);
    expect(add.status).toBe(0);
    expect(add.stderr).toContain(`configuration ${configFile} (MAILWARDEN_CONFIG); data directory ${dataDir}`);
    const elsewhere = tempDir('mw-cwd-');
    const list = run(elsewhere, ['accounts', 'list'], env);
    expect(list.stdout).toContain('web-01');
    expect(list.stderr).toContain(`data directory ${dataDir}`);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('./mailwarden.yaml is used when nothing else names a configuration', () => {
    const cwd = tempDir('mw-cwd-');
    const dataDir = join(tempDir('mw-relaydata-'), 'data');
    writeConfig(cwd, { dataDir });
    const r = run(cwd, ['tokens', 'create', 'ops']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`(default path); data directory ${dataDir}`);
    expect(existsSync(join(dataDir, 'mailwarden.sqlite'))).toBe(true);
  });
});
