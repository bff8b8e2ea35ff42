// npm run eval:replies — agreement of classifyReply with the labelled provider replies (reason and blame), overall
// and per provider, then every miss. Floor for both: 95 %.
import { classifyReply } from '../src/classify/index.js';
import { currentReason, ourBlame, ourPhase, percent, readJsonl } from './corpus.js';

interface ProviderReply {
  provider: string;
  reply: string;
  phase: string;
  sisimai_reason: string;
  blame: string;
  accept_reasons?: string[];
  accept_blames?: string[];
}

const rows = readJsonl<ProviderReply>('replies/provider-replies.jsonl');
const perProvider = new Map<string, { n: number; reason: number; blame: number }>();
const misses: string[] = [];
let reasonOk = 0;
let blameOk = 0;
for (const row of rows) {
  const c = classifyReply({ text: row.reply, phase: ourPhase(row.phase) });
  const reasons = new Set([row.sisimai_reason, ...(row.accept_reasons ?? [])].map(currentReason));
  const blames = new Set([row.blame, ...(row.accept_blames ?? [])].map(ourBlame));
  const rOk = reasons.has(c.reason);
  const bOk = blames.has(c.blame);
  reasonOk += Number(rOk);
  blameOk += Number(bOk);
  const p = perProvider.get(row.provider) ?? { n: 0, reason: 0, blame: 0 };
  p.n++;
  p.reason += Number(rOk);
  p.blame += Number(bOk);
  perProvider.set(row.provider, p);
  if (!rOk || !bOk) {
    misses.push(`  ${row.provider} [${row.phase}] ${row.reply.slice(0, 110)}\n    want ${[...reasons].join('|')} / ${[...blames].join('|')}, got ${c.reason} / ${c.blame} (rule ${c.rule})`);
  }
}
console.log(`provider replies: ${rows.length}`);
console.log(`reason agreement: ${percent(reasonOk, rows.length)} (${reasonOk}/${rows.length})`);
console.log(`blame agreement:  ${percent(blameOk, rows.length)} (${blameOk}/${rows.length})`);
console.log('per provider (reason, blame):');
for (const [name, p] of [...perProvider].sort()) console.log(`  ${name.padEnd(48)} ${p.reason}/${p.n}  ${p.blame}/${p.n}`);
console.log(`misses: ${misses.length}`);
for (const m of misses) console.log(m);
