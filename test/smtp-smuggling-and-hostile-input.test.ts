// Scenario: hostile clients try SMTP smuggling (non-standard end-of-data sequences that a later hop might honour),
// commands pipelined after STARTTLS before the handshake (RFC 3207 §6), over-long lines and NUL bytes. None may
// inject a second message or reach the store in a form the client did not mean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, testMessage, type Harness } from './helpers/accept-harness.js';
import { rawSmtp, type RawSmtp } from './helpers/raw-smtp.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ trustedNetworks: { local: ['127.0.0.0/8'] } });
});
afterAll(async () => h.close());

async function transaction(c: RawSmtp, from: string): Promise<void> {
  await c.command('EHLO client.test');
  expect(await c.command(`MAIL FROM:<${from}>`)).toMatch(/^250 /);
  expect(await c.command('RCPT TO:<victim@example.test>')).toMatch(/^250 /);
  expect(await c.command('DATA')).toMatch(/^354 /);
}

const SMUGGLED = 'MAIL FROM:<ceo@bank.test>\r\nRCPT TO:<victim@example.test>\r\nDATA\r\nFrom: ceo@bank.test\r\n\r\nsmuggled\r\n';

describe('SMTP smuggling', () => {
  for (const [name, endOfData] of [['<LF>.<LF>', '\n.\n'], ['<CR>.<LF>', '\r.\n'], ['<LF>.<CR><LF>', '\n.\r\n'], ['<CR>.<CR>', '\r.\r']] as const) {
    it(`a fake end-of-data ${name} does not start a second message`, async () => {
      const before = h.messages().length;
      const c = await rawSmtp(h.ports.relay!);
      await transaction(c, 'attacker@customer.test');
      c.write(testMessage({ body: 'first' }) + endOfData + SMUGGLED + '.\r\n');
      const reply = await c.reply();
      // Exactly one reply for one DATA: the whole thing was one message, refused for its bare line ending.
      expect(reply).toMatch(/^550 5\.5\.2 Message refused: bare <(LF|CR)>/);
      expect(await c.command('QUIT')).toMatch(/^221 /);
      expect(h.messages().length).toBe(before);
      expect(h.messages().some((m) => m.mailFrom === 'ceo@bank.test')).toBe(false);
    });
  }

  it('a correct message carrying such text inside dot-stuffed lines is stored as one message', async () => {
    const before = h.messages().length;
    const c = await rawSmtp(h.ports.relay!);
    await transaction(c, 'honest@customer.test');
    // "..\r\n" is a dot-stuffed "." line (RFC 5321 §4.5.2): content, not the end.
    c.write(testMessage({ body: 'line\r\n..\r\n' + SMUGGLED }) + '.\r\n');
    expect(await c.reply()).toMatch(/^250 2\.0\.0 Ok: queued as/);
    c.end();
    const stored = h.messages();
    expect(stored.length).toBe(before + 1);
    expect(stored.at(-1)!.raw.toString()).toContain('\r\nline\r\n.\r\nMAIL FROM:<ceo@bank.test>\r\n');
  });
});

describe('other hostile input', () => {
  it('discards commands pipelined after STARTTLS before the handshake (RFC 3207 §6)', async () => {
    const c = await rawSmtp(h.ports.relay!);
    await c.command('EHLO client.test');
    c.write('STARTTLS\r\nMAIL FROM:<injected@evil.test>\r\nRCPT TO:<victim@example.test>\r\n');
    expect(await c.reply()).toMatch(/^220 /);
    await c.startTls();
    // Had the injected commands run inside TLS, MAIL would now be "nested" and replies would be out of step.
    expect(await c.command('EHLO client.test')).toMatch(/^250-/);
    expect(await c.command('MAIL FROM:<honest@customer.test>')).toMatch(/^250 /);
    expect(await c.command('RCPT TO:<r@example.test>')).toMatch(/^250 /);
    expect(await c.command('DATA')).toMatch(/^354 /);
    c.write(testMessage() + '.\r\n');
    expect(await c.reply()).toMatch(/^250 /);
    c.end();
    expect(h.messages().at(-1)).toMatchObject({ mailFrom: 'honest@customer.test', recipients: ['r@example.test'] });
  });

  it('refuses NUL bytes in the message with 550 5.6.0', async () => {
    const c = await rawSmtp(h.ports.relay!);
    await transaction(c, 'nul@customer.test');
    c.write(testMessage({ body: 'a\x00b' }) + '.\r\n');
    expect(await c.reply()).toBe('550 5.6.0 Message refused: NUL byte in message content (RFC 5322 2.3)');
    c.end();
    expect(h.messages().some((m) => m.mailFrom === 'nul@customer.test')).toBe(false);
  });

  it('answers a NUL byte in a command with an error, and the session goes on', async () => {
    const c = await rawSmtp(h.ports.relay!);
    await c.command('EHLO client.test');
    expect(await c.command('MAIL FROM:<a\x00b@customer.test>')).toMatch(/^5\d\d /);
    expect(await c.command('NOOP')).toMatch(/^250 /);
    c.end();
  });

  it('keeps long body lines byte for byte (the line limit is for commands)', async () => {
    const c = await rawSmtp(h.ports.relay!);
    await transaction(c, 'long@customer.test');
    const line = 'z'.repeat(5000);
    c.write(testMessage({ body: line }) + '.\r\n');
    expect(await c.reply()).toMatch(/^250 /);
    c.end();
    expect(h.messages().at(-1)!.raw.toString()).toContain(`\r\n\r\n${line}\r\n`);
  });
});
