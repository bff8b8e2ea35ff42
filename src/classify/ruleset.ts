// Loads the reply rules (YAML data, one file per provider or source) and compiles them once. A bad file stops
// loading with the file, line and rule id, the way a bad configuration stops start-up (DESIGN.md §3.5).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { buildLiteralIndex, compilePattern, type LiteralIndex, type Pattern } from './prefilter.js';
import { ACTIONS, BLAMES, PHASES, REASONS, SCOPES } from './types.js';
import type { Action, Blame, Phase, Reason, Scope } from './types.js';

export class RuleFileError extends Error {}

const sampleSchema = z.union([
  z.string().min(1),
  z.object({ text: z.string().min(1), phase: z.enum(PHASES).optional(), mx: z.string().optional(),
    status: z.string().optional() }).strict(),
]);

const patternList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const ruleSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'rule ids are lower-case words joined by "-"'),
  match: patternList,
  /** Only when the enhanced status starts with one of these ("5.7.9", "4.7"). */
  status: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  /** Only when the SMTP phase is known and is one of these. */
  phases: z.array(z.enum(PHASES)).min(1).optional(),
  /** The provider checks recipients only after DATA, so a refusal there keeps this reason (not "filtered"). */
  'after-data': z.literal('keep').optional(),
  reason: z.enum(REASONS),
  blame: z.enum(BLAMES),
  scope: z.enum(SCOPES).optional(),
  action: z.enum(ACTIONS).optional(),
  permanent: z.boolean().optional(),
  explanation: z.string().min(20),
  fix: z.string().min(10),
  link: z.url().optional(),
  /** Where the rule's wording comes from: a provider's published page (URL) or an MTA's source ("postfix:
   * smtp_proto.c"). Its samples are written from that source, never copied from evaluation rows. */
  source: z.string().min(3).optional(),
  /** Corpus families whose rows the rule was shaped on ("corpus:bounces/lhost-exim"): the leave-one-family-out
   * evaluation disables a rule when judging the only family it came from (eval/families.ts). */
  from: z.array(z.string().regex(/^corpus:(?:bounces|replies)\/[a-z0-9.-]+$/)).min(1).optional(),
  samples: z.array(sampleSchema).min(1),
}).strict();

const fileSchema = z.object({
  /** The provider name reported in classifications. Its rules run only when the provider is detected (from the MX
   * host or the reply text). Absent for generic sources (wording families, blocklists), whose rules always run. */
  provider: z.string().min(1).optional(),
  /** Lower first. Files of equal priority keep file-name order. */
  priority: z.number().int(),
  detect: z.object({ mx: z.array(z.string()).optional(), text: z.array(z.string()).optional() }).strict().optional(),
  link: z.url().optional(),
  rules: z.array(ruleSchema).min(1),
}).strict();

export interface RuleSample {
  text: string;
  phase?: Phase;
  mx?: string;
  status?: string;
}

export interface CompiledRule {
  id: string;
  file: string;
  line: number;
  provider: string | null;
  patterns: Pattern[];
  /** Position in the rule set's LiteralIndex groups. */
  group: number;
  statusPrefixes: string[] | null;
  phases: Phase[] | null;
  keepAfterData: boolean;
  reason: Reason;
  blame: Blame;
  scope: Scope | null;
  action: Action | null;
  permanent: boolean | null;
  explanation: string;
  fix: string;
  link: string | null;
  source: string | null;
  /** Corpus families the rule was shaped on; empty when none. */
  from: string[];
  samples: RuleSample[];
}

export interface ProviderDetector {
  provider: string;
  mx: RegExp[];
  text: Pattern[];
  group: number;
}

export interface RuleSet {
  /** Rules of generic sources (no provider) in evaluation order: file priority, then position in the file. */
  generic: CompiledRule[];
  byProvider: Map<string, CompiledRule[]>;
  detectors: ProviderDetector[];
  /** Every literal of every pattern, for the one-pass prefilter. */
  literals: LiteralIndex;
}

