// Every parser a stranger feeds, through its public entry point, with the property it must keep on any input:
// it returns a result (or its documented typed error) instead of throwing, within a time bound, and the result is no
// larger than the input can justify. Used by test/fuzz-parsers.test.ts (a few hundred cases in `npm test`) and by
// scripts/fuzz.ts (`npm run fuzz`, as many cases as the time budget allows).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { readData } from '../../src/accept/read-data.js';
import { parseBounce } from '../../src/bounce/index.js';
import { BOUNCE_KINDS } from '../../src/bounce/types.js';
import { classifyReply } from '../../src/classify/index.js';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/load.js';
import { identifySender, stripSourceHeaders } from '../../src/identify/identify.js';
import { joinMessage, splitMessage } from '../../src/identify/message-parts.js';
import { compileHeaderSources } from '../../src/identify/sources.js';
import { scoreContent } from '../../src/inspect/content/index.js';
import { pdfReach } from '../../src/inspect/content/pdf.js';
import { createFeedback, type Feedback } from '../../src/feedback/index.js';
import { createSqliteQueueStore } from '../../src/queue/sqlite-store.js';
import type { QueueStore } from '../../src/queue/store.js';
import { silentLogger } from '../../src/shared/logger.js';
import { byteBudget } from '../../src/shared/byte-budget.js';
import { messageHeader } from '../../src/shared/mime/header.js';
import { openDatabase, type Db } from '../../src/store/sqlite.js';
import { startHarness, type Harness } from '../helpers/accept-harness.js';
import { tempDir } from '../helpers/queue-fixture.js';
import { rawSmtp } from '../helpers/raw-smtp.js';
import { chunkedData, configYaml, mailBytes, pdfBytes, remoteReply, smtpLine } from './arbitraries.js';

export interface FuzzTarget<T = unknown> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  /** Throws when the property does not hold for `input`. */
  check(input: T, limits: FuzzLimits): void | Promise<void>;
  /** Inputs the fuzzer once found failing (shrunk): always tried first, in `npm test` and `npm run fuzz`. */
  regressions?: T[];
  /** Stops what the target started on first use (a listener, a database). */
  close?(): Promise<void>;
}

export interface FuzzLimits {
  /** Longest one input may take; a parser slower than this on a few kilobytes has a super-linear path. */
  maxMs: number;
  /** Scratch folder for inputs that must be files (the configuration). */
  scratch: string;
}

/**
 * Run `run` within the time bound. A slow run is repeated once before it counts: a super-linear path is slow every
 * time, while a lazily loaded module, a GC pause or a busy machine is not.
 */
function timed<R>(limits: FuzzLimits, what: string, run: () => R): R {
  for (let attempt = 1; ; attempt++) {
    const t0 = performance.now();
    const result = run();
    const ms = performance.now() - t0;
    if (ms <= limits.maxMs) return result;
    if (attempt === 2) throw new Error(`${what} took ${ms.toFixed(0)} ms twice (limit ${limits.maxMs})`);
  }
}

/** What DATA refuses (src/accept/read-data.ts), as one expression over the whole message: the oracle for chunked reads. */
const DATA_DEFECT = /\0|(?<!\r)\n|\r(?!\n)/;

const BOUNCE_KIND_SET = new Set<string>(BOUNCE_KINDS);

const identityConfig = parseConfig({
  identity: {
    presets: ['exim-authuser', { preset: 'php-script', strip: true }, 'postfix-authenticated'],
    headers: [{ header: 'X-Sender-Id', pattern: '^\\s*(\\w+)\\s*$', strip: true }],
  },
}).identity;
const identitySources = compileHeaderSources(identityConfig);

/** One relay listener for every SMTP case (a trusted network, so MAIL, RCPT and DATA are reached). */
let smtp: Promise<Harness> | undefined;
const smtpHarness = () => (smtp ??= startHarness({ trustedNetworks: { fuzz: ['127.0.0.0/8'] }, limits: { maxUnknownCommands: 1000 } }));

/** One feedback stage over a real SQLite file for every report case. */
let intake: { db: Db; store: QueueStore; feedback: Feedback } | undefined;
function feedbackStage(): Feedback {
  if (!intake) {
    const config = parseConfig({ dataDir: tempDir('mw-fuzz-intake-'), identity: { traceSecret: 'fuzz' }, feedback: { bounceDomain: 'bounces.test' } });
    const db = openDatabase(config.storage.sqlitePath);
    const store = createSqliteQueueStore(db, config.storage);
    intake = { db, store, feedback: createFeedback({ config, db, store, secret: 'fuzz', logger: silentLogger }) };
  }
  return intake.feedback;
}

/** Longest wait for a session's replies: the server answers at once or closes; this only ends a hung session. */
const SESSION_MS = 2000;

