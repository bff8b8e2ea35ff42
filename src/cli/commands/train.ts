// `mailwarden train --ham DIR --spam DIR [--out FILE]`: learns the statistical model's token statistics from two
// folders of RFC 5322 files and writes the model file that `content.model` (or `score`) then uses.
// `mailwarden train --local MANIFEST [--out FILE]`: the deployment's own model, from a JSON Lines manifest of
// delivered messages ({"file","identity","deliveredAt","complained"}) and operator-confirmed spam ({"file",
// "identity","confirmedBy"}, with "label":"spam"), under the safeguards of train-local.ts.
// `mailwarden train --from-relay`: the same safeguards over the samples the relay kept itself (src/learn).
import type { Command } from 'commander';
import { retrainLocalModel } from '../../learn/local-model.js';
import { auditCli, withDatabase } from '../database.js';
import { messageFiles } from '../../inspect/content/corpus.js';
import { saveModel } from '../../inspect/content/model-file.js';
import { readFileSync } from 'node:fs';
import { trainModel } from '../../inspect/content/train.js';
import { defaultLocalSafeguards, trainLocalModel, type ConfirmedSpam, type DeliveredMessage } from '../../inspect/content/train-local.js';
import { CliError } from '../errors.js';

export function registerTrainCommand(program: Command): void {
  program
    .command('train')
    .description('train the statistical content model from folders of ham and spam messages')
    .option('--ham <dir>', 'folder of legitimate messages, one RFC 5322 file each')
    .option('--spam <dir>', 'folder of spam messages, one RFC 5322 file each')
    .option('--local <manifest>', "JSON Lines manifest of this deployment's delivered mail and operator-confirmed spam")
    .option('--ham-age-days <n>', 'local: ham must have been delivered at least this many days ago', String(defaultLocalSafeguards.hamAgeDays))
    .option('--per-identity-cap <n>', 'local: at most this many messages per sender identity and class', String(defaultLocalSafeguards.perIdentityCap))
    .option('--per-account-cap <n>', 'local: at most this many messages per login (over its identities) and class', String(defaultLocalSafeguards.perAccountCap))
    .option('--min-identities <n>', 'local: no model while the ham comes from fewer sender identities', String(defaultLocalSafeguards.minIdentities))
    .option('--min-ham <n>', 'local: no model below this many usable ham messages', String(defaultLocalSafeguards.minHam))
    .option('--min-spam <n>', 'local: no model below this many confirmed spam messages', String(defaultLocalSafeguards.minSpam))
    .option('--out <file>', 'model file to write', 'mailwarden-model.json')
    .option('--min-count <n>', 'leave out tokens seen in fewer messages than this', '2')
    .option('--from-relay', "the relay's own local model, from the samples in its database (content.learning settings), as the running relay does every content.learning.retrainHours")
    .option('--json', 'print the summary as JSON')
    .action((opts: TrainOptions, cmd: Command) => {
      const minCount = positiveInteger(opts.minCount, '--min-count');
      if (opts.fromRelay) return trainFromRelay(cmd, opts.json === true);
      if (opts.local) return trainLocal(opts, minCount);
      if (!opts.ham || !opts.spam) throw new CliError('give --ham and --spam folders, --local MANIFEST or --from-relay');
      const ham = listFolder(opts.ham, '--ham');
      const spam = listFolder(opts.spam, '--spam');
      const { model, skipped } = trainModel({ ham, spam, minCount });
      if (model.hamMessages === 0 || model.spamMessages === 0) {
        throw new CliError(`need at least one readable message of each kind (ham ${model.hamMessages}, spam ${model.spamMessages})`);
      }
      saveModel(opts.out, model);
      for (const s of skipped) process.stderr.write(`mailwarden: skipped ${s.file}: ${s.reason}\n`);
      const summary = { out: opts.out, ham: model.hamMessages, spam: model.spamMessages, tokens: model.tokens.size, skipped: skipped.length };
      process.stdout.write(
        opts.json
          ? JSON.stringify(summary) + '\n'
          : `wrote ${summary.out}: ${summary.tokens} tokens from ${summary.ham} ham and ${summary.spam} spam messages` +
              (skipped.length ? `, ${skipped.length} files skipped` : '') + '\n',
      );
    });
}

