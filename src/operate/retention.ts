// Runs the queue's retention purge on a timer (and once at start), logging what it removed.
import type { Config } from '../config/schema.js';
import { purgeFinished } from '../queue/sqlite-retention.js';
import type { Logger } from '../shared/logger.js';
import type { Db } from '../store/sqlite.js';

export function startRetention(db: Db, config: Config['retention'], logger: Logger, clock: () => number = Date.now): { stop(): void } {
  const purge = () => {
    try {
      const purged = purgeFinished(db, clock() - config.finishedDays * 86_400_000);
      if (purged > 0) logger.info({ event: 'retention-purged', purged, finishedDays: config.finishedDays }, 'purged finished messages');
    } catch (err) {
      logger.error({ event: 'retention-failed', err }, 'retention purge failed');
    }
  };
  const first = setTimeout(purge, 5_000); // not in the start-up path
  const timer = setInterval(purge, config.purgeEveryMinutes * 60_000);
  first.unref();
  timer.unref();
  return { stop: () => (clearTimeout(first), clearInterval(timer)) };
}
