// Memory is bounded by bytes of messages in DATA, not by a count of clients: with a budget smaller than two large
// messages, the one that runs out while it streams is read to its end and refused 452 4.3.1 (the client retries),
// the other is stored whole, a declared SIZE with no room is refused at MAIL, and the budget is back at 0 after.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { acceptAllPolicy } from '../src/decide/types.js';
import { startHarness, type Harness } from './helpers/accept-harness.js';
import { rawSmtp, type RawSmtp } from './helpers/raw-smtp.js';
import { waitUntil } from './helpers/wait.js';

const BUDGET = 1_500_000;
const LARGE = 1_000_000;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ limits: { maxBytesInFlight: BUDGET } }, acceptAllPolicy);
});
afterAll(async () => h.close());

/** A message of about `size` bytes: headers, then 76-character lines of one letter. */
function largeMessage(subject: string, letter: string, size: number): { head: string; body: string } {
  const head = `From: sender@customer.test\r\nTo: rcpt@example.test\r\nSubject: ${subject}\r\nMessage-ID: <${subject}@customer.test>\r\n\r\n`;
  const line = letter.repeat(76) + '\r\n';
  return { head, body: line.repeat(Math.ceil((size - head.length) / line.length)) };
}

async function openTransaction(c: RawSmtp): Promise<void> {
  expect(await c.command('MAIL FROM:<sender@customer.test>')).toMatch(/^250/);
  expect(await c.command('RCPT TO:<rcpt@example.test>')).toMatch(/^250/);
  expect(await c.command('DATA')).toMatch(/^354/);
}

it('of two concurrent large messages past the budget one gets 452 4.3.1, is accepted when retried, and nothing is lost', async () => {
  const a = await rawSmtp(h.ports.relay!);
  const b = await rawSmtp(h.ports.relay!);
  await a.command('EHLO a.test');
  await b.command('EHLO b.test');
  const first = largeMessage('first', 'a', LARGE);
  const second = largeMessage('second', 'b', LARGE);

  // A streams 80% of its message and pauses: its bytes are held.
  await openTransaction(a);
  const split = Math.floor(first.body.length * 0.8);
  a.write(first.head + first.body.slice(0, split));
  await waitUntil('the first message to hold its bytes', () => h.bytesInFlight() >= split);

  // B does not fit beside it: read to its end (no hang), refused as a temporary failure.
  await openTransaction(b);
  expect(await b.command(second.head + second.body + '.')).toMatch(/^452 4\.3\.1 /);
  expect(h.bytesInFlight()).toBeLessThan(LARGE); // B gave back what it took

  // A finishes and is stored whole.
  expect(await a.command(first.body.slice(split) + '.')).toMatch(/^250/);
  // B's client tries again later, in the same session, and now it fits.
  await openTransaction(b);
  expect(await b.command(second.head + second.body + '.')).toMatch(/^250/);
  a.end();
  b.end();

  const stored = h.messages();
  expect(stored.map((m) => m.raw.toString('latin1').includes(`Subject: first`) ? 'first' : 'second').sort()).toEqual(['first', 'second']);
  for (const m of stored) expect(m.raw.length).toBeGreaterThan(LARGE);
  expect(h.bytesInFlight()).toBe(0);
  expect(h.logs.filter((l) => l.event === 'rejected' && l.code === 452).length).toBe(1);
}, 60_000);

it('a declared SIZE with no room is refused at MAIL, before any byte of it is sent', async () => {
  const c = await rawSmtp(h.ports.relay!);
  await c.command('EHLO c.test');
  expect(await c.command(`MAIL FROM:<sender@customer.test> SIZE=${BUDGET + 1}`)).toMatch(/^452 4\.3\.1 /);
  expect(await c.command(`MAIL FROM:<sender@customer.test> SIZE=${LARGE}`)).toMatch(/^250/);
  c.end();
  expect(h.bytesInFlight()).toBe(0);
}, 30_000);
