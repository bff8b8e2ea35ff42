// `npm run eval:bounces`: runs the built `mailwarden bounce --json` over the shared bounce corpus and prints reason
// agreement with Sisimai's labels (expected.jsonl), overall and per reason, recipient-count agreement and the misses;
// then the same figures for Sisimai's Perl release (../shared/bench/sisimai-bounce) on the same files.
// Usage: tsx eval/bounces.ts [CORPUS_DIR]   (default ../shared/corpus/bounces, or env MAILWARDEN_BOUNCE_CORPUS)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface Expected {
  file: string;
  recipient_index: number;
  recipients_in_sample: number;
  expected_reason_consolidated: string;
  alt_expectations?: Array<{ reason: string }>;
}
interface Answer {
  file: string;
  recipients: Array<{ reason: string }>;
}

const repoRoot = resolve(import.meta.dirname, '..');
const corpus = resolve(process.argv[2] ?? process.env.MAILWARDEN_BOUNCE_CORPUS ?? join(repoRoot, '../shared/corpus/bounces'));
const sisimaiScript = resolve(process.env.SISIMAI_BOUNCE ?? join(repoRoot, '../shared/bench/sisimai-bounce'));
/** Sisimai 4 reason names that the 2026 list merged or renamed. */
const SISIMAI4_NAMES: Record<string, string> = { speeding: 'ratelimited', toomanyconn: 'ratelimited', mesgtoobig: 'emailtoolarge', exceedlimit: 'emailtoolarge' };
const BATCH = 200; // files per process: keeps the command line well under the system's argument limit

const rows: Expected[] = readFileSync(join(corpus, 'expected.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Expected);
const files = [...new Set(rows.map((r) => r.file))];

function run(command: string, args: string[]): Map<string, Answer> {
  const out = new Map<string, Answer>();
  for (let i = 0; i < files.length; i += BATCH) {
    const stdout = execFileSync(command, [...args, ...files.slice(i, i + BATCH)], { cwd: corpus, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    for (const line of stdout.split('\n')) if (line.trim()) {
      const answer = JSON.parse(line) as Answer;
      out.set(answer.file, answer);
    }
  }
  return out;
}

function score(label: string, answers: Map<string, Answer>, rename: (r: string) => string, showMisses: boolean): void {
  let strict = 0;
  let withAlternatives = 0;
  const perReason = new Map<string, { ok: number; all: number }>();
  const misses: string[] = [];
  for (const row of rows) {
    const got = answers.get(row.file)?.recipients[row.recipient_index - 1]?.reason;
    const reason = got === undefined ? '(none)' : rename(got);
    const ok = reason === row.expected_reason_consolidated;
    const alt = ok || (row.alt_expectations ?? []).some((a) => rename(a.reason) === reason);
    const bucket = perReason.get(row.expected_reason_consolidated) ?? { ok: 0, all: 0 };
    bucket.all++;
    if (ok) bucket.ok++;
    perReason.set(row.expected_reason_consolidated, bucket);
    strict += ok ? 1 : 0;
    withAlternatives += alt ? 1 : 0;
    if (!ok) misses.push(`  ${row.file}#${row.recipient_index}: expected ${row.expected_reason_consolidated}, got ${reason}${alt ? ' (an older Sisimai agrees)' : ''}`);
  }
  const countOk = files.filter((f) => (answers.get(f)?.recipients.length ?? 0) === rows.filter((r) => r.file === f).length).length;
  const pct = (n: number, d: number): string => `${((100 * n) / d).toFixed(1)} %`;
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

const cli = join(repoRoot, 'dist/cli/main.js');
if (!existsSync(cli)) throw new Error(`${cli} not found: run "npm run build" first`);
score('mailwarden bounce', run(process.execPath, [cli, 'bounce', '--json']), (r) => r, true);
if (existsSync(sisimaiScript)) {
  try {
    score('Sisimai (Perl release, Debian libsisimai-perl)', run('perl', [sisimaiScript, 'bounce', '--json']), (r) => SISIMAI4_NAMES[r] ?? r, false);
  } catch (err) {
    console.log(`\nSisimai's Perl release could not run (${(err as Error).message.split('\n')[0]}): install libsisimai-perl libjson-perl`);
  }
} else {
  console.log(`\nSisimai comparison skipped: ${sisimaiScript} not found`);
}
