// `mailwarden explain [--phase P] [--mx HOST] [--json] "<reply>"`: classify one remote SMTP reply and say what it
// means, who is to blame, how to fix it and what the relay does about it.
import type { Command } from 'commander';
import { PHASES, RuleFileError, builtinRules, classifyWith, type Classification, type Phase, type RuleSet } from '../../classify/index.js';
import { isHardReason } from '../../feedback/intake.js';
import { isReputationBlock } from '../../feedback/suspects.js';
import { CliError } from '../errors.js';

/** Replies are short; standard input is read up to this size and the rest is never read. */
const MAX_STDIN_BYTES = 1024 * 1024;

interface ExplainOptions {
  phase?: string;
  mx?: string;
  json?: boolean;
}

export function registerExplainCommand(program: Command): void {
  program
    .command('explain')
    .description('explain one remote SMTP reply: reason, blame, fix, and what mailwarden does')
    .argument('<reply>', 'the reply text ("\\n" separates lines of a multi-line reply; "-" reads standard input)')
    .option('--phase <phase>', `SMTP phase the reply answered: ${PHASES.join('|')}`)
    .option('--mx <host>', 'the remote MX host name (detects the provider)')
    .option('--json', 'print one JSON object')
    .action(async (reply: string, opts: ExplainOptions) => {
      const phase = parsePhase(opts.phase);
      const text = reply === '-' ? await readStdin() : reply.replace(/\\n/g, '\n');
      const c = classifyWith(loadRules(), { text, phase, mx: opts.mx });
      // No code, no enhanced status and no known wording: this is not an SMTP reply we can read, and saying
      // "temporary, retried" about it would be a guess presented as a diagnosis.
      if (c.rule === 'fallback-none') {
        throw new CliError('not recognised as an SMTP reply: it has no reply code, no enhanced status code and no wording mailwarden knows', 1);
      }
      process.stdout.write(opts.json ? JSON.stringify(c) + '\n' : describe(c));
    });
}

/** A broken rule file is an operational error of the installation: one line naming file and line, exit 2. */
function loadRules(): RuleSet {
  try {
    return builtinRules();
  } catch (err) {
    if (err instanceof RuleFileError) throw new CliError(err.message, 2);
    throw err;
  }
}

function parsePhase(value: string | undefined): Phase | undefined {
  if (value === undefined) return undefined;
  const phase = PHASES.find((p) => p === value.toLowerCase());
  if (!phase) throw new CliError(`--phase must be one of ${PHASES.join(', ')} (got "${value}")`, 2);
  return phase;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of process.stdin) {
      const piece = chunk as Buffer;
      chunks.push(piece.subarray(0, MAX_STDIN_BYTES - size));
      size += piece.length;
      if (size >= MAX_STDIN_BYTES) break; // leaving the loop closes standard input: the rest is not read
    }
  } catch (err) {
    throw new CliError(`cannot read the reply from standard input: ${(err as Error).message}`);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** What the relay does, in words: exactly what src/deliver and src/routes do for each action, nothing more. */
const ACTION_TEXT: Record<Classification['action'], string> = {
  none: 'nothing: this is a report, not a delivery failure.',
  retry: 'retries the message on its schedule; if every attempt fails until the retry period ends, it returns the message to the sender with a delivery status notification (DSN).',
  'retry-later': 'retries the message after the delay the server asks for (delivery.reactions.greylistDelayS when it names none); the sending IP and route are left as they are.',
  'slow-down': 'slows the sending IP toward this provider (its rate times delivery.reactions.slowFactor, climbing back over recoveryMinutes; `mailwarden routes` shows it) and retries the message on its schedule.',
  'pause-route': 'pauses the sending IP toward this provider for delivery.reactions.pauseMinutes (`mailwarden routes` shows it, naming the senders of the route\'s recent mail) and sends the message again at once from another IP of the pool; when every IP is paused it waits for the earliest pause to end. With delivery.reactions.enabled false it bounces the message instead.',
  bounce: 'does not retry; it returns the message to the sender with a delivery status notification (DSN) quoting this reply.',
};

/** What the feedback stage does besides for some replies (src/feedback): the same rules it acts on, nothing more. */
function feedbackActions(c: Classification): string[] {
  const out: string[] = [];
  if (c.permanent && isHardReason(c.reason)) {
    out.push("suppresses the recipient for the sender's account: later messages to it are refused at RCPT TO.");
  }
  if (isReputationBlock(c)) {
    out.push('names the identities that sent most to this provider just before as suspects and raises their risk (`mailwarden senders show`).');
  }
  return out;
}

function describe(c: Classification): string {
  const head = [c.code, c.status].filter((v) => v !== null).join(' ') || 'no code';
  const rows: Array<[string, string]> = [
    ['Reply', `${head}${c.provider ? ` from ${c.provider}` : ''} (${c.permanent ? 'permanent' : 'temporary'})`],
    ['Reason', `${c.reason} (rule ${c.rule})`],
    ['Blame', `${c.blame}, affects the ${c.scope}`],
    ['What happened', c.explanation],
    ['Fix', c.fix],
  ];
  if (c.link) rows.push(['More', c.link]);
  rows.push(['mailwarden', ACTION_TEXT[c.action]]);
  for (const also of feedbackActions(c)) rows.push(['and', also]);
  return rows.map(([label, value]) => `${(label + ':').padEnd(15)}${value}\n`).join('');
}
