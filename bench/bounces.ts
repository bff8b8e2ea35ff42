// Bounce parsing speed, the second section of `npm run bench:explain`: mailwarden's parseBounce in process (warm),
// the built CLI end to end, and Sisimai's Perl release (../shared/bench/sisimai-bounce) end to end, on the same
// files. Rates are per CPU second (user + system): the machine is shared, and wall time under load measures the
// neighbours. Prints figures; asserts nothing. Corpus: env MAILWARDEN_BOUNCE_CORPUS, default ../shared/corpus/bounces.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseBounce } from '../src/bounce/index.js';

const repoRoot = resolve(import.meta.dirname, '..');
/** Passes over the corpus in process: enough for a stable figure, bounded. */
const PASSES = 10;

const rate = (count: number, ms: number): string => `${Math.round((count * 1000) / ms).toLocaleString('en-US')} files per CPU-second`;

/** CPU milliseconds of this process since `since`. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** CPU milliseconds a child command uses, measured by Perl's times() (portable, no GNU time needed). */
function childCpuMs(command: string[], cwd: string): number {
  const script = 'system(@ARGV) == 0 or die "failed: $?\\n"; my @t = times; print 1000 * ($t[2] + $t[3]);';
  return Number(execFileSync('perl', ['-e', script, '--', ...command], { cwd, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' }).trim().split('\n').pop());
}

/** Whole run and marginal rate (start-up measured on a one-file run and taken out) of a command over the corpus. */
function endToEnd(label: string, command: string[], files: string[], cwd: string): void {
  const all = childCpuMs([...command, ...files], cwd);
  const startup = childCpuMs([...command, files[0]!], cwd);
  const marginal = all > startup ? rate(files.length - 1, all - startup) : 'n/a';
  console.log(`bounces: ${label}: ${rate(files.length, all)} end to end; start-up ${Math.round(startup)} ms CPU; ${marginal} after start-up`);
}

export function benchBounces(): void {
  const corpus = resolve(process.env.MAILWARDEN_BOUNCE_CORPUS ?? join(repoRoot, '../shared/corpus/bounces'));
  if (!existsSync(join(corpus, 'expected.jsonl'))) {
    console.log(`bounces: skipped, no corpus at ${corpus}`);
    return;
  }
  const files = [...new Set(readFileSync(join(corpus, 'expected.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { file: string }).file))];
  const raws = files.map((f) => readFileSync(join(corpus, f)));
  const megabytes = raws.reduce((n, b) => n + b.length, 0) / 1e6;

  for (const raw of raws) parseBounce(raw); // warm-up: rule compilation and JIT
  const start = process.cpuUsage();
  for (let pass = 0; pass < PASSES; pass++) for (const raw of raws) parseBounce(raw);
  console.log(`bounces: corpus ${files.length} files, ${megabytes.toFixed(1)} MB, ${PASSES} warm passes`);
  console.log(`bounces: mailwarden parseBounce (in process, warm, one core): ${rate(files.length * PASSES, cpuMs(start))} (target >= 2,000)`);

  const cli = join(repoRoot, 'dist/cli/main.js');
  if (existsSync(cli)) endToEnd('mailwarden bounce --json (CLI)', [process.execPath, cli, 'bounce', '--json'], files, corpus);
  else console.log('bounces: mailwarden CLI not built: run "npm run build" for its end-to-end figure');
  const sisimai = resolve(process.env.SISIMAI_BOUNCE ?? join(repoRoot, '../shared/bench/sisimai-bounce'));
  if (!existsSync(sisimai)) {
    console.log(`bounces: Sisimai comparison skipped: ${sisimai} not found`);
    return;
  }
  try {
    endToEnd('Sisimai 4 Perl (sisimai-bounce)', ['perl', sisimai, 'bounce', '--json'], files, corpus);
  } catch (err) {
    console.log(`bounces: Sisimai could not run (${(err as Error).message.split('\n')[0]}): install libsisimai-perl libjson-perl`);
  }
}
