// Scenario: the policy says defer, reject, suspend or quarantine, or the store fails. The client gets the mapped reply
// (never internal error text), and only accepted or quarantined mail is stored, in the right state.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Decision, MessageContext, MessagePolicy, SenderContext } from '../src/decide/types.js';
import { acceptAllPolicy } from '../src/decide/types.js';
import type { Verdict } from '../src/shared/types.js';
import { startHarness, testMessage, type Harness } from './helpers/accept-harness.js';

/** A policy whose verdict is chosen by the message subject ("verdict:reject") or the sender ("suspend@..."). */
const accepted: string[] = [];
const scripted: MessagePolicy = {
  ...acceptAllPolicy,
  async checkSender(ctx: SenderContext): Promise<Decision | null> {
    if (ctx.mailFrom.startsWith('suspended@')) return { verdict: 'suspend', code: 'MW-SUSPENDED', reason: 'Sender suspended after complaints', evidence: [] };
    if (ctx.mailFrom.startsWith('held@')) return { verdict: 'quarantine', code: 'MW-HOLD', reason: 'new sender held for review', evidence: [] };
    return null;
  },
  async checkMessage(ctx: MessageContext): Promise<Decision> {
    const verdict = (/Subject: verdict:(\w+)/.exec(ctx.raw.toString())?.[1] ?? 'accept') as Verdict;
    return { verdict, code: `MW-${verdict.toUpperCase()}`, reason: `policy said ${verdict}`, evidence: [], addHeaders: [['X-Mailwarden-Score', '1.5']] };
  },
  accepted: (_ctx, decision, queueId) => void accepted.push(`${queueId}:${decision.verdict}`),
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ trustedNetworks: { local: ['127.0.0.0/8'] } }, scripted);
});
afterAll(async () => h.close());

const send = (from: string, subject: string) =>
  nodemailer
    .createTransport({ host: '127.0.0.1', port: h.ports.relay!, ignoreTLS: true })
    .sendMail({ envelope: { from, to: ['r@example.test'] }, raw: testMessage({ subject }) });

describe('policy decisions', () => {
  it('defer → 451 4.7.1, reject → 550 5.7.1, with the code and reason, nothing stored', async () => {
    await expect(send('a@customer.test', 'verdict:defer')).rejects.toMatchObject({ response: expect.stringMatching(/^451 4\.7\.1 \[MW-DEFER\] policy said defer \(ref \w+\)$/) });
    await expect(send('a@customer.test', 'verdict:reject')).rejects.toMatchObject({ response: expect.stringMatching(/^550 5\.7\.1 \[MW-REJECT\] policy said reject \(ref \w+\)$/) });
    expect(h.messages()).toEqual([]);
  });

  it('suspend at MAIL FROM → 550 5.7.1', async () => {
    await expect(send('suspended@customer.test', 'x')).rejects.toMatchObject({ response: '550 5.7.1 [MW-SUSPENDED] Sender suspended after complaints' });
  });

  it('tag → queued with the policy headers; quarantine at MAIL FROM → 250 but stored quarantined', async () => {
    const tagged = await send('a@customer.test', 'verdict:tag');
    const held = await send('held@customer.test', 'verdict:accept');
    expect(held.response).toMatch(/^250 2\.0\.0 Ok: queued as /);
    const [t, q] = h.messages();
    expect(t).toMatchObject({ state: 'queued' });
    expect(t!.raw.toString()).toContain('\r\nX-Mailwarden-Score: 1.5\r\n');
    expect(q).toMatchObject({ state: 'quarantined', mailFrom: 'held@customer.test' });
    expect(h.store.timeline(q!.id).map((e) => e.type)).toContain('quarantined');
    expect(accepted).toEqual([`${t!.id}:tag`, `${q!.id}:quarantine`]);
    expect(tagged.response).toContain(t!.id);
  });

  it('a store failure answers 451 4.3.0 without internal detail', async () => {
    h.closeDatabase(); // a real failure: the commit finds its database gone
    await expect(send('a@customer.test', 'verdict:accept')).rejects.toMatchObject({ response: '451 4.3.0 Temporary local problem, please try again later' });
    // The cause is in the log (level 50 = error), not in the reply.
    expect(h.logs.find((l) => l.level === 50)).toMatchObject({ err: { message: expect.stringContaining('not open') } });
  });
});