/** Read everything the server sends until it closes the connection (or `ms` pass). */
async function sessionTranscript(port: number, lines: string[], ms: number, endInput: boolean): Promise<{ greeting: string; replies: string[] }> {
  const c = await rawSmtp(port);
  const replies: string[] = [];
  c.write(lines.map((l) => `${l}\r\n`).join('') + '\r\n.\r\nQUIT\r\n');
  // Closing our side ends a session left waiting (an AUTH prompt); smtp-server drops what it has not read by then, so
  // the close comes once the pipelined lines had time to be answered.
  const ender = endInput ? setTimeout(() => c.end(), 300) : undefined;
  const deadline = Date.now() + ms;
  for (;;) {
    const r = await Promise.race([c.reply(), new Promise<null>((res) => setTimeout(() => res(null), Math.max(0, deadline - Date.now())))]);
    if (r === null || r === '(closed)') break;
    replies.push(r);
  }
  clearTimeout(ender);
  return { greeting: c.greeting, replies };
}

export const targets: FuzzTarget[] = [
  {
    // SMTP command lines from a stranger, on a real relay listener: every answer is an SMTP reply, there are no
    // more answers than lines, and the listener still takes a proper message afterwards.
    name: 'accept/smtpSession',
    arbitrary: fc.array(smtpLine, { minLength: 1, maxLength: 12 }),
    async check(lines: string[]) {
      const h = await smtpHarness();
      const { greeting, replies } = await sessionTranscript(h.ports.relay!, lines, SESSION_MS, true);
      if (!/^220 /.test(greeting)) throw new Error(`greeting ${greeting}`);
      const bad = replies.find((r) => !/^([2-5]\d\d)[ -]/.test(r));
      if (bad !== undefined) throw new Error(`not an SMTP reply: ${JSON.stringify(bad)}`);
      // Each line gets at most one reply: the client's, then an empty line, '.', and QUIT.
      if (replies.length > lines.length + 3) throw new Error(`${replies.length} replies to ${lines.length + 3} lines`);
      const probe = await sessionTranscript(h.ports.relay!, ['EHLO probe.test', 'MAIL FROM:<a@probe.test>', 'RCPT TO:<b@dest.test>', 'DATA', 'Subject: probe', '', 'still up'], SESSION_MS, false);
      if (!probe.replies[4]?.startsWith('250 ')) throw new Error(`listener no longer accepts mail: ${probe.replies.join(' | ')}`);
    },
    async close() {
      if (smtp) await (await smtp).close();
      smtp = undefined;
    },
  } satisfies FuzzTarget<string[]>,
  {
    // Every report door (SMTP listener, import, HTTP) ends in the intake: a result per message, never an exception.
    name: 'feedback/intake',
    arbitrary: mailBytes,
    check(raw: Buffer, limits) {
      const results = timed(limits, 'intake.process', () => feedbackStage().intake.process(raw, { source: 'import' }));
      if (results.length === 0) throw new Error('no result');
      for (const r of results) if (typeof r.status !== 'string') throw new Error(`result without a status ${JSON.stringify(r)}`);
    },
    async close() {
      if (!intake) return;
      intake.feedback.close();
      await intake.store.close();
      intake.db.close();
      intake = undefined;
    },
  } satisfies FuzzTarget<Buffer>,
  {
    // RFC 3464 DSNs, RFC 5965 ARF reports, auto-replies and providers' own formats: the bounce reader and the
    // feedback intake both enter here.
    name: 'bounce/parseBounce',
    arbitrary: mailBytes,
    check(raw: Buffer, limits) {
      const report = timed(limits, 'parseBounce', () => parseBounce(raw));
      if (!BOUNCE_KIND_SET.has(report.kind)) throw new Error(`unknown kind ${String(report.kind)}`);
      if (report.recipients.length > raw.length) throw new Error(`${report.recipients.length} recipients from ${raw.length} bytes`);
      for (const r of report.recipients) {
        if (typeof r.reason !== 'string') throw new Error('recipient without a reason');
        if (typeof r.recipient !== 'string') throw new Error('recipient without an address');
      }
    },
  } satisfies FuzzTarget<Buffer>,
  {
    // The content scorer parses MIME (headers, encodings, multipart, HTML, links, zip listings) and scores it.
    name: 'inspect/scoreContent',
    arbitrary: mailBytes,
    check(raw: Buffer, limits) {
      const verdict = timed(limits, 'scoreContent', () => scoreContent(raw));
      if (!Number.isFinite(verdict.score)) throw new Error(`score ${verdict.score}`);
      if (!['accept', 'tag', 'quarantine', 'reject'].includes(verdict.action)) throw new Error(`action ${String(verdict.action)}`);
    },
  } satisfies FuzzTarget<Buffer>,
  {
    // A PDF attachment's link actions, read by hand from plain objects and inflated object streams.
    name: 'inspect/pdfReach',
    arbitrary: pdfBytes,
    check(raw: Buffer, limits) {
      const reach = timed(limits, 'pdfReach', () => pdfReach(raw));
      if (reach === null) return;
      if (typeof reach.active !== 'boolean' || !reach.uris.every((u) => typeof u === 'string')) throw new Error(`odd answer ${JSON.stringify(reach)}`);
      // a URI comes from a "/URI" in the file (its name maybe #-escaped) or in an object stream it inflated; the same
      // bytes give the same answer
      const text = raw.toString('latin1');
      if (reach.uris.length > 0 && !/\/URI|\/ObjStm|#/.test(text)) throw new Error(`URIs ${JSON.stringify(reach.uris)} from nowhere`);
      if (JSON.stringify(pdfReach(raw)) !== JSON.stringify(reach)) throw new Error('a second reading differs');
    },
  } satisfies FuzzTarget<Buffer>,
  {
    // The identity header sources read the client's headers; stripping rebuilds the message.
    name: 'identify/identifySender',
    arbitrary: mailBytes,
    // An empty message (the client address is the identity) and a header-only one with a bare LF.
    regressions: [Buffer.alloc(0), Buffer.from([0, 10, 45, 45, 98, 49])],
    check(raw: Buffer, limits) {
      timed(limits, 'identifySender', () => {
        // Only what DATA lets through reaches identification: CRLF line endings, and a header/body separator (a
        // header-only message gains its empty line when rebuilt).
        const framed = raw.includes('\r\n\r\n') && !DATA_DEFECT.test(raw.toString('latin1'));
        const parts = splitMessage(raw);
        if (framed && !joinMessage(parts).equals(raw)) throw new Error('split and join changed the message');
        const id = identifySender({ account: 'acme', via: 'client-ip', clientIp: '192.0.2.1' }, messageHeader(raw), identitySources);
        if (id.account !== 'acme') throw new Error(`account changed to ${id.account}`);
        if (id.source !== 'client-ip' && id.sub.length > raw.length) throw new Error('identity longer than the message');
        stripSourceHeaders(parts.headers, identitySources);
        if (framed && joinMessage(parts).length > raw.length) throw new Error('stripping grew the message');
      });
    },
  } satisfies FuzzTarget<Buffer>,
  {
    // DATA framing: the defect found must not depend on how the socket cut the stream into chunks.
    name: 'accept/readData',
    arbitrary: chunkedData,
    // A bare CR in one chunk and a bare LF at the start of the next: which defect is named depends on the cut.
    regressions: [[Buffer.from([13, 97]), Buffer.from([10])]],
    async check(chunks: Buffer[]) {
      const whole = Buffer.concat(chunks);
      const stream = new PassThrough();
      // Half the cases declare their size (RFC 1870 SIZE=), which reads into one buffer as the bytes arrive.
      const reading = readData(stream, 1 << 20, byteBudget(1 << 21), chunks.length % 2 === 1 ? whole.length : 0);
      for (const c of chunks) stream.write(c);
      stream.end();
      const got = await reading;
      // Which defect is named may depend on the cut (a message can have several); whether there is one may not.
      const defective = DATA_DEFECT.test(whole.toString('latin1'));
      if ((got.defect !== null) !== defective) throw new Error(`defect ${String(got.defect)} in chunks, whole message ${defective ? 'defective' : 'clean'}`);
      if (!got.raw.equals(whole)) throw new Error('bytes changed on the way in');
    },
  } satisfies FuzzTarget<Buffer[]>,
  {
    // Remote replies are a stranger's text too: whatever an MX answers must classify.
    name: 'classify/classifyReply',
    arbitrary: remoteReply,
    check(input, limits) {
      const c = timed(limits, 'classifyReply', () => classifyReply(input));
      if (typeof c.reason !== 'string' || typeof c.permanent !== 'boolean') throw new Error(`incomplete classification ${JSON.stringify(c)}`);
    },
  } satisfies FuzzTarget<{ text: string; phase: 'connect' | 'helo' | 'mail' | 'rcpt' | 'data' | 'eod'; mx: string; status?: string }>,
  {
    // A careless operator's file: the loader answers with a ConfigError (path and reason) or a configuration.
    name: 'config/loadConfig',
    arbitrary: configYaml,
    check(text: string, limits) {
      const file = join(limits.scratch, 'fuzz-config.yaml');
      writeFileSync(file, text);
      try {
        timed(limits, 'loadConfig', () => loadConfig(file, {}));
      } catch (err) {
        if (!(err instanceof ConfigError)) throw new Error(`not a ConfigError: ${(err as Error).stack ?? String(err)}`);
        if (!(err as Error).message.startsWith(file)) throw new Error(`error does not name the file: ${(err as Error).message}`);
      }
    },
  } satisfies FuzzTarget<string>,
];
