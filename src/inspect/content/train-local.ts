// The local model: what this deployment's own customers send. Ham is mail that was delivered at least `hamAgeDays`
// ago and drew no complaint; spam is only what an operator confirmed (a held message judged spam, a complaint
// checked). Safeguards against an attacker teaching the model that phishing is ham, or a customer's newsletter is
// spam:
// - each sender identity contributes at most `perIdentityCap` messages per class, and each login `perAccountCap` over
//   all its identities, so a hijacked login that sends thousands of messages weighs no more than any other sender;
// - an identity with a complaint or an operator-confirmed spam among its messages teaches no ham at all: an attacker
//   who got some phishing through unnoticed cannot have the rest of it learnt as this deployment's normal mail;
// - nor does an identity or login suspended (by the policy or an operator) for anything it delivered before the
//   suspension was lifted: a hijacked login is often stopped by its behaviour with no complaint ever arriving, and
//   what got out before the stop is the attacker's mail; after an operator's reinstatement its mail counts again;
// - spam needs an operator's confirmation (a hold that merely timed out is no label);
// - below `minHam` / `minSpam` usable messages, or ham from fewer than `minIdentities` identities, there is no model
//   at all, and the shipped one stays in charge.
import { emptyModel, prune, type BayesModel } from './bayes.js';
import { learnMessage } from './train.js';

export interface DeliveredMessage {
  raw: Buffer;
  identity: string;
  /** The login the identity belongs to; absent counts the identity as its own login. */
  account?: string;
  /** Epoch milliseconds of the delivery. */
  deliveredAt: number;
  /** A complaint (feedback loop, abuse report) arrived for it. */
  complained: boolean;
}

export interface ConfirmedSpam {
  raw: Buffer;
  identity: string;
  account?: string;
  /** Who confirmed it (operator name); empty means unconfirmed, and the message is not learnt. */
  confirmedBy: string;
}

export interface LocalSafeguards {
  hamAgeDays: number;
  perIdentityCap: number;
  perAccountCap: number;
  minIdentities: number;
  minHam: number;
  minSpam: number;
  minCount: number;
  now: number;
  /**
   * Identity keys and logins with a suspension on record, each with the time its suspension ended (Infinity while in
   * force): their mail delivered before then teaches no ham.
   */
  suspendedUntil?: ReadonlyMap<string, number>;
}

export const defaultLocalSafeguards: Omit<LocalSafeguards, 'now'> = { hamAgeDays: 7, perIdentityCap: 50, perAccountCap: 500, minIdentities: 10, minHam: 200, minSpam: 50, minCount: 2 };

export type LocalSkipReason = 'too recent' | 'complained' | 'sender reported' | 'sender suspended' | 'unconfirmed' | 'identity cap' | 'account cap' | 'not a message';

export interface LocalTrainResult {
  /** null while there are too few usable messages: the shipped model stays in charge. */
  model: BayesModel | null;
  ham: number;
  spam: number;
  skipped: Record<LocalSkipReason, number>;
  /** Why there is no model, for the operator. */
  notReady?: string;
}

export function trainLocalModel(delivered: DeliveredMessage[], confirmed: ConfirmedSpam[], s: LocalSafeguards): LocalTrainResult {
  const model = emptyModel();
  const skipped: Record<LocalSkipReason, number> = { 'too recent': 0, complained: 0, 'sender reported': 0, 'sender suspended': 0, unconfirmed: 0, 'identity cap': 0, 'account cap': 0, 'not a message': 0 };
  const counts = new Map<string, number>();
  /** One more message of `cls` from this sender, if neither its identity nor its login has given its share yet. */
  const admit = (identity: string, account: string, cls: 'ham' | 'spam'): boolean => {
    const byIdentity = `${cls}\ni\n${identity}`;
    const byAccount = `${cls}\na\n${account}`;
    if ((counts.get(byIdentity) ?? 0) >= s.perIdentityCap) return void skipped['identity cap']++, false;
    if ((counts.get(byAccount) ?? 0) >= s.perAccountCap) return void skipped['account cap']++, false;
    counts.set(byIdentity, (counts.get(byIdentity) ?? 0) + 1);
    counts.set(byAccount, (counts.get(byAccount) ?? 0) + 1);
    return true;
  };
  const learnOne = (raw: Buffer, isSpam: boolean) => {
    if (learnMessage(model, raw, isSpam) !== null) skipped['not a message']++;
  };
  const reported = new Set([
    ...delivered.filter((m) => m.complained).map((m) => m.identity),
    ...confirmed.filter((m) => m.confirmedBy.trim()).map((m) => m.identity),
  ]);
  const suspendedUntil = s.suspendedUntil ?? new Map<string, number>();
  const deliveredWhileSuspect = (m: DeliveredMessage) =>
    [m.identity, m.account ?? m.identity].some((key) => m.deliveredAt < (suspendedUntil.get(key) ?? -Infinity));
  const hamIdentities = new Set<string>();
  const oldest = s.now - s.hamAgeDays * 86_400_000;
  for (const m of delivered) {
    if (m.complained) skipped.complained++;
    else if (reported.has(m.identity)) skipped['sender reported']++;
    else if (deliveredWhileSuspect(m)) skipped['sender suspended']++;
    else if (!(m.deliveredAt <= oldest)) skipped['too recent']++; // an unknown date counts as too recent
    else if (admit(m.identity, m.account ?? m.identity, 'ham')) {
      learnOne(m.raw, false);
      hamIdentities.add(m.identity);
    }
  }
  for (const m of confirmed) {
    if (!m.confirmedBy.trim()) skipped.unconfirmed++;
    else if (admit(m.identity, m.account ?? m.identity, 'spam')) learnOne(m.raw, true);
  }
  const result = { ham: model.hamMessages, spam: model.spamMessages, skipped };
  if (model.hamMessages < s.minHam || model.spamMessages < s.minSpam) {
    return { ...result, model: null, notReady: `needs ${s.minHam} ham and ${s.minSpam} confirmed spam messages, has ${model.hamMessages} and ${model.spamMessages}` };
  }
  if (hamIdentities.size < s.minIdentities) {
    return { ...result, model: null, notReady: `needs ham from ${s.minIdentities} sender identities, has ${hamIdentities.size}` };
  }
  return { ...result, model: prune(model, s.minCount) };
}
