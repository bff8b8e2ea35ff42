// npm run bench:explain — speed of reply classification and bounce parsing on one core. Prints figures; asserts
// nothing (DESIGN.md §3.12). Figures are per CPU-second of the process (user + system): the machine is shared.
// Section "replies": classifyReply over a realistic mix (the shared provider replies and bounce diagnostics when the
// corpus is present, plus every rule's own samples), cycled for a fixed number of calls.
// Section "bounces" (bench/bounces.ts): parseBounce in process, the CLI and Sisimai's Perl release on the same files.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinRules, classifyReply, type ReplyInput } from '../src/classify/index.js';
import { benchBounces } from './bounces.js';

const CORPUS = resolve(process.env.MAILWARDEN_CORPUS ?? new URL('../../shared/corpus', import.meta.url).pathname);

async function replyMix(): Promise<ReplyInput[]> {
  const rules = builtinRules();
  const inputs: ReplyInput[] = [...[...rules.byProvider.values()].flat(), ...rules.generic]
    .flatMap((r) => r.samples.map((s) => ({ text: s.text, mx: s.mx, phase: s.phase })));
  if (existsSync(resolve(CORPUS, 'replies/provider-replies.jsonl'))) {
    const { readJsonl } = await import('../eval/corpus.js');
    inputs.push(...readJsonl<{ reply: string }>('replies/provider-replies.jsonl').map((r) => ({ text: r.reply })));
    inputs.push(...readJsonl<{ smtp_diagnostic: string | null }>('bounces/expected.jsonl')
      .filter((r) => r.smtp_diagnostic).map((r) => ({ text: r.smtp_diagnostic! })));
  }
  return inputs;
}

/** Rates per wall-clock second and per second of this process's CPU time (the fair figure on a shared machine). */
function benchReplies(inputs: ReplyInput[], calls: number): { wall: number; cpu: number } {
  let sink = 0;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < calls; i++) sink += classifyReply(inputs[i % inputs.length]!).rule.length;
  const cpu = process.cpuUsage(cpuStart);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (sink === 0) throw new Error('benchmark produced nothing');
  return { wall: calls / seconds, cpu: calls / ((cpu.user + cpu.system) / 1e6) };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

// --- replies ---------------------------------------------------------------------------------------------------
const inputs = await replyMix();
benchReplies(inputs, 20_000); // warm-up: rule loading and JIT
const calls = Number(process.env.BENCH_CALLS ?? 300_000);
const rate = benchReplies(inputs, calls);
console.log(`replies: ${inputs.length} distinct texts, ${calls} classifications`);
console.log(`replies: ${fmt(rate.cpu)} replies per CPU-second, ${fmt(rate.wall)} per wall-clock second (target >= 100,000 on one core)`);
console.log('(rates per CPU-second count this process\'s user + system time only: the machine is shared with other work)');

// --- bounces ---------------------------------------------------------------------------------------------------
benchBounces();
