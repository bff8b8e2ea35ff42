// `mailwarden start`: run the relay in the foreground until SIGTERM or SIGINT, then shut down cleanly (exit 0).
// Every start-up failure is one line on stderr and exit code 2, as for a bad configuration.
import type { Command } from 'commander';
import { startRelay } from '../../relay.js';
import { createLogger } from '../../shared/logger.js';
import { configFrom } from '../context.js';
import { CliError } from '../errors.js';

/** Exit code of a relay that could not start (the same as a configuration error). */
const START_FAILED = 2;

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('start the relay: SMTP listeners, durable queue and delivery (stops cleanly on SIGTERM)')
    .action(async (_opts, cmd: Command) => {
      const config = configFrom(cmd);
      let logger;
      try {
        logger = createLogger(config.log.level, config.log.file);
      } catch (err) {
        throw new CliError(`cannot open the log file: ${(err as Error).message}`, START_FAILED);
      }
      let relay;
      try {
        relay = await startRelay({ config, logger });
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        logger.fatal({ event: 'start-failed', err: e.message }, 'cannot start');
        logger.flush();
        throw new CliError(e.code === 'EADDRINUSE' ? `cannot listen: ${e.message}` : `cannot start: ${e.message}`, START_FAILED);
      }
      const hosts = { ...config.listeners, admin: config.admin };
      const where = Object.entries(relay.ports).map(([kind, port]) => `${kind} ${hosts[kind as keyof typeof hosts].host}:${port}`);
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
