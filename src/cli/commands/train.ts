// `mailwarden train --ham DIR --spam DIR [--out FILE]`: learns the statistical model's token statistics from two
// folders of RFC 5322 files and writes the model file that `content.model` (or `score`) then uses.
import type { Command } from 'commander';
import { messageFiles } from '../../inspect/content/corpus.js';
import { saveModel } from '../../inspect/content/model-file.js';
import { trainModel } from '../../inspect/content/train.js';
import { CliError } from '../errors.js';

export function registerTrainCommand(program: Command): void {
  program
    .command('train')
    .description('train the statistical content model from folders of ham and spam messages')
    .requiredOption('--ham <dir>', 'folder of legitimate messages, one RFC 5322 file each')
    .requiredOption('--spam <dir>', 'folder of spam messages, one RFC 5322 file each')
    .option('--out <file>', 'model file to write', 'mailwarden-model.json')
    .option('--min-count <n>', 'leave out tokens seen in fewer messages than this', '2')
    .option('--json', 'print the summary as JSON')
    .action((opts: { ham: string; spam: string; out: string; minCount: string; json?: boolean }) => {
      const minCount = Number(opts.minCount);
      if (!Number.isInteger(minCount) || minCount < 1) throw new CliError('--min-count must be a positive integer');
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
