// A cheap necessary condition for a regex: literal substrings of which at least one must occur in any text the
// regex matches. Testing `text.includes(literal)` is many times faster than running a pattern that starts with
// "\b" or ".{0,40}", and most rules do not match most replies, so the engine skips a rule when none of its
// literals occurs. No library extracts required literals from JavaScript regexes, hence this small analyser.
// It is deliberately conservative: whenever a branch has no certain literal, the pattern gets no prefilter.

/** Literals (lower-case) of which one must appear for `source` to match; null when none can be proven. */
export function requiredLiterals(source: string): string[] | null {
  const literals: string[] = [];
  for (const branch of topLevelBranches(source)) {
    const best = longestLiteral(branch);
    if (best.length >= 3) {
      literals.push(best.toLowerCase());
      continue;
    }
    // No plain run: a mandatory group whose every alternative has a literal ("(user|mailbox) unknown") will do.
    const alternatives = mandatoryGroupLiterals(branch);
    if (alternatives === null) return null;
    literals.push(...alternatives);
  }
  return literals;
}

/** Literals of the first top-level group that must match (no ?, * or {0 after it) and whose branches all have one. */
function mandatoryGroupLiterals(branch: string): string[] | null {
  for (let i = 0; i < branch.length; i++) {
    const ch = branch[i];
    if (ch === '\\') { i++; continue; }
    if (ch === '[') { i = skipGroup(branch, i); continue; }
    if (ch !== '(') continue;
    const end = skipGroup(branch, i);
    const after = branch[end + 1];
    const optional = after === '?' || after === '*' || (after === '{' && branch[end + 2] === '0');
    const body = branch.slice(i + 1, end).replace(/^\?(?:[:=!]|<[=!])/, '');
    const lookaround = /^\?(?:[=!]|<[=!])/.test(branch.slice(i + 1, end));
    if (!optional && !lookaround) {
      const inner = requiredLiterals(body);
      if (inner !== null) return inner;
    }
    i = end;
  }
  return null;
}

/** Splits on "|" outside groups and character classes. */
function topLevelBranches(source: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') { i++; continue; }
    if (inClass) { if (ch === ']') inClass = false; continue; }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) { branches.push(source.slice(start, i)); start = i + 1; }
  }
  branches.push(source.slice(start));
  return branches;
}

