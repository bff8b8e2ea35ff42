// A real accept stage for scenario tests: temp dataDir, real SQLite file, listeners on ephemeral loopback ports.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { startListeners, type ListenerHandle } from '../../src/accept/index.js';
import { hashPassword } from '../../src/accounts/password.js';
import { createSqliteAccountStore } from '../../src/accounts/sqlite-accounts.js';
import type { AccountStore, NewAccount } from '../../src/accounts/types.js';
import { parseConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { acceptAllPolicy, type MessagePolicy } from '../../src/decide/types.js';
import { createSqliteQueueStore } from '../../src/queue/sqlite-store.js';
import type { QueueStore } from '../../src/queue/store.js';
import { openDatabase, type Db } from '../../src/store/sqlite.js';

export interface StoredMessage {
  id: string;
  account: string;
  sub: string;
  source: string;
  mailFrom: string;
  state: string;
  smtpUtf8: boolean;
  eightBit: boolean;
  raw: Buffer;
  recipients: string[];
}

export interface Harness {
  config: Config;
  ports: ListenerHandle['ports'];
  accounts: AccountStore;
  store: QueueStore;
  /** Structured log lines written so far. */
  logs: Array<Record<string, unknown>>;
  messages(): StoredMessage[];
  /** Bytes of messages in DATA right now (the listeners' `limits.maxBytesInFlight` budget). */
  bytesInFlight(): number;
  addAccount(name: string, password: string, extra?: Partial<NewAccount>): Promise<void>;
  /** The listeners' own close(): stop accepting, let sessions finish. */
  stopListening(): Promise<void>;
  /** Close the SQLite handle under the running relay, so the next commit fails for real. */
  closeDatabase(): void;
  close(): Promise<void>;
}

/** Every listener on port 0 (tests run side by side); `overrides` is merged into the raw configuration. */
export async function startHarness(overrides: Record<string, unknown> = {}, policy: MessagePolicy = acceptAllPolicy, clock?: () => number): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mw-accept-'));
  const raw = {
    dataDir,
    hostname: 'relay.mailwarden.test',
    ...overrides,
    listeners: { submission: { port: 0 }, smtps: { port: 0 }, relay: { port: 0 }, ...(overrides.listeners as object) },
    storage: { groupCommitMs: 1, ...(overrides.storage as object) },
  };
  const config = parseConfig(raw, 'test');
  const db: Db = openDatabase(config.storage.sqlitePath);
  const store = createSqliteQueueStore(db, { groupCommitMs: config.storage.groupCommitMs });
  const accounts = createSqliteAccountStore(db);
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  const handle = await startListeners({ config, store, accounts, policy, logger, ...(clock ? { clock } : {}) });
  return {
    config,
    ports: handle.ports,
    accounts,
    store,
    logs,
    bytesInFlight: () => handle.dataBudget.used(),
    messages() {
      const rows = db
        .prepare(
          `SELECT m.id, m.account, m.sub_identity AS sub, m.identity_source AS source, m.mail_from AS mailFrom, m.state,
             m.smtputf8, m.eightbit, b.raw FROM messages m JOIN bodies b ON b.message_id = m.id ORDER BY m.id`,
        )
        .all() as Array<Omit<StoredMessage, 'recipients' | 'smtpUtf8' | 'eightBit'> & { smtputf8: number; eightbit: number }>;
      const rcpts = db.prepare('SELECT rcpt FROM recipients WHERE message_id = ? ORDER BY rcpt');
      return rows.map(({ smtputf8, eightbit, ...r }) => ({
        ...r,
        smtpUtf8: smtputf8 === 1,
        eightBit: eightbit === 1,
        recipients: (rcpts.all(r.id) as Array<{ rcpt: string }>).map((x) => x.rcpt),
      }));
    },
    async addAccount(name, password, extra = {}) {
      await accounts.add({ name, passwordHash: await hashPassword(password), allowedDomains: [], enforceDomains: false, createdAt: Date.now(), ...extra });
    },
    stopListening: () => handle.close(),
    closeDatabase() {
      db.close();
    },
    async close() {
      await handle.close();
      await store.close();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A small valid message with CRLF line endings. */
export function testMessage(opts: { from?: string; to?: string; subject?: string; headers?: string[]; body?: string } = {}): string {
  const lines = [
    `From: ${opts.from ?? 'sender@customer.test'}`,
    `To: ${opts.to ?? 'rcpt@example.test'}`,
    `Subject: ${opts.subject ?? 'hello'}`,
    'Message-ID: <test@customer.test>',
    ...(opts.headers ?? []),
    '',
    opts.body ?? 'Hello there.',
    '',
  ];
  return lines.join('\r\n');
}