export const DEFAULT_RULES_DIR = fileURLToPath(new URL('./rules/', import.meta.url));

/**
 * Where the build keeps the checked contents of the rule files (scripts/copy-assets.mjs): reading YAML costs about
 * 0.2 s of CPU at each start of the CLI, reading this JSON a few milliseconds. It is used only while its hash
 * matches the YAML files beside it, so an edited rule file is always read from the YAML.
 */
export const RULE_CACHE_FILE = '.compiled.json';

interface RuleCache {
  hash: string;
  files: Array<{ file: string; data: RuleFileData; lines: number[] }>;
}

/**
 * Loads every `*.yaml` file of `dir`. Throws RuleFileError naming the file and line of the first problem. `keep`
 * leaves rules out (the leave-one-family-out evaluation drops the rules shaped on the family it judges).
 */
export function loadRuleSet(dir: string = DEFAULT_RULES_DIR, keep?: (rule: CompiledRule) => boolean): RuleSet {
  const sources = readRuleSources(dir);
  const cache = readCache(dir, hashOf(sources));
  const files = cache
    ? cache.files.map((f) => compileData(f.file, f.data, (path) => f.lines[ruleIndexOf(path)] ?? 1))
    : sources.map((s) => compileFile(s.file, s.text));
  files.sort((a, b) => a.priority - b.priority);
  return assemble(keep ? files.map((f) => ({ ...f, rules: f.rules.filter(keep) })) : files);
}

/** Writes the cache of `dir`'s rule files (after checking them all: a bad file throws here, at build time). */
export function writeRuleCache(dir: string): void {
  const sources = readRuleSources(dir);
  const files = sources.map((s) => {
    const { data, lineOf } = parseRuleFile(s.file, s.text);
    return { file: s.file, data, lines: data.rules.map((_, i) => lineOf(['rules', i])) };
  });
  assemble(files.map((f) => compileData(f.file, f.data, (path) => f.lines[ruleIndexOf(path)] ?? 1)));
  const cache: RuleCache = { hash: hashOf(sources), files };
  writeFileSync(join(dir, RULE_CACHE_FILE), JSON.stringify(cache));
}

