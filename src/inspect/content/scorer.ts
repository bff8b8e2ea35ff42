// A content scorer built from the `content` settings: the model loaded once, thresholds fixed. The relay makes one
// at start-up; `scoreContent` in index.ts is the same with every default, for callers that have no configuration.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ContentSettings } from '../../config/schema.js';
import { mergeModels, type BayesModel } from './bayes.js';
import { loadModel } from './model-file.js';
import { newLinkDomainRule, type LinkHistory } from './new-link-domains.js';
import { enabledPeers } from './peers/index.js';
import { scoreRaw, verdictOf, type ScoreResult, type ScorerOptions } from './score.js';
import type { ContentVerdict, ScoreContext } from './types.js';

/** The model shipped with mailwarden (trained by `npm run train:default`); same path from src/ and from dist/. */
export const defaultModelPath = fileURLToPath(new URL('../../../models/default.json', import.meta.url));

export interface ContentScorer {
  /** Verdict for anything the relay received; bytes that are no message at all get the reject score. */
  score(raw: Buffer, ctx?: ScoreContext): ContentVerdict;
  /** Keeps "not a message" apart, for the CLI. */
  scoreRaw(raw: Buffer, ctx?: ScoreContext): ScoreResult;
  /** `score`, plus the enabled peer filters (Rspamd, SpamAssassin) merged in as rules; same as `score` when none is. */
  check(raw: Buffer, ctx?: ScoreContext): Promise<ContentVerdict>;
}

/** What the relay knows beyond the settings: its own history of link domains, when the caller keeps one. */
export interface ScorerState {
  /** Asked by NEW_LINK_DOMAIN; taught by every message this scorer finds clean. */
  linkHistory?: LinkHistory;
  /**
   * The relay's local model (src/learn), added to the base model when the file exists; a retrain that replaces the
   * file is picked up within a minute.
   */
  localModelFile?: string;
}

/** How often the local model file is looked at for a newer version. */
const LOCAL_MODEL_CHECK_MS = 60_000;

/** The base model plus the local one, re-read when the local file changes (its mtime); never throws. */
function modelSource(base: BayesModel, localFile: string | undefined): () => BayesModel {
  if (!localFile) return () => base;
  let model = base;
  let seenMtime = -1;
  let checkedAt = -Infinity;
  return () => {
    const now = Date.now();
    if (now - checkedAt < LOCAL_MODEL_CHECK_MS) return model;
    checkedAt = now;
    let mtime: number;
    try {
      mtime = statSync(localFile).mtimeMs;
    } catch {
      mtime = 0; // no local model (yet, or any more)
    }
    if (mtime === seenMtime) return model;
    seenMtime = mtime;
    try {
      model = mtime === 0 ? base : mergeModels(base, loadModel(localFile));
    } catch {
      model = base; // a broken file is no reason to stop scoring; the next retrain replaces it
    }
    return model;
  };
}

export function createContentScorer(settings: ContentSettings, state: ScorerState = {}): ContentScorer {
  const currentModel = modelSource(loadModel(settings.model || defaultModelPath), state.localModelFile);
  const options: ScorerOptions = {
    ...(state.linkHistory ? { extraRules: [newLinkDomainRule(state.linkHistory.seen)] } : {}),
    model: currentModel(),
    thresholds: settings.thresholds,
    modelWeight: settings.modelWeight,
    maxScanBytes: settings.maxScanBytes,
  };
  const peers = enabledPeers(settings);
  const score = (raw: Buffer, ctx: ScoreContext = {}): ContentVerdict => {
    options.model = currentModel();
    const result = scoreRaw(raw, ctx, options);
    if (result.kind === 'verdict') {
      if (result.verdict.action === 'accept') state.linkHistory?.learn(raw, ctx.authUser ?? ctx.mailFrom ?? '');
      return result.verdict;
    }
    const rule = { name: 'NOT_A_MESSAGE', score: options.thresholds.reject, description: `not an RFC 5322 message: ${result.reason}` };
    return verdictOf([rule], options.thresholds);
  };
  return {
    scoreRaw: (raw, ctx = {}) => scoreRaw(raw, ctx, { ...options, model: currentModel() }),
    score,
    async check(raw, ctx = {}) {
      const ours = score(raw, ctx);
      if (peers.length === 0) return ours;
      const theirs = await Promise.all(peers.map((peer) => peer(raw, ctx)));
      return verdictOf([...ours.rules, ...theirs], options.thresholds);
    },
  };
}
