// A postmaster pastes a reply into `mailwarden explain` and reads what happened, who is to blame and what to do.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function explain(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'explain', ...args], {
    cwd: root, input, encoding: 'utf8', timeout: 60_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('mailwarden explain', () => {
  it('prints the contract JSON for the AOL example', () => {
    const r = explain(['--phase', 'connect', '--json', '521 5.2.1 : (CON:B1) http://postmaster.info.aol.com/errors/554conb1.html']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect(Object.keys(c)).toEqual(['code', 'status', 'reason', 'blame', 'permanent', 'scope', 'provider', 'action', 'explanation', 'fix', 'link', 'rule']);
    expect(c).toMatchObject({ code: 521, status: '5.2.1', reason: 'blocked', blame: 'sender-ip', provider: 'AOL', rule: 'aol-con-b1' });
  });

  it('reads a multi-line reply from standard input and explains it in words', () => {
    const reply = '550-5.1.1 The email account that you tried to reach does not exist. Please try\n550-5.1.1 double-checking the recipient\'s email address for typos.\n550 5.1.1 https://support.google.com/mail/?p=NoSuchUser - gsmtp\n';
    const r = explain(['--mx', 'gmail-smtp-in.l.google.com', '-'], reply);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Reason: +userunknown/);
    expect(r.out).toMatch(/from Google/);
    expect(r.out).toMatch(/What happened: +The recipient address does not exist/);
    expect(r.out).toMatch(/mailwarden: +stops sending to this recipient/);
  });

  it('turns "\\n" in the argument into line breaks', () => {
    const r = explain(['--json', '421-4.7.0 [192.0.2.1 15] Our system has detected an unusual rate of\\n421-4.7.0 unsolicited mail originating from your IP address.']);
    expect(JSON.parse(r.out)).toMatchObject({ reason: 'blocked', blame: 'sender-ip', permanent: false });
  });

  it('refuses an unknown phase with a one-line error and a non-zero exit', () => {
    const r = explain(['--phase', 'quit', 'x']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/--phase must be one of/);
  });
});
