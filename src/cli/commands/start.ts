// `mailwarden start`: run the relay in the foreground until SIGTERM or SIGINT, then shut down cleanly (exit 0).
import type { Command } from 'commander';
import { startRelay } from '../../relay.js';
import { createLogger } from '../../shared/logger.js';
import { configFrom } from '../context.js';
import { CliError } from '../errors.js';

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('start the relay: SMTP listeners, durable queue and delivery (stops cleanly on SIGTERM)')
    .action(async (_opts, cmd: Command) => {
      const config = configFrom(cmd);
      const logger = createLogger(config.log.level, config.log.file);
      let relay;
      try {
        relay = await startRelay({ config, logger });
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        throw new CliError(e.code === 'EADDRINUSE' ? `cannot listen: ${e.message}` : `cannot start: ${e.message}`);
      }
      const where = Object.entries(relay.ports).map(([kind, port]) => `${kind} ${config.listeners[kind as keyof typeof config.listeners].host}:${port}`);
      process.stdout.write(`mailwarden listening: ${where.join(', ')}; queue in ${relay.databaseFile}\n`);
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          logger.info({ event: 'shutdown', signal }, 'stopping: no new connections, finishing sessions and deliveries');
          void relay.close().then(resolve);
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      });
      logger.info({ event: 'stopped' }, 'stopped');
      logger.flush();
    });
}
