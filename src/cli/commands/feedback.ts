// `mailwarden feedback import FILE…` (reports saved elsewhere: single messages or mbox files) and `feedback reports`
// (what the stage received: traced, duplicate, forged, untraceable, with the reason). While a relay runs on the data
// directory, import hands the reports to it (src/feedback/inbox.ts) and prints what it answered, so that the relay's
// metrics, webhooks and sender reputation count them; otherwise it takes them in itself.
import type { Command } from 'commander';
import { loadTraceSecret } from '../../accept/secrets.js';
import { createFeedback } from '../../feedback/index.js';
import { createInbox } from '../../feedback/inbox.js';
import type { IntakeResult } from '../../feedback/intake.js';
import { createReportStore, type ReportStatus } from '../../feedback/report-store.js';
import { dataDirInUse } from '../../queue/data-dir.js';
import { createReputation } from '../../reputation/index.js';
import type { Config } from '../../config/schema.js';
import type { Db } from '../../store/sqlite.js';
import { createSqliteQueueStore } from '../../queue/sqlite-store.js';
import { silentLogger } from '../../shared/logger.js';
import { openDatabase } from '../../store/sqlite.js';
import { configFrom } from '../context.js';
import { jsonLines, table, withDatabase } from '../database.js';
import { CliError } from '../errors.js';
import { readBounded } from './bounce.js';

export function registerFeedbackCommand(program: Command): void {
  const cmd = program.command('feedback').description('feedback-loop complaints and late bounces: import, and what was received');
  cmd
    .command('import')
    .description('read reports (ARF, DSN; one per file or mbox files) and act on them as if they had arrived by SMTP')
    .argument('<files...>', 'message or mbox files')
    .option('--json', 'one JSON line per report')
    .action(async (files: string[], opts: { json?: boolean }, c: Command) => {
      const config = configFrom(c);
      const db = openDatabase(config.storage.sqlitePath);
      const { intake, close } = dataDirInUse(config.dataDir) ? { intake: handToRelay(createInbox(db)), close: async () => {} } : takeInHere(config, db);
      let failures = 0;
      try {
        for (const file of files) {
          // One byte more than the limit, so that an oversized file is refused as such rather than cut.
          const raw = readBounded(file, config.bounce.maxBytes + 1);
          const results = typeof raw === 'string' ? [{ status: 'rejected' as const, error: raw }] : await intake(raw);
          for (const r of results) {
            if (r.status === 'rejected') failures++;
            if (opts.json) process.stdout.write(JSON.stringify({ file, ...r }) + '\n');
            else if (r.status === 'rejected') process.stderr.write(`mailwarden: ${file}: ${r.error}\n`);
            else process.stdout.write(`${file}: ${r.kind} ${r.status}${r.reason ? ` (${r.reason})` : ''}${r.messageId ? `, message ${r.messageId} of ${r.identity}` : ''}${r.held.length ? `; held ${r.held.map((h) => h.subject.key).join(', ')}` : ''}\n`);
          }
        }
      } finally {
        await close();
        db.close();
      }
      if (failures > 0) throw new CliError(`${failures} report(s) could not be used`);
    });
  cmd
    .command('reports')
    .description('reports received, newest first')
    .option('--status <status>', 'applied | duplicate | forged | untraceable | ignored')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'one JSON object per line')
    .action((opts: { status?: string; limit: string; json?: boolean }, c: Command) => {
      const list = withDatabase(c, (db) => {
        const reports = createReportStore(db);
        return { rows: reports.list({ ...(opts.status ? { status: opts.status as ReportStatus } : {}), limit: Number(opts.limit) || 50 }), counts: reports.counts() };
      });
      if (opts.json) return void process.stdout.write(jsonLines(list.rows));
      process.stdout.write(`counts: ${Object.entries(list.counts).map(([k, v]) => `${k}=${v}`).join(' ')}\n`);
      if (list.rows.length === 0) return;
      process.stdout.write(table([['ID', 'AT', 'SOURCE', 'KIND', 'STATUS', 'REASON', 'MESSAGE', 'IDENTITY', 'RECIPIENT'],
        ...list.rows.map((r) => [String(r.id), new Date(r.at).toISOString(), r.source, r.kind, r.status, r.reason, r.messageId, r.identity, r.recipient])]));
    });
}

/** How long import waits for the running relay to take a report in (it looks every second). */
const RELAY_WAIT_MS = 30_000;

/** Puts a report in the running relay's inbox and waits for its answer. */
function handToRelay(inbox: ReturnType<typeof createInbox>): (raw: Buffer) => Promise<IntakeResult[]> {
  return async (raw) => {
    const id = inbox.put(raw, Date.now());
    for (const end = Date.now() + RELAY_WAIT_MS; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
      const results = inbox.results(id);
      if (results) return results;
    }
    return [{ status: 'rejected', error: `the running relay did not take the report in within ${RELAY_WAIT_MS / 1000} s; it stays in its inbox (feedback_inbox ${id}) and is taken in when the relay runs` }];
  };
}

/**
 * No relay runs: the stage is assembled here as the relay assembles it, its reputation stage included, so that a
 * complaint counts against the sender as it would have at the listener.
 */
function takeInHere(config: Config, db: Db): { intake: (raw: Buffer) => Promise<IntakeResult[]>; close(): Promise<void> } {
  const store = createSqliteQueueStore(db, { groupCommitMs: 0 });
  const reputation = createReputation({ config, db });
  const feedback = createFeedback({ config, db, store, secret: loadTraceSecret(config), logger: silentLogger, reputation });
  return {
    intake: (raw) => Promise.resolve(feedback.intake.process(raw, { source: 'import' })),
    async close() {
      feedback.close();
      await store.close();
      reputation.close();
    },
  };
}
