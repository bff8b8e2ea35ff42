// Every sub-command, by name, with the module that registers it. Modules are imported only when needed: importing
// all of them pulls in the whole relay (SMTP server, HTTP server, parsers, models) and cost most of a second at every
// invocation, so a command line that names one command loads just that one (`--help` loads them all).
import type { Command } from 'commander';

type Registrar = (program: Command) => void;

export const commandModules: Record<string, () => Promise<Registrar>> = {
  start: async () => (await import('./start.js')).registerStartCommand,
  config: async () => (await import('./config.js')).registerConfigCommand,
  accounts: async () => (await import('./accounts.js')).registerAccountsCommand,
  queue: async () => (await import('./queue.js')).registerQueueCommand,
  quarantine: async () => (await import('./quarantine.js')).registerQuarantineCommand,
  senders: async () => (await import('./senders.js')).registerSendersCommand,
  tokens: async () => (await import('./tokens.js')).registerTokensCommand,
  webhooks: async () => (await import('./webhooks.js')).registerWebhooksCommand,
  explain: async () => (await import('./explain.js')).registerExplainCommand,
  bounce: async () => (await import('./bounce.js')).registerBounceCommand,
  score: async () => (await import('./score.js')).registerScoreCommand,
  train: async () => (await import('./train.js')).registerTrainCommand,
  suppressions: async () => (await import('./suppressions.js')).registerSuppressionsCommand,
  feedback: async () => (await import('./feedback.js')).registerFeedbackCommand,
  routes: async () => (await import('./routes.js')).registerRoutesCommand,
  dkim: async () => (await import('./dkim.js')).registerDkimCommand,
  demo: async () => (await import('./demo.js')).registerDemoCommand,
  audit: async () => (await import('./audit.js')).registerAuditCommand,
};

/** The command named on the command line (the first word that is no option or option value), if it is one of ours. */
export function namedCommand(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-c' || a === '--config') i++; // the global option's value
    else if (!a.startsWith('-')) return a in commandModules ? a : undefined;
  }
  return undefined;
}

/** Register the named command only, or every command when none is named (help, errors, completion). */
export async function registerCommands(program: Command, args: string[]): Promise<void> {
  const named = namedCommand(args);
  const names = named ? [named] : Object.keys(commandModules);
  const registrars = await Promise.all(names.map((n) => commandModules[n]!()));
  for (const register of registrars) register(program);
}
