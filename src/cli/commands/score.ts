// `mailwarden score [--json] FILE...`: the content verdict of RFC 5322 files, no relay needed. With --json, one JSON
// object per line and per file, in the order given (the contract of issue 4). A file that cannot be read or is no
// message gets an error line of its own and the others are still scored; the exit code is then 1.
import { closeSync, openSync, readSync } from 'node:fs';
import type { Command } from 'commander';
import { createContentScorer } from '../../inspect/content/index.js';
import { ModelFileError } from '../../inspect/content/model-file.js';
import type { ContentVerdict } from '../../inspect/content/types.js';
import { configFrom } from '../context.js';
import { CliError } from '../errors.js';

type FileResult = { file: string; verdict: ContentVerdict } | { file: string; error: string };

export function registerScoreCommand(program: Command): void {
  program
    .command('score')
    .description('score RFC 5322 message files for spam (content rules + statistical model)')
    .argument('<file...>', 'message files')
    .option('--json', 'one JSON object per line and per file')
    .option('--model <file>', 'model file from `mailwarden train` (default: content.model, else the shipped model)')
    .action((files: string[], opts: { json?: boolean; model?: string }, cmd: Command) => {
      const config = configFrom(cmd);
      const settings = config.content;
      const maxBytes = config.limits.maxMessageBytes;
      const scorer = withModelErrors(() => createContentScorer(opts.model ? { ...settings, model: opts.model } : settings));
      let failed = 0;
      for (const file of files) {
        const result = scoreFile(file, scorer, maxBytes);
        if ('error' in result) failed++;
        process.stdout.write((opts.json ? asJson(result) : asText(result)) + '\n');
      }
      if (failed > 0) throw new CliError(`${failed} of ${files.length} files could not be scored`);
    });
}

/**
 * Read at most `maxBytes` + 1 bytes: the relay would refuse a larger message, and a file that never ends (a device,
 * a pipe) must not be read into memory until it fails (`score /dev/zero` grew to 2 GB).
 */
function readAtMost(file: string, maxBytes: number): Buffer | null {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, 1 << 20));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, maxBytes + 1 - total), null);
      if (n === 0) break;
      chunks.push(Buffer.from(buf.subarray(0, n)));
      total += n;
      if (total > maxBytes) return null;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

function scoreFile(file: string, scorer: ReturnType<typeof createContentScorer>, maxBytes: number): FileResult {
  let raw: Buffer | null;
  try {
    raw = readAtMost(file, maxBytes);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { file, error: `cannot read: ${e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.message}` };
  }
  if (raw === null) return { file, error: `larger than limits.maxMessageBytes (${maxBytes} bytes): the relay would refuse it` };
  const result = scorer.scoreRaw(raw);
  return result.kind === 'verdict' ? { file, verdict: result.verdict } : { file, error: `not an RFC 5322 message: ${result.reason}` };
}

function asJson(r: FileResult): string {
  return JSON.stringify('error' in r ? r : { file: r.file, ...r.verdict });
}

function asText(r: FileResult): string {
  if ('error' in r) return `${r.file}: error: ${r.error}`;
  const v = r.verdict;
  const lines = [`${r.file}: ${v.action} (score ${v.score}, spam from ${v.threshold})`];
  for (const rule of v.rules) lines.push(`  ${rule.score >= 0 ? '+' : ''}${rule.score.toFixed(1).padStart(5)} ${rule.name}: ${rule.description}`);
  return lines.join('\n');
}

function withModelErrors<T>(make: () => T): T {
  try {
    return make();
  } catch (err) {
    if (err instanceof ModelFileError) throw new CliError(err.message);
    throw err;
  }
}
