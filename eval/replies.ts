// npm run eval:replies — agreement of the reply classifier with the labelled provider replies (reason and blame).
// Headline: leave-one-provider-out (eval/families.ts), the mean over providers of the agreement measured with the
// rules that were not shaped on that provider; then the in-sample figure (all rules), per provider, and the misses.
// Floor for both: 95 %.
import { builtinRules, classifyWith, type RuleSet } from '../src/classify/index.js';
import { currentReason, ourBlame, ourPhase, percent, readJsonl } from './corpus.js';
import { replyFamily, rulesWithout, summarise, type FamilyScore } from './families.js';

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

function judge(rules: RuleSet, row: ProviderReply): { reason: boolean; blame: boolean; line: string } {
  const c = classifyWith(rules, { text: row.reply, phase: ourPhase(row.phase) });
  const reasons = new Set([row.sisimai_reason, ...(row.accept_reasons ?? [])].map(currentReason));
  const blames = new Set([row.blame, ...(row.accept_blames ?? [])].map(ourBlame));
  const line = `  ${row.provider} [${row.phase}] ${row.reply.slice(0, 110)}\n    want ${[...reasons].join('|')} / ${[...blames].join('|')}, got ${c.reason} / ${c.blame} (rule ${c.rule})`;
  return { reason: reasons.has(c.reason), blame: blames.has(c.blame), line };
}

const families = [...new Set(rows.map((r) => replyFamily(r.provider)))].sort();
const byReason: FamilyScore[] = [];
const byBlame: FamilyScore[] = [];
const heldOutMisses: string[] = [];
for (const family of families) {
  const rules = rulesWithout(family);
  const mine = rows.filter((r) => replyFamily(r.provider) === family);
  const results = mine.map((r) => judge(rules, r));
  byReason.push({ family, n: mine.length, ok: results.filter((r) => r.reason).length });
  byBlame.push({ family, n: mine.length, ok: results.filter((r) => r.blame).length });
  for (const r of results) if (!r.reason || !r.blame) heldOutMisses.push(`${r.line} [held out: ${family}]`);
}
const reasonLofo = summarise(byReason);
const blameLofo = summarise(byBlame);
const all = rows.map((r) => judge(builtinRules(), r));
const reasonIn = all.filter((r) => r.reason).length;
const blameIn = all.filter((r) => r.blame).length;

console.log(`provider replies: ${rows.length} in ${families.length} provider families`);
console.log(`leave-one-provider-out (headline): reason ${reasonLofo.mean.toFixed(1)} %, blame ${blameLofo.mean.toFixed(1)} % (mean over providers); pooled reason ${reasonLofo.pooled.toFixed(1)} %, blame ${blameLofo.pooled.toFixed(1)} %`);
console.log(`in-sample (every rule, including those shaped on these rows): reason ${percent(reasonIn, rows.length)} (${reasonIn}/${rows.length}), blame ${percent(blameIn, rows.length)} (${blameIn}/${rows.length})`);
console.log('per provider, held out (reason, blame):');
for (let i = 0; i < families.length; i++) console.log(`  ${families[i]!.padEnd(24)} ${byReason[i]!.ok}/${byReason[i]!.n}  ${byBlame[i]!.ok}/${byBlame[i]!.n}`);
console.log(`held-out misses: ${heldOutMisses.length}`);
for (const m of heldOutMisses) console.log(m);
const inMisses = all.filter((r) => !r.reason || !r.blame);
console.log(`in-sample misses: ${inMisses.length}`);
for (const m of inMisses) console.log(m.line);