function readRuleSources(dir: string): Array<{ file: string; text: string }> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort();
  } catch (err) {
    throw new RuleFileError(`${dir}: cannot read the rules folder (${(err as Error).message})`);
  }
  if (names.length === 0) throw new RuleFileError(`${dir}: no rule files (*.yaml)`);
  return names.map((name) => ({ file: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
}

function hashOf(sources: Array<{ file: string; text: string }>): string {
  const h = createHash('sha256');
  for (const s of sources) h.update(`${basename(s.file)}\0${s.text}\0`);
  return h.digest('hex');
}

/** The cache of `dir` when it exists and matches `hash`; anything else (absent, stale, unreadable) is no cache. */
function readCache(dir: string, hash: string): RuleCache | null {
  try {
    const cache = JSON.parse(readFileSync(join(dir, RULE_CACHE_FILE), 'utf8')) as RuleCache;
    return cache.hash === hash ? cache : null;
  } catch {
    return null;
  }
}

/** The rule index of a path inside a rule file ("rules", i, ...); 0 for the file's own fields. */
function ruleIndexOf(path: readonly PropertyKey[]): number {
  return path[0] === 'rules' && typeof path[1] === 'number' ? path[1] : 0;
}

interface CompiledFile {
  priority: number;
  rules: CompiledRule[];
  detector: ProviderDetector | null;
}

type RuleFileData = z.infer<typeof fileSchema>;
type LineOf = (path: readonly PropertyKey[]) => number;

/** Compiles one rule file's text; `file` names it in errors. Exported for tests of bad files. */
export function compileFile(file: string, text: string): CompiledFile {
  const { data, lineOf } = parseRuleFile(file, text);
  return compileData(file, data, lineOf);
}

/** Parses and checks one rule file's YAML: its data, and the line of any path in it. */
function parseRuleFile(file: string, text: string): { data: RuleFileData; lineOf: LineOf } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new RuleFileError(`${file}:${lineCounter.linePos(e.pos[0]).line}: YAML error: ${e.message.split('\n')[0]}`);
  }
  const lineOf: LineOf = (path) => {
    for (let p = path.length; p >= 0; p--) {
      const node = doc.getIn(path.slice(0, p) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const raw: unknown = doc.toJS();
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const ruleId = ruleIdAt(raw, issue.path);
    throw new RuleFileError(`${file}:${lineOf(issue.path)}:${ruleId} ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return { data: parsed.data, lineOf };
}

/** Compiles checked rule-file data: the patterns, and each rule with its defaults. */
function compileData(file: string, data: RuleFileData, lineOf: LineOf): CompiledFile {
  const provider = data.provider ?? null;
  const compile = (source: string, path: readonly PropertyKey[]): Pattern => {
    try {
      return compilePattern(source);
    } catch (err) {
      throw new RuleFileError(`${file}:${lineOf(path)}:${ruleIdAt(data, path)} bad pattern: ${(err as Error).message}`);
    }
  };
  const detector = provider && data.detect
    ? {
      provider,
      mx: (data.detect.mx ?? []).map((p, i) => compile(p, ['detect', 'mx', i]).re),
      text: (data.detect.text ?? []).map((p, i) => compile(p, ['detect', 'text', i])),
      group: -1,
    }
    : null;
  const rules = data.rules.map((r, index): CompiledRule => {
    const patterns = typeof r.match === 'string' ? [r.match] : r.match;
    return {
      id: r.id,
      file,
      line: lineOf(['rules', index]),
      provider,
      patterns: patterns.map((p, i) => compile(p, typeof r.match === 'string' ? ['rules', index, 'match'] : ['rules', index, 'match', i])),
      group: -1,
      statusPrefixes: r.status === undefined ? null : typeof r.status === 'string' ? [r.status] : r.status,
      phases: r.phases ?? null,
      keepAfterData: r['after-data'] === 'keep',
      reason: r.reason,
      blame: r.blame,
      scope: r.scope ?? null,
      action: r.action ?? null,
      permanent: r.permanent ?? null,
      explanation: r.explanation.trim(),
      fix: r.fix.trim(),
      link: r.link ?? data.link ?? null,
      source: r.source ?? null,
      from: r.from ?? [],
      samples: r.samples.map((s) => (typeof s === 'string' ? { text: s } : s)),
    };
  });
  return { priority: data.priority, rules, detector };
}

function ruleIdAt(raw: unknown, path: readonly PropertyKey[]): string {
  if (path[0] !== 'rules' || typeof path[1] !== 'number') return '';
  const rules = (raw as { rules?: Array<{ id?: unknown }> }).rules;
  const id = rules?.[path[1]]?.id;
  return typeof id === 'string' ? ` rule ${id}:` : ` rule #${path[1] + 1}:`;
}

function assemble(files: CompiledFile[]): RuleSet {
  const seen = new Map<string, CompiledRule>();
  const generic: CompiledRule[] = [];
  const byProvider = new Map<string, CompiledRule[]>();
  const detectors: ProviderDetector[] = [];
  for (const f of files) {
    if (f.detector) detectors.push(f.detector);
    for (const rule of f.rules) {
      const twin = seen.get(rule.id);
      if (twin) throw new RuleFileError(`${rule.file}:${rule.line}: rule ${rule.id}: id already used at ${twin.file}:${twin.line}`);
      seen.set(rule.id, rule);
      if (!rule.provider) generic.push(rule);
      else {
        const list = byProvider.get(rule.provider) ?? [];
        list.push(rule);
        byProvider.set(rule.provider, list);
      }
    }
  }
  const groups: Pattern[][] = [];
  for (const d of detectors) d.group = groups.push(d.text) - 1;
  for (const r of seen.values()) r.group = groups.push(r.patterns) - 1;
  return { generic, byProvider, detectors, literals: buildLiteralIndex(groups) };
}