function listFolder(dir: string, option: string): string[] {
  try {
    return messageFiles(dir);
  } catch (err) {
    throw new CliError(`${option} ${dir}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (err as Error).message}`);
  }
}

interface TrainOptions {
  fromRelay?: boolean;
  ham?: string;
  spam?: string;
  local?: string;
  out: string;
  minCount: string;
  hamAgeDays: string;
  perIdentityCap: string;
  perAccountCap: string;
  minIdentities: string;
  minHam: string;
  minSpam: string;
  json?: boolean;
}

function positiveInteger(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || (n === 0 && option === '--min-count')) throw new CliError(`${option} must be a positive integer`);
  return n;
}

function trainFromRelay(cmd: Command, json: boolean): void {
  const s = withDatabase(cmd, (db, config) => {
    const summary = retrainLocalModel(db, config.content.learning, config.dataDir, Date.now());
    auditCli(db, summary.file !== null, 'train.local', summary.file ?? '', { ham: summary.ham, spam: summary.spam });
    return summary;
  });
  if (json) process.stdout.write(JSON.stringify(s) + '\n');
  if (!s.file) throw new CliError(`no local model yet: ${s.notReady} (${s.samples} samples; skipped ${JSON.stringify(s.skipped)})`);
  if (!json) process.stdout.write(`wrote ${s.file}: local model from ${s.ham} ham and ${s.spam} confirmed spam messages of ${s.samples} samples; skipped ${JSON.stringify(s.skipped)}; a running relay adds it to its model within a minute\n`);
}

function trainLocal(opts: TrainOptions, minCount: number): void {
  const delivered: DeliveredMessage[] = [];
  const confirmed: ConfirmedSpam[] = [];
  let text: string;
  try {
    text = readFileSync(opts.local!, 'utf8');
  } catch (err) {
    throw new CliError(`--local ${opts.local}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let e: { file?: string; label?: string; identity?: string; account?: string; deliveredAt?: string; complained?: boolean; confirmedBy?: string };
    try {
      e = JSON.parse(line) as typeof e;
    } catch {
      throw new CliError(`${opts.local}:${i + 1}: not JSON`);
    }
    if (!e.file || !e.identity) throw new CliError(`${opts.local}:${i + 1}: needs "file" and "identity"`);
    let raw: Buffer;
    try {
      raw = readFileSync(e.file);
    } catch {
      throw new CliError(`${opts.local}:${i + 1}: cannot read ${e.file}`);
    }
    const account = e.account ? { account: e.account } : {};
    if (e.label === 'spam') confirmed.push({ raw, identity: e.identity, ...account, confirmedBy: e.confirmedBy ?? '' });
    else delivered.push({ raw, identity: e.identity, ...account, deliveredAt: Date.parse(e.deliveredAt ?? ''), complained: e.complained === true });
  });
  const r = trainLocalModel(delivered, confirmed, {
    hamAgeDays: positiveInteger(opts.hamAgeDays, '--ham-age-days'),
    perIdentityCap: positiveInteger(opts.perIdentityCap, '--per-identity-cap'),
    perAccountCap: positiveInteger(opts.perAccountCap, '--per-account-cap'),
    minIdentities: positiveInteger(opts.minIdentities, '--min-identities'),
    minHam: positiveInteger(opts.minHam, '--min-ham'),
    minSpam: positiveInteger(opts.minSpam, '--min-spam'),
    minCount,
    now: Date.now(),
  });
  const summary = { out: r.model ? opts.out : null, ham: r.ham, spam: r.spam, skipped: r.skipped, ...(r.notReady ? { notReady: r.notReady } : {}) };
  if (!r.model) throw new CliError(`no local model yet: ${r.notReady}`);
  saveModel(opts.out, r.model);
  process.stdout.write(opts.json ? JSON.stringify(summary) + '\n' : `wrote ${opts.out}: local model from ${r.ham} ham and ${r.spam} confirmed spam messages; skipped ${JSON.stringify(r.skipped)}\n`);
}
