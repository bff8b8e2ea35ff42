// Acceptance: an operator generates a DKIM key with the CLI; the relay's delivery signs the sender domain's mail with
// it; the receiving side verifies the signature with mailauth's dkimVerify, its DNS answered by a stub that returns the
// record the CLI printed. Rotation: a second key waits until activated, then signs; the first can then be removed.
import { execFile } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { afterEach, describe, expect, it } from 'vitest';
import { stampRecipient, traceValue } from '../src/accept/trace.js';
import { createSigner } from '../src/dkim/sign.js';
import { startEngine, type EngineFixture } from './helpers/engine-fixture.js';
import { tempDir, testMessage } from './helpers/queue-fixture.js';
import { startTarget, type Target } from './helpers/target-server.js';

function dkim(dataDir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['dist/cli/main.js', 'dkim', ...args], { env: { ...process.env, MAILWARDEN_DATA_DIR: dataDir } }, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }));
  });
}

/** `NAME. IN TXT "VALUE"` as printed by `dkim generate` -> a stub resolver answering that one TXT record. */
function resolverFor(printed: string[]) {
  const records = new Map(printed.map((p) => {
    const m = /^(\S+)\. IN TXT "([^"]+)"$/m.exec(p)!;
    return [m[1]!, m[2]!] as const;
  }));
  return async (name: string, type: string) => {
    const value = records.get(name);
    if (type !== 'TXT' || !value) throw Object.assign(new Error(`no ${type} for ${name}`), { code: 'ENOTFOUND' });
    return [[value]];
  };
}

const verdicts = async (raw: Buffer, resolver: ReturnType<typeof resolverFor>) =>
  (await dkimVerify(raw, { resolver })).results.map((r) => `${r.signingDomain}/${r.selector}: ${r.status.result}`);

let fx: EngineFixture | undefined;
let target: Target | undefined;
afterEach(async () => {
  await fx?.close();
  await target?.close();
});

describe('DKIM', () => {
  it('signs at delivery with the generated key and the signature verifies', async () => {
    const dataDir = tempDir();
    const first = await dkim(dataDir, ['generate', 'sender.test', '--selector', 's1']);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toMatch(/^s1\._domainkey\.sender\.test\. IN TXT "v=DKIM1; k=rsa; p=[A-Za-z0-9+/=]{300,}"\n/);
    expect(statSync(join(dataDir, 'dkim', 'sender.test', 's1.pem')).mode & 0o777).toBe(0o600);

    target = await startTarget();
    fx = startEngine({ routes: { 'example.org': `127.0.0.1:${target.port}` } }, { sign: createSigner(join(dataDir, 'dkim'), (err) => { throw err; }) }, dataDir);
    await fx.store.enqueue(testMessage(['bob@example.org']));
    await fx.store.enqueue(testMessage(['bob@example.org'], { from: 'carol@unsigned.test' }));
    const arrived = await target.waitFor(2); // in either order: signing takes the one message a little longer
    const signed = arrived.find((r) => r.mailFrom === 'alice@sender.test');
    const unsigned = arrived.find((r) => r.mailFrom === 'carol@unsigned.test');
    expect(await verdicts(signed!.raw, resolverFor([first.out]))).toEqual(['sender.test/s1: pass']);
    expect(unsigned!.raw.toString()).not.toMatch(/^DKIM-Signature:/im); // a domain without a key leaves unsigned

    // The relay sets the recipient into a copy's trace header after signing: the signature still verifies.
    const m = testMessage(['bob@example.org']);
    const traced = Buffer.from(`X-Mailwarden-Trace: ${traceValue(m.id, m.identity, 'k')}\r\n${m.raw.toString()}`);
    const copy = stampRecipient(await createSigner(join(dataDir, 'dkim'), (err) => { throw err; })(traced), 'X-Mailwarden-Trace', m.id, m.identity, 'bob@example.org', 'k');
    expect(copy.toString()).toContain(`X-Mailwarden-Trace: ${traceValue(m.id, m.identity, 'k', 'bob@example.org')}\r\n`);
    expect(await verdicts(copy, resolverFor([first.out]))).toEqual(['sender.test/s1: pass']);

    // Rotation: the new key does not sign until activated; then it does, and the old one can go.
    const second = await dkim(dataDir, ['generate', 'sender.test', '--selector', 's2']);
    expect(second.out).toContain('mailwarden dkim activate sender.test s2');
    expect(await dkim(dataDir, ['remove', 'sender.test', 's1'])).toMatchObject({ code: 1, err: expect.stringContaining('activate another key first') });
    expect(await dkim(dataDir, ['activate', 'sender.test', 's2'])).toMatchObject({ code: 0 });
    const listed = (await dkim(dataDir, ['list', '--json'])).out.trim().split('\n').map((l) => JSON.parse(l) as { selector: string; active: boolean });
    expect(listed.map((k) => `${k.selector}:${k.active}`)).toEqual(['s1:false', 's2:true']);
    const resigned = await createSigner(join(dataDir, 'dkim'), (err) => { throw err; })(testMessage(['bob@example.org']).raw);
    expect(await verdicts(resigned, resolverFor([first.out, second.out]))).toEqual(['sender.test/s2: pass']);
    // The check can fail: the same signature against the other key's record does not verify.
    expect(await verdicts(resigned, resolverFor([second.out.replace('s2._domainkey', 's0._domainkey'), first.out.replace('s1._domainkey', 's2._domainkey')]))).toEqual(['sender.test/s2: fail']);
    expect(await dkim(dataDir, ['remove', 'sender.test', 's1'])).toMatchObject({ code: 0, out: 'removed s1 of sender.test\n' });
  });

  it('a key file that is no key leaves the message unsigned and says why, and never fails the delivery', async () => {
    const dir = join(tempDir('mw-dkim-bad-'), 'dkim');
    mkdirSync(join(dir, 'example.com'), { recursive: true });
    writeFileSync(join(dir, 'example.com', 'broken.pem'), '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n');
    writeFileSync(join(dir, 'example.com', 'active'), 'broken\n');
    const errors: string[] = [];
    const raw = Buffer.from('From: shop@example.com\r\nTo: bob@example.org\r\nSubject: x\r\n\r\nhello\r\n');
    const out = await createSigner(dir, (err, domain) => errors.push(`${domain}: ${err.message}`))(raw);
    expect(out.equals(raw)).toBe(true);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^example\.com: key "broken" could not sign: \S/);
  });
});

