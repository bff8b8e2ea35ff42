// `mailwarden senders list|show|suspend|reinstate|import-history`: sender identities, their risk, baseline and recent
// counters, and past volumes from the relay this one replaces.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { dataDirInUse } from '../../queue/data-dir.js';
import { parseHistory, recordHistory } from '../../reputation/history.js';
import { createReputation, type Reputation, type SenderReport } from '../../reputation/index.js';
import { configFrom } from '../context.js';
import type { Db } from '../../store/sqlite.js';
import { auditCli, jsonLines, jsonObject, table, withDatabase } from '../database.js';
import { CliError } from '../errors.js';

const iso = (ms: number) => new Date(ms).toISOString();
const n = (x: number) => String(Math.round(x * 10) / 10);

function status(r: SenderReport): string {
  if (!r.suspended) return 'active';
  return r.suspension!.until === 0 ? 'suspended' : `suspended until ${iso(r.suspension!.until)}`;
}

function describe(r: SenderReport): string {
  const c = r.counters;
  const lines = [`identity:  ${r.identity}`, `status:    ${status(r)}`];
  if (r.suspension) {
    const s = r.suspension;
    lines.push(`suspension: by ${s.by} at ${iso(s.since)}: ${s.reason}${s.reinstatedAt ? ` (reinstated ${iso(s.reinstatedAt)})` : ''}`);
    for (const e of s.evidence.signals) lines.push(`  ${e.name} (${e.score}): ${e.description}`);
    if (s.evidence.sampleSubjects.length) lines.push(`  subjects: ${s.evidence.sampleSubjects.map((x) => JSON.stringify(x)).join(', ')}`);
    if (s.evidence.fingerprints.length) lines.push(`  fingerprints: ${s.evidence.fingerprints.join(', ')}`);
    lines.push(`  counts: ${Object.entries(s.evidence.counts).map(([k, v]) => `${k}=${n(v)}`).join(' ')}`);
  }
  if (!c) return lines.concat('no traffic recorded').join('\n') + '\n';
  const b = c.baseline;
  lines.push(
    `risk:      ${n(c.risk)}${c.signals.length ? ` (${c.signals.map((e) => e.name).join(', ')})` : ''}`,
    `trust:     ${Math.round(c.trust * 100)} % (${b.cleanDays} clean of ${b.activeDays} active days)`,
    `seen:      ${iso(c.firstSeen)} .. ${iso(c.lastSeen)}`,
    `limit:     ${c.hourLimit} messages per hour`,
    `baseline:  ${n(b.dailyMessages)} msgs/day, busiest minute ${n(b.peakMinute)}, busiest hour ${n(b.peakHour)}, same text to ${n(b.peakRepeat)} recipients`,
    `by hour:   ${b.hourOfDay.map((v, h) => `${String(h).padStart(2, '0')}h=${n(v)}`).join(' ')}`,
    `known:     ${c.knownDomains} recipient domains, ${c.knownFromAddresses} From addresses, ${c.knownLinkDomains} link domains`,
  );
  for (const e of c.signals) lines.push(`  ${e.name} (${e.score}): ${e.description}`);
  for (const w of ['minute', 'hour', 'day'] as const) {
    const x = c.windows[w];
    lines.push(
      `last ${w.padEnd(6)} ${x.messages} msgs, ${x.recipients} rcpts (${x.newDomainRecipients} at new domains), ` +
        `${x.delivered} delivered, ${x.bounced} bounced (${x.unknownRecipients} unknown), ${x.complaints} complaints, ` +
        `${x.refused} refused, ${x.held} held`,
    );
  }
  if (c.newIdentitiesLastHour.length) lines.push(`new identities in the last hour: ${c.newIdentitiesLastHour.join(', ')}`);
  if (c.refusals.length) lines.push('refused or held (newest first):');
  for (const f of c.refusals) {
    lines.push(`  ${iso(f.at)} ${f.id} ${f.verdict} [${f.code}] from ${f.from} to ${f.to.join(', ')} subject ${JSON.stringify(f.subject)}`);
    for (const w of f.why) lines.push(`    ${w}`);
  }
  return lines.join('\n') + '\n';
}

/** Reputation as the relay keeps it, read (and for suspensions written) beside a running relay. */
function withReputation<T>(cmd: Command, work: (reputation: Reputation, db: Db) => T): T {
  return withDatabase(cmd, (db, config) => {
    const reputation = createReputation({ config, db });
    try {
      return work(reputation, db);
    } finally {
      reputation.close();
    }
  });
}

