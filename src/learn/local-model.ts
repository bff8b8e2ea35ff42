// The relay learns its own deployment's mail: from the samples the queue set aside (src/queue/sqlite-samples.ts) it
// trains the local model under the safeguards of train-local.ts, and writes it where the inspection thread adds it
// to the base model (src/inspect/content/scorer.ts). The running relay does this every `retrainHours`;
// `mailwarden train --from-relay` does the same once, on the operator's word.
import { renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentSettings } from '../config/schema.js';
import { saveModel } from '../inspect/content/model-file.js';
import { trainLocalModel, type LocalSkipReason } from '../inspect/content/train-local.js';
import { createSampleQueries } from '../queue/sqlite-samples.js';
import { createSuspensions, type Suspension } from '../reputation/suspensions.js';
import type { Logger } from '../shared/logger.js';
import type { Db } from '../store/sqlite.js';

export type LearningSettings = ContentSettings['learning'];

/** Where the local model lives: beside the database, in the data directory. */
export const localModelPath = (dataDir: string) => join(dataDir, 'local-model.json');

export interface RetrainSummary {
  /** The model file written, or null when there is no model yet (`notReady` says why; an older file stays). */
  file: string | null;
  ham: number;
  spam: number;
  skipped: Record<LocalSkipReason, number>;
  notReady?: string;
  /** Samples read, samples dropped to stay within the bounds, and samples newly marked as complained of. */
  samples: number;
  trimmed: number;
  complaintsMarked: number;
}

/** Sender identity as the reputation stage names it: the login, or login/sub. */
const identityOf = (account: string, sub: string) => (sub ? `${account}/${sub}` : account);

export function retrainLocalModel(db: Db, learning: LearningSettings, dataDir: string, now: number): RetrainSummary {
  const samples = createSampleQueries(db);
  const complaintsMarked = samples.markComplaints();
  const trimmed = samples.trim(learning.maxSamples, learning.maxSampleBytes);
  const all = samples.list();
  const r = trainLocalModel(
    all.filter((s) => s.kind === 'delivered').map((s) => ({ raw: s.raw, identity: identityOf(s.account, s.sub), account: s.account, deliveredAt: s.at, complained: s.complained })),
    all.filter((s) => s.kind === 'spam').map((s) => ({ raw: s.raw, identity: identityOf(s.account, s.sub), account: s.account, confirmedBy: s.confirmedBy })),
    { ...learning, minCount: 2, now, suspendedUntil: suspensionEnds(createSuspensions(db).list()) },
  );
  let file: string | null = null;
  if (r.model) {
    // Written aside and renamed: the inspection thread never reads half a file.
    file = localModelPath(dataDir);
    saveModel(`${file}.tmp`, r.model);
    renameSync(`${file}.tmp`, file);
  }
  return { file, ham: r.ham, spam: r.spam, skipped: r.skipped, ...(r.notReady ? { notReady: r.notReady } : {}), samples: all.length, trimmed, complaintsMarked };
}

/** For each suspended identity or login, when its last suspension ended (Infinity while one is in force). */
function suspensionEnds(suspensions: Suspension[]): Map<string, number> {
  const ends = new Map<string, number>();
  for (const s of suspensions) {
    const end = s.reinstatedAt ?? (s.until === 0 ? Infinity : s.until);
    ends.set(s.identity, Math.max(end, ends.get(s.identity) ?? -Infinity));
  }
  return ends;
}

/** Age of the local model file in ms; Infinity when there is none. */
function modelAge(dataDir: string, now: number): number {
  try {
    return now - statSync(localModelPath(dataDir)).mtimeMs;
  } catch {
    return Infinity;
  }
}

/** Retrain every `retrainHours`, and once soon after start when the last model is older than that (or missing). */
export function startLocalLearning(db: Db, learning: LearningSettings, dataDir: string, logger: Logger): { stop(): void } {
  const everyMs = learning.retrainHours * 3_600_000;
  const run = () => {
    try {
      const s = retrainLocalModel(db, learning, dataDir, Date.now());
      logger.info({ event: 'local-model-trained', ...s }, s.file ? `local model trained from ${s.ham} ham and ${s.spam} confirmed spam` : `no local model yet: ${s.notReady}`);
    } catch (err) {
      logger.error({ event: 'local-model-failed', err: (err as Error).message }, 'could not train the local model');
    }
  };
  // Timers take at most 2^31-1 ms (about 24.8 days).
  const cap = (ms: number) => Math.min(ms, 2 ** 31 - 1);
  const age = modelAge(dataDir, Date.now());
  const first = setTimeout(run, age >= everyMs ? 60_000 : cap(everyMs - age));
  const timer = setInterval(run, cap(everyMs));
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
