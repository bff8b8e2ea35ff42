// `npm run eval:bounces`: reason agreement of parseBounce with Sisimai's labels (expected.jsonl) on the shared bounce
// corpus. Headline: leave-one-family-out (eval/families.ts): each MTA family (the Sisimai decoder that reads the
// file) is judged with the rules that were not shaped on it, and the mean over families is reported beside the
// in-sample figure (every rule). Then per reason, recipient-count agreement, the misses, and Sisimai's Perl release
// (../shared/bench/sisimai-bounce) on the same files.
// Usage: tsx eval/bounces.ts [CORPUS_DIR]   (default ../shared/corpus/bounces, or env MAILWARDEN_BOUNCE_CORPUS)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_READ_OPTIONS, parseBounce } from '../src/bounce/index.js';
import { builtinRules, type RuleSet } from '../src/classify/index.js';
import { bounceFamily, rulesWithout, summarise, type FamilyScore } from './families.js';

interface Expected {
  file: string;
  recipient_index: number;
  decoder_module: string;
  expected_reason_consolidated: string;
  alt_expectations?: Array<{ reason: string }>;
}
interface Answer {
  file: string;
  recipients: Array<{ reason: string }>;
}

const repoRoot = resolve(import.meta.dirname, '..');
const USAGE = 'usage: npm run eval:bounces [-- CORPUS_DIR]   (default $MAILWARDEN_BOUNCE_CORPUS, else ../shared/corpus/bounces)';
if (process.argv[2] === '--help' || process.argv[2] === '-h') {
  console.log(USAGE);
  process.exit(0);
}
const corpus = resolve(process.argv[2] ?? process.env.MAILWARDEN_BOUNCE_CORPUS ?? join(repoRoot, '../shared/corpus/bounces'));
if (process.argv[2]?.startsWith('-') || !existsSync(join(corpus, 'expected.jsonl'))) {
  const problem = process.argv[2]?.startsWith('-') ? `unknown option ${process.argv[2]}` : `no ${join(corpus, 'expected.jsonl')} (the bounce corpus with Sisimai's labels)`;
  console.error(`eval:bounces: ${problem}\n${USAGE}`);
  process.exit(2);
}
const sisimaiScript = resolve(process.env.SISIMAI_BOUNCE ?? join(repoRoot, '../shared/bench/sisimai-bounce'));
/** Sisimai 4 reason names that the 2026 list merged or renamed. */
const SISIMAI4_NAMES: Record<string, string> = { speeding: 'ratelimited', toomanyconn: 'ratelimited', mesgtoobig: 'emailtoolarge', exceedlimit: 'emailtoolarge' };
const BATCH = 200; // files per process: keeps the command line well under the system's argument limit

