// Public face of the bounce stage: `parseBounce` reads a bounce, feedback report or auto-reply and classifies each
// recipient. The CLI (`mailwarden bounce`) and the feedback stage call this and nothing else.
import { judgeRecipient } from './judge.js';
import { splitMbox } from './mbox.js';
import { DEFAULT_READ_OPTIONS, readBounce, type ReadOptions } from './read.js';
import type { BounceReport } from './types.js';

export type { BounceKind, BounceRecipient, BounceReport, FeedbackFacts } from './types.js';
export { DEFAULT_READ_OPTIONS, type BounceLimits, type ReadOptions } from './read.js';

/**
 * Never throws on any input: garbage and broken MIME give kind "unknown" (with `broken` when it claimed a kind).
 * An mbox file of several messages answers for all of them: the first kind found, every recipient in order.
 */
export function parseBounce(raw: Buffer, options: ReadOptions = DEFAULT_READ_OPTIONS): BounceReport {
  const reports = splitMbox(raw).map((message) => parseOne(message, options));
  const first = reports.find((r) => r.kind !== 'unknown') ?? reports[0]!;
  return reports.length === 1 ? first : { ...first, recipients: reports.flatMap((r) => r.recipients) };
}

function parseOne(raw: Buffer, options: ReadOptions): BounceReport {
  const facts = readBounce(raw, options);
  const report: BounceReport = { kind: facts.kind, recipients: facts.recipients.map((r) => judgeRecipient(facts.kind, r, options.rules)) };
  if (facts.feedback) report.feedback = facts.feedback;
  if (facts.quoted) report.quoted = facts.quoted;
  if (facts.broken) report.broken = facts.broken;
  return report;
}
