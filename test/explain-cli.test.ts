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
    expect(r.out).toMatch(/mailwarden: +does not retry; it returns the message to the sender with a delivery status notification/);
    expect(r.out).toMatch(/\nand: +suppresses the recipient for the sender's account: later messages to it are refused at RCPT TO\.\n/);
  });

  it('says what the feedback stage does about a block of the relay, and promises no suppression for it', () => {
    const r = explain(['--phase', 'connect', '521 5.2.1 : (CON:B1)']);
    expect(r.out).toMatch(/\nand: +names the identities that sent most to this provider just before as suspects and raises their risk/);
    expect(r.out).not.toMatch(/suppress/);
    expect(explain(['452 4.2.2 Mailbox full']).out).not.toMatch(/\nand:/); // a full mailbox is tried again, nothing more
  });

  it('turns "\\n" in the argument into line breaks', () => {
    const r = explain(['--json', '421-4.7.0 [192.0.2.1 15] Our system has detected an unusual rate of\\n421-4.7.0 unsolicited mail originating from your IP address.']);
    expect(JSON.parse(r.out)).toMatchObject({ reason: 'ratelimited', blame: 'sender-ip', permanent: false });
  });

  it('says so, and exits non-zero, when the text is not an SMTP reply at all', () => {
    for (const text of ['hello world', '']) {
      const r = explain([text]);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/not recognised as an SMTP reply/);
    }
  });

  it('never blames the recipient or the content for a refusal at connect, HELO or MAIL FROM', () => {
    // One CLI run per phase (src/classify/engine.test.ts covers every pair of phase and reply).
    const cases = [
      ['connect', '550 5.1.1 <a@example.com>: Recipient address rejected: User unknown'],
      ['helo', '554 5.7.1 Message rejected because of policy violations'],
      ['mail', '452 4.2.2 Mailbox full'],
    ];
    for (const [phase, reply] of cases) {
      const c = JSON.parse(explain(['--json', '--phase', phase!, reply!]).out);
      expect(['recipient', 'content']).not.toContain(c.blame);
    }
  });

  it("explains Gmail's missing PTR for an IPv4 sender without speaking of IPv6", () => {
    const r = explain(['--mx', 'gmail-smtp-in.l.google.com', '550-5.7.25 [198.51.100.3] The IP address sending this message does not have a\n550-5.7.25 PTR record setup, or the corresponding forward DNS entry does not\n550 5.7.25 point to the sending IP. - gsmtp']);
    expect(r.out).toMatch(/Reason: +requireptr/);
    expect(r.out).not.toMatch(/IPv6/);
  });

  it('treats a full mailbox as the recipient\'s temporary problem, with no promise to send more slowly', () => {
    const r = explain(['452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp - gsmtp']);
    expect(r.out).toMatch(/Reason: +mailboxfull/);
    expect(r.out).toMatch(/Blame: +recipient/);
    expect(r.out).toMatch(/mailwarden: +retries the message on its schedule/);
    expect(r.out).not.toMatch(/slow/i);
  });

  it("sends Outlook.com consumer blocks to Outlook.com's support form, Microsoft 365 blocks to sender.office.com", () => {
    const consumer = JSON.parse(explain(['--json', '550 5.7.1 Unfortunately, messages from [198.51.100.8] weren\'t sent. Please contact your Internet service provider since part of their network is on our block list (S3150).']).out);
    expect(consumer.link).toBe('https://go.microsoft.com/fwlink/?LinkID=614866');
    expect(consumer.fix).not.toMatch(/at https:\/\/sender\.office\.com/);
    const tenant = JSON.parse(explain(['--json', '550 5.7.606 Access denied, banned sending IP [198.51.100.8]. To request removal from this list please visit https://sender.office.com/ and follow the directions.']).out);
    expect(tenant.link).toBe('https://sender.office.com/');
  });

  it('refuses an unknown phase with a one-line error and a non-zero exit', () => {
    const r = explain(['--phase', 'quit', 'x']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/--phase must be one of/);
  });
});
