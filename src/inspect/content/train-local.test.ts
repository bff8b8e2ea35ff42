// The local model learns only what the safeguards let through: old, uncomplained ham; operator-confirmed spam; a
// bounded share per sender identity; and no model at all below the minimum counts.
import { describe, expect, it } from 'vitest';
import { compose } from '../../../test/helpers/compose.js';
import { spamProbability } from './bayes.js';
import { parseContent } from './message.js';
import { messageTokens } from './tokens.js';
import { trainLocalModel, type ConfirmedSpam, type DeliveredMessage } from './train-local.js';

const DAY = 86_400_000;
const now = Date.parse('2026-12-01T00:00:00Z');
const safeguards = { hamAgeDays: 7, perIdentityCap: 3, perAccountCap: 100, minIdentities: 1, minHam: 4, minSpam: 2, minCount: 1, now };

const ham = async (i: number, identity: string, ageDays = 10, complained = false, account = identity): Promise<DeliveredMessage> => ({
  raw: await compose({ subject: `Order ${i} shipped`, text: `Your order ${i} left our warehouse today.` }),
  identity, account, deliveredAt: now - ageDays * DAY, complained,
});
const spam = async (i: number, identity: string, confirmedBy = 'ops'): Promise<ConfirmedSpam> => ({
  raw: await compose({ subject: `Wallet ${i}`, text: 'Connect your wallet and enter your seed phrase to claim the airdrop.' }),
  identity, confirmedBy,
});

describe('local model training', () => {
  it('learns old uncomplained ham and confirmed spam, skipping the rest with reasons', async () => {
    const delivered = [await ham(1, 'a'), await ham(2, 'b'), await ham(3, 'c'), await ham(4, 'd'), await ham(5, 'e', 1), await ham(6, 'f', 30, true)];
    const confirmed = [await spam(1, 'x'), await spam(2, 'y'), await spam(3, 'z', '')];
    const r = trainLocalModel(delivered, confirmed, safeguards);
    expect(r).toMatchObject({ ham: 4, spam: 2, skipped: { 'too recent': 1, complained: 1, unconfirmed: 1, 'identity cap': 0 } });
    const p = parseContent(await compose({ text: 'Enter your seed phrase to claim the airdrop.' }));
    if (p.kind !== 'message' || !r.model) throw new Error('expected a model');
    expect(spamProbability(r.model, messageTokens(p.message))).toBeGreaterThan(0.9);
  });

  it('caps what one identity teaches, and has no model below the minimum counts', async () => {
    const flood = await Promise.all(Array.from({ length: 10 }, (_, i) => ham(i, 'hijacked')));
    const r = trainLocalModel(flood, [await spam(1, 'x'), await spam(2, 'y')], safeguards);
    expect(r).toMatchObject({ ham: 3, model: null, skipped: { 'identity cap': 7 } });
    expect(r.notReady).toContain('needs 4 ham');
  });

  it('learns no ham from a sender once reported, caps a login over all its identities, and wants ham from many senders', async () => {
    // A hijacked login spreads over identities; one of its messages drew a complaint, another was confirmed as spam.
    const spread = await Promise.all(Array.from({ length: 12 }, (_, i) => ham(i, `shop/${i % 6}`, 10, false, 'shop')));
    const reported = [await ham(20, 'shop/0', 10, true, 'shop'), await ham(21, 'other', 10, false)];
    const r = trainLocalModel([...spread, ...reported], [await spam(1, 'shop/1'), await spam(2, 'y')], { ...safeguards, perAccountCap: 5 });
    // shop/0 (complaint) and shop/1 (confirmed spam) teach no ham; of shop's other 8 messages the login's cap lets 5 in.
    expect(r.skipped).toMatchObject({ complained: 1, 'sender reported': 4, 'account cap': 3 });
    expect(r.ham).toBe(6);
    const few = trainLocalModel([...spread, ...reported], [await spam(1, 'x'), await spam(2, 'y')], { ...safeguards, minIdentities: 8 });
    expect(few).toMatchObject({ model: null, notReady: 'needs ham from 8 sender identities, has 6' });
  });

  it('learns no ham that a suspended identity or login delivered before its suspension was lifted', async () => {
    // The policy stopped the login "hacked" with no complaint; "shop/1" was reinstated by an operator 5 days ago.
    const delivered = [await ham(1, 'hacked/a', 10, false, 'hacked'), await ham(2, 'hacked/b', 9, false, 'hacked'),
      await ham(3, 'shop/1', 8), await ham(4, 'shop/1', 2), await ham(5, 'c'), await ham(6, 'd'), await ham(7, 'e')];
    const suspendedUntil = new Map([['hacked', Infinity], ['shop/1', now - 5 * DAY]]);
    const r = trainLocalModel(delivered, [await spam(1, 'x'), await spam(2, 'y')], { ...safeguards, hamAgeDays: 1, suspendedUntil });
    expect(r.skipped).toMatchObject({ 'sender suspended': 3 });
    expect(r.ham).toBe(4);
  });
});