const ESCAPED_LITERAL = /[.\-/\\()[\]{}?*+|^$:#@&'"<>=!,;%_~]/;

/** The longest run of plain characters at the top level of one branch (groups and classes break runs). */
function longestLiteral(branch: string): string {
  let best = '';
  let run = '';
  const close = () => { if (run.length > best.length) best = run; run = ''; };
  for (let i = 0; i < branch.length; i++) {
    const ch = branch[i]!;
    if (ch === '\\') {
      const next = branch[i + 1] ?? '';
      i++;
      if (ESCAPED_LITERAL.test(next)) { run = appendUnlessOptional(run, next, branch[i + 1], close); continue; }
      close(); // \b \s \d \w and friends: not literal
      continue;
    }
    if (ch === '(' || ch === '[') { close(); i = skipGroup(branch, i); continue; }
    if ('.^$'.includes(ch)) { close(); continue; }
    if (ch === '{') { close(); i = skipTo(branch, i, '}'); continue; }
    if ('?*'.includes(ch)) { close(); continue; }
    if (ch === '+') { close(); continue; }
    run = appendUnlessOptional(run, ch, branch[i + 1], close);
  }
  close();
  return best;
}

/** Appends `ch` unless a quantifier after it makes it optional or repeatable (then the run ends before it). */
function appendUnlessOptional(run: string, ch: string, after: string | undefined, close: () => void): string {
  if (after === '?' || after === '*' || after === '{' || after === '+') {
    close();
    return '';
  }
  return run + ch;
}

function skipTo(branch: string, from: number, end: string): number {
  const at = branch.indexOf(end, from);
  return at < 0 ? branch.length : at;
}

/** Index of the character that closes the group or class opened at `open` (a quantifier after it is skipped by the caller's next iteration). */
function skipGroup(branch: string, open: number): number {
  if (branch[open] === '[') {
    for (let i = open + 1; i < branch.length; i++) {
      if (branch[i] === '\\') { i++; continue; }
      if (branch[i] === ']') return i;
    }
    return branch.length;
  }
  let depth = 0;
  let inClass = false;
  for (let i = open; i < branch.length; i++) {
    const ch = branch[i];
    if (ch === '\\') { i++; continue; }
    if (inClass) { if (ch === ']') inClass = false; continue; }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return branch.length;
}

/** A rule pattern with its prefilter. Patterns run on lower-cased text, so literals are lower case too. */
export interface Pattern {
  re: RegExp;
  literals: string[] | null;
  /** Ids of `literals` in the rule set's LiteralIndex (set when the index is built). */
  literalIds: number[] | null;
}

/** Throws the RegExp SyntaxError for a bad source (the loader reports it with file and line). */
export function compilePattern(source: string): Pattern {
  return { re: new RegExp(source, 'i'), literals: requiredLiterals(source), literalIds: null };
}

/** Whether one of the pattern's literals occurred in the text last scanned into `index`. */
export function mayMatch(pattern: Pattern, index: LiteralIndex): boolean {
  const ids = pattern.literalIds;
  if (ids === null) return true;
  for (const id of ids) if (index.seen[id] === index.generation) return true;
  return false;
}

/**
 * Finds, in one pass over a reply, which of all the rule set's literals occur in it, and so which pattern groups
 * (a rule's patterns, a provider's detection patterns) can match at all. Every literal (3 characters or more) is
 * filed under its first three characters, folded to 55 classes (letters, digits, space, other ASCII, and 16 for the
 * other scripts), so each text position costs one array read. Results are marked with a generation number: no per-reply allocation.
 */
export interface LiteralIndex {
  byTrigram: Array<LiteralEntry[] | undefined>;
  /** Generation at which each literal was last seen. */
  seen: Uint32Array;
  /** Groups with a pattern that has no prefilter: always candidates. */
  unfiltered: Uint8Array;
  /** Generation at which each group last became a candidate. */
  stamp: Uint32Array;
  generation: number;
}

interface LiteralEntry {
  literal: string;
  id: number;
  groups: number[];
}

// 39 ASCII classes (letters, digits, space, any other; 0 unused) and 16 for the rest by the code point's low bits: the
// literals of other scripts (Cyrillic, Greek, CJK, Hebrew ...) spread over their own buckets instead of one that every
// position of a non-Latin reply would have to try in full.
const ASCII_CLASSES = 39;
const CLASSES = ASCII_CLASSES + 16;
const CHAR_CLASS = (() => {
  const table = new Uint8Array(128).fill(ASCII_CLASSES - 1);
  for (let c = 97; c <= 122; c++) table[c] = c - 96; // a-z: 1..26
  for (let c = 48; c <= 57; c++) table[c] = c - 21; // 0-9: 27..36
  table[32] = 37;
  return table;
})();

function charClass(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c < 128 ? CHAR_CLASS[c]! : ASCII_CLASSES + (c & 15);
}

function trigramOf(text: string, at: number): number {
  return (charClass(text, at) * CLASSES + charClass(text, at + 1)) * CLASSES + charClass(text, at + 2);
}

/** `groups[g]` are the patterns of group g; returns the index to scan with and test group candidacy against. */
export function buildLiteralIndex(groups: Pattern[][]): LiteralIndex {
  const byLiteral = new Map<string, Set<number>>();
  const unfiltered = new Uint8Array(groups.length);
  groups.forEach((patterns, g) => {
    for (const p of patterns) {
      if (p.literals === null) unfiltered[g] = 1;
      else for (const literal of p.literals) byLiteral.set(literal, (byLiteral.get(literal) ?? new Set()).add(g));
    }
  });
  const ids = new Map([...byLiteral.keys()].map((literal, id) => [literal, id]));
  for (const p of groups.flat()) p.literalIds = p.literals?.map((literal) => ids.get(literal)!) ?? null;
  const byTrigram: Array<LiteralEntry[] | undefined> = new Array<LiteralEntry[] | undefined>(CLASSES * CLASSES * CLASSES);
  for (const [literal, owners] of byLiteral) {
    (byTrigram[trigramOf(literal, 0)] ??= []).push({ literal, id: ids.get(literal)!, groups: [...owners] });
  }
  return {
    byTrigram, seen: new Uint32Array(ids.size), unfiltered, stamp: new Uint32Array(groups.length), generation: 0,
  };
}

/** Marks every literal, and every group owning one, that occurs in `lowerText`; valid until the next scan. */
export function scanLiterals(index: LiteralIndex, lowerText: string): void {
  index.generation = (index.generation + 1) >>> 0;
  if (index.generation === 0) {
    index.stamp.fill(0);
    index.seen.fill(0);
    index.generation = 1;
  }
  const { byTrigram, generation } = index;
  const end = lowerText.length - 2;
  if (end <= 0) return;
  let a = charClass(lowerText, 0);
  let b = charClass(lowerText, 1);
  for (let i = 0; i < end; i++) {
    const c = charClass(lowerText, i + 2);
    const bucket = byTrigram[(a * CLASSES + b) * CLASSES + c];
    a = b;
    b = c;
    if (bucket === undefined) continue;
    for (const entry of bucket) if (lowerText.startsWith(entry.literal, i)) mark(index, entry, generation);
  }
}

function mark(index: LiteralIndex, entry: LiteralEntry, generation: number): void {
  if (index.seen[entry.id] === generation) return;
  index.seen[entry.id] = generation;
  for (const g of entry.groups) index.stamp[g] = generation;
}

/** False when no pattern of group `g` can match the text last scanned (then its regexes need not run). */
export function isCandidate(index: LiteralIndex, g: number): boolean {
  return index.unfiltered[g] === 1 || index.stamp[g] === index.generation;
}
