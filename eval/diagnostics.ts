// npm run eval:diagnostics — the rules' tuning metric on bounces: for every labelled recipient of the bounce corpus
// that carries the remote reply (smtp_diagnostic), classify (reply, DSN Status:, SMTP command) and compare the
// reason with Sisimai's consolidated label. Only inputs a bounce parser also has are used (never the label's status).
import { classifyReply } from '../src/classify/index.js';
import { ourPhase, percent, readJsonl } from './corpus.js';

interface ExpectedRow {
  id: string;
  smtp_diagnostic: string | null;
  smtp_command_hint: string | null;
  dsn_status_field: string | null;
  remote_mta: string | null;
  expected_reason_consolidated: string;
  expected_status: string;
}

const rows = readJsonl<ExpectedRow>('bounces/expected.jsonl').filter((r) => r.smtp_diagnostic);
const perReason = new Map<string, { n: number; ok: number }>();
const misses: string[] = [];
let ok = 0;
for (const row of rows) {
  const mx = row.remote_mta?.replace(/^dns;\s*/i, '').split(/[\s(]/)[0] || undefined;
  const c = classifyReply({
    text: row.smtp_diagnostic!, phase: ourPhase(row.smtp_command_hint), status: row.dsn_status_field ?? undefined, mx,
  });
  const want = row.expected_reason_consolidated;
  const hit = c.reason === want;
  ok += Number(hit);
  const p = perReason.get(want) ?? { n: 0, ok: 0 };
  p.n++;
  p.ok += Number(hit);
  perReason.set(want, p);
  if (!hit) {
    misses.push(`  ${row.id} [${row.smtp_command_hint ?? '-'} ${row.dsn_status_field ?? '-'}] ${row.smtp_diagnostic!.replace(/\s+/g, ' ').slice(0, 120)}\n    want ${want}, got ${c.reason} (rule ${c.rule})`);
  }
}
console.log(`bounce diagnostics: ${rows.length}`);
console.log(`reason agreement: ${percent(ok, rows.length)} (${ok}/${rows.length})`);
console.log('per expected reason:');
for (const [name, p] of [...perReason].sort((a, b) => b[1].n - a[1].n)) console.log(`  ${name.padEnd(16)} ${p.ok}/${p.n}`);
console.log(`misses: ${misses.length}`);
for (const m of misses) console.log(m);
