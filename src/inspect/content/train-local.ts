// The local model: what this deployment's own customers send. Ham is mail that was delivered at least `hamAgeDays`
// ago and drew no complaint; spam is only what an operator confirmed (a held message judged spam, a complaint
// checked). Safeguards against an attacker teaching the model that phishing is ham, or a customer's newsletter is
// spam:
// - each sender identity contributes at most `perIdentityCap` messages per class, so a hijacked login that sends
//   thousands of messages weighs no more than any other sender;
// - spam needs an operator's confirmation (a hold that merely timed out is no label);
// - below `minHam` / `minSpam` usable messages there is no model at all, and the shipped one stays in charge.
import { emptyModel, prune, type BayesModel } from './bayes.js';
import { learnMessage } from './train.js';

export interface DeliveredMessage {
  raw: Buffer;
  identity: string;
  /** Epoch milliseconds of the delivery. */
  deliveredAt: number;
  /** A complaint (feedback loop, abuse report) arrived for it. */
  complained: boolean;
}

export interface ConfirmedSpam {
  raw: Buffer;
  identity: string;
  /** Who confirmed it (operator name); empty means unconfirmed, and the message is not learnt. */
  confirmedBy: string;
}

export interface LocalSafeguards {
  hamAgeDays: number;
  perIdentityCap: number;
  minHam: number;
  minSpam: number;
  minCount: number;
  now: number;
}

export const defaultLocalSafeguards: Omit<LocalSafeguards, 'now'> = { hamAgeDays: 7, perIdentityCap: 50, minHam: 200, minSpam: 50, minCount: 2 };

export type LocalSkipReason = 'too recent' | 'complained' | 'unconfirmed' | 'identity cap' | 'not a message';

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
  const skipped: Record<LocalSkipReason, number> = { 'too recent': 0, complained: 0, unconfirmed: 0, 'identity cap': 0, 'not a message': 0 };
  const perIdentity = new Map<string, number>();
  const admit = (identity: string, cls: 'ham' | 'spam'): boolean => {
    const key = `${cls}\n${identity}`;
    const n = perIdentity.get(key) ?? 0;
    if (n >= s.perIdentityCap) {
      skipped['identity cap']++;
      return false;
    }
    perIdentity.set(key, n + 1);
    return true;
  };
  const learnOne = (raw: Buffer, isSpam: boolean) => {
    if (learnMessage(model, raw, isSpam) !== null) skipped['not a message']++;
  };
  const oldest = s.now - s.hamAgeDays * 86_400_000;
  for (const m of delivered) {
    if (m.complained) skipped.complained++;
    else if (!(m.deliveredAt <= oldest)) skipped['too recent']++; // an unknown date counts as too recent
    else if (admit(m.identity, 'ham')) learnOne(m.raw, false);
  }
  for (const m of confirmed) {
    if (!m.confirmedBy.trim()) skipped.unconfirmed++;
    else if (admit(m.identity, 'spam')) learnOne(m.raw, true);
  }
  const result = { ham: model.hamMessages, spam: model.spamMessages, skipped };
  if (model.hamMessages < s.minHam || model.spamMessages < s.minSpam) {
    return { ...result, model: null, notReady: `needs ${s.minHam} ham and ${s.minSpam} confirmed spam messages, has ${model.hamMessages} and ${model.spamMessages}` };
  }
  return { ...result, model: prune(model, s.minCount) };
}
