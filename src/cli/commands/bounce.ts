// `mailwarden bounce [--json] FILE…`: read bounce and report emails and say, per recipient, what happened and why.
// One JSON line per file in the order given (issue 3 contract); an unreadable file gets its own error line and the
// command goes on with the others, exiting non-zero at the end.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Command } from 'commander';
import { parseBounce, type BounceReport, type ReadOptions } from '../../bounce/index.js';
import { configFrom } from '../context.js';
import { CliError } from '../errors.js';

export function registerBounceCommand(program: Command): void {
  program
    .command('bounce')
    .description('parse bounce, feedback (ARF) and auto-reply emails; classify each failed recipient')
    .argument('<files...>', 'RFC 822 message files')
    .option('--json', 'print one JSON object per file (JSON Lines)')
    .action((files: string[], opts: { json?: boolean }, cmd: Command) => {
      const config = configFrom(cmd);
      const options: ReadOptions = { limits: config.bounce, traceHeader: config.identity.traceHeader };
      let failures = 0;
      for (const file of files) {
        const raw = readBounded(file, options.limits.maxBytes);
        if (typeof raw === 'string') {
          failures++;
          process.stderr.write(`mailwarden: ${file}: ${raw}\n`);
          if (opts.json) process.stdout.write(JSON.stringify({ file, kind: 'unknown', recipients: [], error: raw }) + '\n');
          continue;
        }
        const report = parseBounce(raw, options);
        process.stdout.write(opts.json ? jsonLine(file, report) : summary(file, report));
      }
      if (failures > 0) throw new CliError(`${failures} of ${files.length} file(s) could not be read`);
    });
}

/** Reads at most `maxBytes` (a larger file is parsed as if truncated); an error is returned as its message. */
export function readBounded(file: string, maxBytes: number): Buffer | string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const want = Math.min(fstatSync(fd).size, maxBytes);
    const buf = Buffer.alloc(want);
    let length = 0;
    for (let n = 1; n > 0 && length < want; length += n) n = readSync(fd, buf, length, want - length, null);
    return buf.subarray(0, length);
  } catch (err) {
    return `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function jsonLine(file: string, report: BounceReport): string {
  return JSON.stringify({ file, kind: report.kind, recipients: report.recipients }) + '\n';
}

function summary(file: string, report: BounceReport): string {
  const lines = [`${file}: ${report.kind}, ${report.recipients.length} recipient(s)${report.broken ? ` (broken: ${report.broken})` : ''}`];
  if (report.feedback) lines.push(`  feedback-type ${report.feedback.feedbackType}, message ${report.feedback.original.messageId ?? '?'}`);
  for (const r of report.recipients) {
    const codes = [r.code, r.status].filter((x) => x !== null).join(' ');
    lines.push(`  ${r.recipient || '(unknown recipient)'}  ${codes ? codes + '  ' : ''}${r.reason} (blame ${r.blame}, action ${r.action})`);
    lines.push(`    ${r.explanation}`);
    if (r.diagnostic) lines.push(`    reply: ${r.diagnostic.length > 200 ? r.diagnostic.slice(0, 200) + '…' : r.diagnostic}`);
  }
  return lines.join('\n') + '\n';
}