const rows: Expected[] = readFileSync(join(corpus, 'expected.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Expected);
const files = [...new Set(rows.map((r) => r.file))];
const pct = (n: number, d: number): string => `${((100 * n) / d).toFixed(1)} %`;

function parseAll(names: string[], rules: RuleSet): Map<string, Answer> {
  const options = { ...DEFAULT_READ_OPTIONS, rules };
  return new Map(names.map((file) => [file, { file, recipients: parseBounce(readFileSync(join(corpus, file)), options).recipients }]));
}

function runSisimai(): Map<string, Answer> {
  const out = new Map<string, Answer>();
  for (let i = 0; i < files.length; i += BATCH) {
    const stdout = execFileSync('perl', [sisimaiScript, 'bounce', '--json', ...files.slice(i, i + BATCH)], { cwd: corpus, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    for (const line of stdout.split('\n')) if (line.trim()) {
      const answer = JSON.parse(line) as Answer;
      out.set(answer.file, answer);
    }
  }
  return out;
}

function agrees(row: Expected, answers: Map<string, Answer>, rename: (r: string) => string): { ok: boolean; alt: boolean; got: string } {
  const got = answers.get(row.file)?.recipients[row.recipient_index - 1]?.reason;
  const reason = got === undefined ? '(none)' : rename(got);
  const ok = reason === row.expected_reason_consolidated;
  return { ok, alt: ok || (row.alt_expectations ?? []).some((a) => rename(a.reason) === reason), got: reason };
}

function countAgreement(answers: Map<string, Answer>, names: string[]): number {
  return names.filter((f) => (answers.get(f)?.recipients.length ?? 0) === rows.filter((r) => r.file === f).length).length;
}

// --- leave one family out -----------------------------------------------------------------------------------------
const families = [...new Set(rows.map((r) => bounceFamily(r.decoder_module)))].sort();
const heldOut: FamilyScore[] = [];
const heldOutCount: FamilyScore[] = [];
const heldOutMisses: string[] = [];
for (const family of families) {
  const mine = rows.filter((r) => bounceFamily(r.decoder_module) === family);
  const names = [...new Set(mine.map((r) => r.file))];
  const answers = parseAll(names, rulesWithout(family));
  const judged = mine.map((r) => ({ row: r, ...agrees(r, answers, (x) => x) }));
  heldOut.push({ family, n: mine.length, ok: judged.filter((j) => j.ok).length });
  heldOutCount.push({ family, n: names.length, ok: countAgreement(answers, names) });
  for (const j of judged) if (!j.ok) heldOutMisses.push(`  ${j.row.file}#${j.row.recipient_index}: expected ${j.row.expected_reason_consolidated}, got ${j.got}`);
}
const lofo = summarise(heldOut);
const lofoCount = summarise(heldOutCount);
console.log(`== mailwarden parseBounce: ${rows.length} labelled recipients, ${files.length} files, ${families.length} MTA families`);
console.log(`leave-one-family-out (headline): reason ${lofo.mean.toFixed(1)} % (mean over families); pooled ${lofo.ok}/${lofo.n} = ${lofo.pooled.toFixed(1)} %; recipient count ${lofoCount.mean.toFixed(1)} % of files (mean over families)`);

// --- in sample ----------------------------------------------------------------------------------------------------
function score(label: string, answers: Map<string, Answer>, rename: (r: string) => string, showMisses: boolean): void {
  let strict = 0;
  let withAlternatives = 0;
  const perReason = new Map<string, { ok: number; all: number }>();
  const misses: string[] = [];
  for (const row of rows) {
    const { ok, alt, got } = agrees(row, answers, rename);
    const bucket = perReason.get(row.expected_reason_consolidated) ?? { ok: 0, all: 0 };
    bucket.all++;
    if (ok) bucket.ok++;
    perReason.set(row.expected_reason_consolidated, bucket);
    strict += ok ? 1 : 0;
    withAlternatives += alt ? 1 : 0;
    if (!ok) misses.push(`  ${row.file}#${row.recipient_index}: expected ${row.expected_reason_consolidated}, got ${got}${alt ? ' (an older Sisimai agrees)' : ''}`);
  }
  const countOk = countAgreement(answers, files);
  console.log(`\n== ${label}`);
  console.log(`reason agreement (strict):            ${strict}/${rows.length} = ${pct(strict, rows.length)}`);
  console.log(`reason agreement (with alternatives): ${withAlternatives}/${rows.length} = ${pct(withAlternatives, rows.length)}`);
  console.log(`recipient-count agreement:            ${countOk}/${files.length} files = ${pct(countOk, files.length)}`);
  if (!showMisses) return;
  console.log('per reason (agree/total):');
  for (const [reason, b] of [...perReason].sort((a, b) => b[1].all - a[1].all)) console.log(`  ${reason.padEnd(16)} ${b.ok}/${b.all}`);
  console.log(`misses (${misses.length}):`);
  for (const m of misses) console.log(m);
}

score('mailwarden parseBounce, in-sample (every rule, including those shaped on these files)', parseAll(files, builtinRules()), (r) => r, true);
console.log('\nper family, held out (agree/total):');
for (const f of heldOut) if (f.ok < f.n) console.log(`  ${f.family.padEnd(30)} ${f.ok}/${f.n}`);
console.log(`held-out misses (${heldOutMisses.length}):`);
for (const m of heldOutMisses) console.log(m);

if (existsSync(sisimaiScript)) {
  try {
    score('Sisimai (Perl release, Debian libsisimai-perl)', runSisimai(), (r) => SISIMAI4_NAMES[r] ?? r, false);
  } catch (err) {
    console.log(`\nSisimai's Perl release could not run (${(err as Error).message.split('\n')[0]}): install libsisimai-perl libjson-perl`);
  }
} else {
  console.log(`\nSisimai comparison skipped: ${sisimaiScript} not found`);
}
