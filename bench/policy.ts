// npm run bench:policy: the cost of the decide stage on the hot path, in process (no SMTP): checkSender +
// checkMessage + accepted for messages from many identities, with counters flushed to SQLite as in the relay.
// Prints throughput and latency percentiles; the parse of the message (mailparser) is part of checkMessage.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config/load.js';
import { createPolicy } from '../src/decide/index.js';
import { createReputation } from '../src/reputation/index.js';
import { silentLogger } from '../src/shared/logger.js';
import { openDatabase } from '../src/store/sqlite.js';

const MESSAGES = 20_000;
const IDENTITIES = 500;
const dir = mkdtempSync(join(tmpdir(), 'mw-bench-policy-'));
const config = parseConfig({ dataDir: dir });
const db = openDatabase(config.storage.sqlitePath);
const reputation = createReputation({ config, db });
const policy = createPolicy({ config, reputation, logger: silentLogger });
const paragraph = 'Thanks for the order. The parcel leaves the workshop on Thursday and should arrive early next week. ';
const body = paragraph.repeat(90); // about 10 KB
const start = Date.UTC(2026, 0, 5, 8);
const latencies: number[] = [];
const began = performance.now();
for (let i = 0; i < MESSAGES; i++) {
  const sub = `site${i % IDENTITIES}`;
  const identity = { account: 'host', sub, source: 'header:x-authuser' };
  const to = `customer${i % 97}@shop${i % 13}.test`;
  const raw = Buffer.from(`From: ${sub}@host.test\r\nTo: ${to}\r\nSubject: order ${i}\r\n\r\nHello ${i},\r\n${body}\r\n`);
  const now = start + i * 150;
  const ctx = { identity, clientIp: '192.0.2.1', authenticated: true, mailFrom: `${sub}@host.test`, now, recipients: [to], raw };
  const t0 = performance.now();
  await policy.checkSender(ctx);
  const d = await policy.checkMessage(ctx);
  policy.accepted(ctx, d, `q${i}`);
  latencies.push(performance.now() - t0);
}
const seconds = (performance.now() - began) / 1000;
reputation.close();
db.close();
rmSync(dir, { recursive: true, force: true });
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(3);
console.log(`policy: ${MESSAGES} messages of ~10 KB from ${IDENTITIES} identities in ${seconds.toFixed(1)} s: ${Math.round(MESSAGES / seconds)} msgs/s`);
console.log(`latency per message (checkSender + checkMessage + accepted): median ${pct(0.5)} ms, p99 ${pct(0.99)} ms`);
