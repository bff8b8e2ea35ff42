// npm run eval:provenance — which rules were shaped on which corpus family, so that the leave-one-family-out figures
// (eval/families.ts) are honest. A rule is marked `from: [corpus:<family>]` when
//  - one of its samples is a near copy of a corpus row of that family (same words once addresses, IPs and numbers
//    are masked), or
//  - it has no `source:` (no published wording it was written from) and, on the development corpora, it decides
//    rows of that one family only: a rule that only ever fires on one family was written for that family.
// Without arguments it lists the markers that are missing and exits 1 when there are any; `--write` adds them to
// the rule files (one `from:` line after the rule's id).
import { readFileSync, writeFileSync } from 'node:fs';
import { builtinRules, classifyWith, type RuleSet } from '../src/classify/index.js';
import type { CompiledRule } from '../src/classify/ruleset.js';
import { ourPhase, readJsonl } from './corpus.js';
import { bounceFamily, replyFamily } from './families.js';

interface Row { family: string; text: string; phase?: string | null; status?: string | null; mx?: string | null }

const rows: Row[] = [
  ...readJsonl<{ decoder_module: string; smtp_diagnostic: string | null; smtp_command_hint: string | null; dsn_status_field: string | null; remote_mta: string | null }>('bounces/expected.jsonl')
    .filter((r) => r.smtp_diagnostic)
    .map((r) => ({ family: bounceFamily(r.decoder_module), text: r.smtp_diagnostic!, phase: r.smtp_command_hint, status: r.dsn_status_field, mx: r.remote_mta })),
  ...readJsonl<{ provider: string; reply: string; phase: string }>('replies/provider-replies.jsonl')
    .map((r) => ({ family: replyFamily(r.provider), text: r.reply, phase: r.phase })),
];

/** Word trigrams of a text with the parts that vary between two copies of one reply masked. */
function shingles(text: string): Set<string> {
  const words = text.toLowerCase()
    .replace(/[^\s<>()\[\]"']+@[^\s<>()\[\]"']+/g, ' addr ')
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}\b|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}/g, ' ip ')
    .replace(/\d+/g, '0')
    .replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  if (words.length > 0 && words.length < 3) out.add(words.join(' '));
  return out;
}

const rowShingles = rows.map((r) => shingles(r.text));

/** A sample is a near copy of a row when most of its trigrams (at least 4) occur in that row and it covers most of
 * the row: a short generic phrase found inside a long reply is wording, not a copy. */
function copiedFrom(sample: string): Set<string> {
  const s = shingles(sample);
  const families = new Set<string>();
  if (s.size < 4) return families;
  rowShingles.forEach((r, i) => {
    let shared = 0;
    for (const g of s) if (r.has(g)) shared++;
    if (shared / s.size >= 0.6 && shared / r.size >= 0.5) families.add(rows[i]!.family);
  });
  return families;
}

function decidedFamilies(rules: RuleSet): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const row of rows) {
    const mx = row.mx?.replace(/^dns;\s*/i, '').split(/[\s(]/)[0] || undefined;
    const c = classifyWith(rules, { text: row.text, phase: ourPhase(row.phase), status: row.status ?? undefined, mx });
    out.set(c.rule, (out.get(c.rule) ?? new Set()).add(row.family));
  }
  return out;
}

const rules = builtinRules();
const all: CompiledRule[] = [...[...rules.byProvider.values()].flat(), ...rules.generic];
const decided = decidedFamilies(rules);
const missing: Array<{ rule: CompiledRule; families: string[] }> = [];
let copies = 0;
for (const rule of all) {
  const copied = rule.samples.map((s) => copiedFrom(s.text));
  copies += copied.filter((c) => c.size > 0).length;
  const families = new Set(copied.flatMap((c) => [...c]));
  const fired = decided.get(rule.id);
  if (!rule.source && fired && fired.size === 1) families.add([...fired][0]!);
  const lacking = [...families].filter((f) => !rule.from.includes(`corpus:${f}`)).sort();
  if (lacking.length > 0) missing.push({ rule, families: [...new Set([...rule.from.map((f) => f.slice(7)), ...lacking])].sort() });
}

const marked = all.filter((r) => r.from.length > 0).length;
console.log(`${copies} rule samples are near copies of corpus rows`);
console.log(`${all.length} rules, ${marked} marked as shaped on corpus families, ${missing.length} lacking a marker`);
for (const m of missing) console.log(`  ${m.rule.file.split('/').pop()}:${m.rule.line} ${m.rule.id}: ${m.families.join(', ')}`);
if (process.argv.includes('--write')) {
  const byFile = new Map<string, typeof missing>();
  for (const m of missing) byFile.set(m.rule.file, [...(byFile.get(m.rule.file) ?? []), m]);
  for (const [file, list] of byFile) {
    const lines = readFileSync(file, 'utf8').split('\n');
    // Bottom-up, so that earlier line numbers stay valid.
    for (const m of [...list].sort((a, b) => b.rule.line - a.rule.line)) {
      const at = m.rule.line; // 1-based line of "- id:"; the marker goes on the next line
      const value = `    from: [${m.families.map((f) => `corpus:${f}`).join(', ')}]`;
      if (/^\s+from:/.test(lines[at] ?? '')) lines[at] = value;
      else lines.splice(at, 0, value);
    }
    writeFileSync(file, lines.join('\n'));
  }
  console.log('markers written');
} else if (missing.length > 0) {
  process.exitCode = 1;
}