export function registerSendersCommand(program: Command): void {
  const senders = program.command('senders').description('sender identities: risk, baseline, counters, suspensions');
  senders
    .command('list')
    .description('every known sender identity with its risk and recent volume')
    .option('--json', 'one JSON object per line')
    .action((opts: { json?: boolean }, cmd: Command) => {
      const now = Date.now();
      const reports = withReputation(cmd, (r) => r.keys().map((key) => r.report(key, now)));
      if (opts.json) return void process.stdout.write(jsonLines(reports));
      if (reports.length === 0) return void process.stdout.write('no sender identities recorded yet\n');
      const rows = reports.map((r) => {
        const c = r.counters;
        if (!c) return [r.identity, '-', '-', '0', '0', '-', status(r)];
        const trust = `${Math.round(c.trust * 100)}%`;
        return [r.identity, n(c.risk), trust, String(c.windows.hour.messages), String(c.windows.day.messages), n(c.baseline.dailyMessages), status(r)];
      });
      process.stdout.write(table([['IDENTITY', 'RISK', 'TRUST', 'LAST-HOUR', 'LAST-DAY', 'USUAL/DAY', 'STATUS'], ...rows]));
    });
  senders
    .command('show <identity>')
    .description('risk, baseline by hour, recent counters, refused and held messages and suspension evidence of one identity (account or account/sub; account/* is the sum over the login\'s identities)')
    .option('--json', 'one JSON object')
    .action((identity: string, opts: { json?: boolean }, cmd: Command) => {
      const r = withReputation(cmd, (reputation) => reputation.report(identity, Date.now()));
      if (!r.counters && !r.suspension) throw new CliError(`no sender identity "${identity}"`);
      process.stdout.write(opts.json ? jsonObject(r) : describe(r));
    });
  senders
    .command('suspend <identity>')
    .description('refuse every message of an identity (account or account/sub) until reinstated or the period ends')
    .option('--minutes <n>', 'length of the suspension; 0 = until reinstated', '0')
    .option('--reason <text>', 'why (shown in `senders show`)', 'suspended by an operator')
    .action((identity: string, opts: { minutes: string; reason: string }, cmd: Command) => {
      const minutes = Number(opts.minutes);
      if (!Number.isInteger(minutes) || minutes < 0) throw new CliError(`--minutes: expected a whole number >= 0, got "${opts.minutes}"`);
      const now = Date.now();
      withReputation(cmd, (r, db) => {
        r.suspendByOperator(identity, opts.reason, now, minutes === 0 ? 0 : now + minutes * 60_000);
        auditCli(db, true, 'sender.suspend', identity, { minutes, reason: opts.reason });
      });
      process.stdout.write(`suspended ${identity}${minutes ? ` for ${minutes} minutes` : ' until reinstated'}\n`);
    });
  senders
    .command('import-history <file>')
    .description('seed baselines from past volumes (JSON Lines, one message per line: {"identity":"acct/sub","at":"2026-11-20T10:00:00Z","recipients":["a@b.example"],"from":"x@y.example"}), e.g. from the old relay\'s logs; with the relay stopped')
    .action((file: string, _opts, cmd: Command) => {
      const config = configFrom(cmd);
      // The running relay keeps counters in memory and writes them back: an import beside it would be overwritten.
      if (dataDirInUse(config.dataDir)) throw new CliError(`the relay is running on ${config.dataDir}: stop it, import, then start it again`);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        throw new CliError(`${file}: ${(err as Error).message}`);
      }
      const { messages, problems } = parseHistory(text, Date.now());
      // All or nothing: a half-imported history would leave baselines that match neither the old relay nor none.
      if (problems.length) throw new CliError(`${file}: nothing imported:\n  ${problems.join('\n  ')}`);
      const count = withReputation(cmd, (r, db) => {
        const n = recordHistory(r, messages);
        auditCli(db, true, 'sender.import-history', file, { messages: n });
        return n;
      });
      const identities = new Set(messages.map((m) => m.identity)).size;
      process.stdout.write(`imported ${count} messages of ${identities} identities from ${file}\n`);
    });
  senders
    .command('reinstate <identity>')
    .description('lift the suspension of an identity')
    .action((identity: string, _opts, cmd: Command) => {
      const lifted = withReputation(cmd, (r, db) => auditCli(db, r.reinstate(identity, Date.now()), 'sender.reinstate', identity));
      if (!lifted) throw new CliError(`"${identity}" is not suspended`);
      process.stdout.write(`reinstated ${identity}\n`);
    });
}
