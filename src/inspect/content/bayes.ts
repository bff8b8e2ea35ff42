// Naive Bayes with Robinson's token probabilities and Fisher's chi-square combining, the scheme of SpamBayes
// (Gary Robinson, "A Statistical Approach to the Spam Problem", 2003). Chosen over plain multinomial naive Bayes
// because its result is honestly uncertain (near 0.5) when the evidence conflicts instead of slamming to 0 or 1,
// which is what lets a spam threshold hold a false-positive rate of a fraction of a percent.

export interface TokenCounts {
  /** Spam messages that contained the token. */
  spam: number;
  ham: number;
}

export interface BayesModel {
  spamMessages: number;
  hamMessages: number;
  tokens: Map<string, TokenCounts>;
}

export interface BayesOptions {
  /** Robinson's s: strength of the prior, in messages. */
  priorStrength: number;
  /** Robinson's x: probability of a token never seen. */
  priorProbability: number;
  /** Tokens with |p - 0.5| below this are ignored. */
  minStrength: number;
  /** At most this many of the strongest tokens are combined. */
  maxClues: number;
}

export const defaultBayesOptions: BayesOptions = {
  priorStrength: 0.45,
  priorProbability: 0.5,
  minStrength: 0.1,
  maxClues: 150,
};

export function emptyModel(): BayesModel {
  return { spamMessages: 0, hamMessages: 0, tokens: new Map() };
}

export function learn(model: BayesModel, tokens: Iterable<string>, isSpam: boolean): void {
  if (isSpam) model.spamMessages++;
  else model.hamMessages++;
  for (const t of tokens) {
    let c = model.tokens.get(t);
    if (!c) model.tokens.set(t, (c = { spam: 0, ham: 0 }));
    if (isSpam) c.spam++;
    else c.ham++;
  }
}

/** Robinson's f(w): the token's spam probability, pulled toward x by how rarely it was seen. */
function tokenProbability(model: BayesModel, c: TokenCounts, o: BayesOptions): number {
  const spamRatio = c.spam / Math.max(1, model.spamMessages);
  const hamRatio = c.ham / Math.max(1, model.hamMessages);
  const p = spamRatio / (spamRatio + hamRatio);
  const n = c.spam + c.ham;
  return (o.priorStrength * o.priorProbability + n * p) / (o.priorStrength + n);
}

/** Spam probability of a set of tokens, 0..1; 0.5 when the model knows none of them. */
export function spamProbability(model: BayesModel, tokens: Iterable<string>, o = defaultBayesOptions): number {
  const clues: number[] = [];
  for (const t of tokens) {
    const c = model.tokens.get(t);
    if (!c) continue;
    const p = tokenProbability(model, c, o);
    if (Math.abs(p - 0.5) >= o.minStrength) clues.push(p);
  }
  if (clues.length === 0) return 0.5;
  if (clues.length > o.maxClues) {
    clues.sort((a, b) => Math.abs(b - 0.5) - Math.abs(a - 0.5));
    clues.length = o.maxClues;
  }
  let lnHam = 0;
  let lnSpam = 0;
  for (const p of clues) {
    lnHam += Math.log(p);
    lnSpam += Math.log(1 - p);
  }
  const s = 1 - chi2Q(-2 * lnSpam, 2 * clues.length);
  const h = 1 - chi2Q(-2 * lnHam, 2 * clues.length);
  return (s - h + 1) / 2;
}

/** P(chi-square with v degrees of freedom >= x2), v even (the series form Fisher's method allows). */
function chi2Q(x2: number, v: number): number {
  const m = x2 / 2;
  let term = Math.exp(-m);
  let sum = term;
  for (let i = 1; i < v / 2; i++) {
    term *= m / i;
    sum += term;
  }
  return Math.min(sum, 1);
}

/**
 * Two models as one: the messages and token counts added. The relay adds its local model (this deployment's own
 * delivered ham and confirmed spam) to the shipped one, so its customers' newsletters pull their words toward ham
 * while everything the shipped model knew still counts.
 */
export function mergeModels(a: BayesModel, b: BayesModel): BayesModel {
  const tokens = new Map(a.tokens);
  for (const [t, c] of b.tokens) {
    const had = tokens.get(t);
    tokens.set(t, had ? { spam: had.spam + c.spam, ham: had.ham + c.ham } : c);
  }
  return { spamMessages: a.spamMessages + b.spamMessages, hamMessages: a.hamMessages + b.hamMessages, tokens };
}

/** Drops tokens seen in fewer than `minCount` training messages (they barely move f(w) and bloat the file). */
export function prune(model: BayesModel, minCount: number): BayesModel {
  const tokens = new Map<string, TokenCounts>();
  for (const [t, c] of model.tokens) if (c.spam + c.ham >= minCount) tokens.set(t, c);
  return { ...model, tokens };
}
