// Bounce parsing speed: mailwarden's parseBounce in process, the built CLI end to end, and Sisimai's Perl release
// (../shared/bench/sisimai-bounce) end to end, on the same files. Prints figures; asserts nothing.
// Rates are per CPU second (user + system): the machine is shared, and wall time under load measures the neighbours.
// Usage: tsx bench/bounces.ts [CORPUS_DIR] (default ../shared/corpus/bounces, or env MAILWARDEN_BOUNCE_CORPUS)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseBounce } from '../src/bounce/index.js';

const repoRoot = resolve(import.meta.dirname, '..');
const corpus = resolve(process.argv[2] ?? process.env.MAILWARDEN_BOUNCE_CORPUS ?? join(repoRoot, '../shared/corpus/bounces'));
const sisimai = resolve(process.env.SISIMAI_BOUNCE ?? join(repoRoot, '../shared/bench/sisimai-bounce'));
const files = [...new Set(readFileSync(join(corpus, 'expected.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { file: string }).file))];
const raws = files.map((f) => readFileSync(join(corpus, f)));
const megabytes = raws.reduce((n, b) => n + b.length, 0) / 1e6;
/** Passes over the corpus in process: enough for a stable figure, bounded. */
const PASSES = 10;

const rate = (count: number, ms: number): string => `${Math.round((count * 1000) / ms).toLocaleString('en')} files per CPU second`;

/** CPU milliseconds of this process since `since`. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** CPU milliseconds a child command uses, measured by Perl's times() (portable, no GNU time needed). */
function childCpuMs(command: string[]): number {
  const script = 'system(@ARGV) == 0 or die "failed: $?\\n"; my @t = times; print 1000 * ($t[2] + $t[3]);';
  return Number(execFileSync('perl', ['-e', script, '--', ...command], { cwd: corpus, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' }).trim().split('\n').pop());
}

for (const raw of raws) parseBounce(raw); // warm-up: rule compilation and JIT
const start = process.cpuUsage();
for (let pass = 0; pass < PASSES; pass++) for (const raw of raws) parseBounce(raw);
const inProcess = cpuMs(start);
console.log(`bounce corpus: ${files.length} files, ${megabytes.toFixed(1)} MB`);
console.log(`mailwarden parseBounce (in process, one core): ${rate(files.length * PASSES, inProcess)}`);

/** Whole run and marginal rate (start-up measured on a one-file run and taken out) of a command over the corpus. */
function endToEnd(label: string, command: string[]): void {
  const all = childCpuMs([...command, ...files]);
  const startup = childCpuMs([...command, files[0]!]);
  const marginal = all > startup ? rate(files.length - 1, all - startup) : 'n/a';
  console.log(`${label}: ${rate(files.length, all)} end to end; start-up ${Math.round(startup)} ms CPU; ${marginal} after start-up`);
}

const cli = join(repoRoot, 'dist/cli/main.js');
if (existsSync(cli)) endToEnd('mailwarden bounce --json (CLI)', [process.execPath, cli, 'bounce', '--json']);
else console.log('mailwarden CLI not built: run "npm run build" for its end-to-end figure');
if (existsSync(sisimai)) {
  try {
    endToEnd('Sisimai 4 Perl (sisimai-bounce)', ['perl', sisimai, 'bounce', '--json']);
  } catch (err) {
    console.log(`Sisimai could not run (${(err as Error).message.split('\n')[0]}): install libsisimai-perl libjson-perl`);
  }
}
