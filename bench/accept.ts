// Accept-side throughput: Postfix's smtp-source pushes N messages of S bytes over C sessions into the relay listener,
// which stores each durably (SQLite, synchronous=FULL, group commit) before its 250. Prints accepted msgs/s, the
// number stored and peak RSS. smtp-source opens one connection per message unless --reuse (its -d) is given.
// Usage: npm run bench:accept -- [N] [C] [S] [--reuse]
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startListeners } from '../src/accept/index.js';
import { createSqliteAccountStore } from '../src/accounts/sqlite-accounts.js';
import { parseConfig } from '../src/config/load.js';
import { acceptAllPolicy } from '../src/decide/types.js';
import { createSqliteQueueStore } from '../src/queue/sqlite-store.js';
import { silentLogger } from '../src/shared/logger.js';
import { openDatabase } from '../src/store/sqlite.js';

const args = process.argv.slice(2);
const reuse = args.includes('--reuse');
const [n = 5000, sessions = 20, size = 4096] = args.filter((a) => a !== '--reuse').map(Number);
const dataDir = mkdtempSync(join(tmpdir(), 'mw-bench-accept-'));
const config = parseConfig({
  dataDir,
  trustedNetworks: { bench: ['127.0.0.0/8'] },
  listeners: { submission: { enabled: false }, smtps: { enabled: false }, relay: { port: 0 } },
  limits: { maxConnectionsPerIp: sessions + 5 },
});
const db = openDatabase(config.storage.sqlitePath);
const store = createSqliteQueueStore(db, { groupCommitMs: config.storage.groupCommitMs });
let enqueued = 0;
store.onEnqueued(() => enqueued++);
const relay = await startListeners({ config, store, accounts: createSqliteAccountStore(db), policy: acceptAllPolicy, logger: silentLogger });

const started = process.hrtime.bigint();
await new Promise<void>((resolve, reject) =>
  execFile('smtp-source', [...(reuse ? ['-d'] : []), '-s', String(sessions), '-m', String(n), '-l', String(size), '-f', 'bench@customer.test', '-t', 'rcpt@example.test', `127.0.0.1:${relay.ports.relay}`], (err) =>
    err ? reject(err) : resolve(),
  ),
);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const stored = (db.prepare('SELECT COUNT(*) AS c FROM messages').get() as { c: number }).c;
await relay.close();
await store.close();
db.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(`accept: ${n} messages of ${size} bytes over ${sessions} sessions${reuse ? ' (connections reused)' : ''} in ${seconds.toFixed(2)} s`);
console.log(`accepted msgs/s = ${(n / seconds).toFixed(0)}; stored = ${stored}; enqueued = ${enqueued}`);
console.log(`peak RSS = ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
