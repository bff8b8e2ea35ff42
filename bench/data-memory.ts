// Memory per message in DATA: N clients each send one large message at once to the relay listener; the relay runs as
// its own process (the built CLI, policy and content scoring on, delivering to a local smtp-sink). Prints the relay's
// RSS before, its peak (VmHWM), the peak per byte in flight, and how the messages were answered (250, or 452 4.3.1
// past limits.maxBytesInFlight: the client would retry later). There is no peer figure: Postfix spools DATA to a
// queue file as it arrives, so its memory does not grow with message size at all; that is the bar.
//
// Usage: npm run bench:data-memory -- [N clients=24] [MB per message=10]
// Env: MW_CLI=/path/to/dist/cli/main.js measures another build; BUDGET_MB=n sets limits.maxBytesInFlight,
//      DBUDGET_MB=n delivery.maxBytesInFlight; NO_DELIVERY=1 routes delivery to a closed port (accept side alone).
// Peak RSS depends on when V8 collects (dead Buffers are freed at a collection): compare several runs.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, spawnRelay, writeConfig } from '../test/helpers/relay-process.js';
import { startSink } from '../test/helpers/smtp-sink.js';

const [clients = 24, megabytes = 10] = process.argv.slice(2).map(Number);

/** A message of about `megabytes` MB: headers, then 76-character lines. */
function message(): Buffer {
  const head = 'From: sender@customer.test\r\nTo: rcpt@example.test\r\nSubject: large\r\n\r\n';
  const line = 'x'.repeat(76) + '\r\n';
  return Buffer.from(head + line.repeat(Math.ceil((megabytes * 1024 * 1024) / line.length)) + '.\r\n', 'latin1');
}

/** One SMTP session that sends `data` and resolves with the reply to its end-of-data. */
function send(port: number, data: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    // SIZE= as Postfix and most clients send it once the server advertises SIZE.
    const steps = ['EHLO memory.test', `MAIL FROM:<sender@customer.test> SIZE=${data.length}`, 'RCPT TO:<rcpt@example.test>', 'DATA'];
    let buffer = '';
    let replies = 0;
    socket.on('data', (d: Buffer) => {
      buffer += d.toString('latin1');
      for (let m = /^(?:\d{3}-[^\n]*\n)*\d{3}(?: [^\n]*)?\r?\n/.exec(buffer); m; m = /^(?:\d{3}-[^\n]*\n)*\d{3}(?: [^\n]*)?\r?\n/.exec(buffer)) {
        buffer = buffer.slice(m[0].length);
        const reply = m[0].trimEnd();
        replies += 1;
        if (replies === 3 && !reply.startsWith('250')) {
          // MAIL FROM refused (452 4.3.1 when the declared SIZE does not fit now): the client would retry later.
          socket.end('QUIT\r\n');
          return resolve(reply.split('\n').pop()!);
        }
        if (replies <= steps.length) socket.write(steps[replies - 1] + '\r\n'); // greeting, EHLO, MAIL, RCPT answered
        else if (replies === steps.length + 1) socket.write(data); // 354
        else {
          socket.end('QUIT\r\n');
          resolve(reply.split('\n').pop()!);
        }
      }
    });
    socket.once('error', reject);
  });
}

const kb = (field: string, pid: number) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);

const dir = mkdtempSync(join(tmpdir(), 'mw-bench-datamem-'));
const sink = await startSink();
const configFile = writeConfig(dir, {
  dataDir: join(dir, 'data'),
  hostname: 'relay.bench.test',
  listeners: { submission: { enabled: false }, smtps: { enabled: false }, relay: { host: '127.0.0.1', port: 0 } },
  delivery: { routes: { '*': process.env.NO_DELIVERY ? '127.0.0.1:9' : `127.0.0.1:${sink.port}` }, ...(process.env.DBUDGET_MB ? { maxBytesInFlight: Number(process.env.DBUDGET_MB) * 1024 * 1024 } : {}) },
  limits: { maxConnectionsPerIp: clients + 5, ...(process.env.BUDGET_MB ? { maxBytesInFlight: Number(process.env.BUDGET_MB) * 1024 * 1024 } : {}) },
  log: { level: 'warn' },
});
const relay = await spawnRelay(configFile, process.env.MW_CLI ?? CLI);
const pid = relay.proc.pid!;
try {
  const data = message();
  await send(relay.ports.relay!, Buffer.from('Subject: warm-up\r\n\r\nhi\r\n.\r\n')); // load the scorer and the queue
  const before = kb('VmRSS', pid);
  const started = Date.now();
  const replies = await Promise.all(Array.from({ length: clients }, () => send(relay.ports.relay!, data)));
  const seconds = (Date.now() - started) / 1000;
  const peak = kb('VmHWM', pid);
  const codes: Record<string, number> = {};
  for (const r of replies) codes[r.slice(0, 9)] = (codes[r.slice(0, 9)] ?? 0) + 1;
  const inFlightMb = (clients * data.length) / 1024 / 1024;
  console.log(`data-memory: ${clients} clients x ${(data.length / 1024 / 1024).toFixed(1)} MB at once (${inFlightMb.toFixed(0)} MB offered) in ${seconds.toFixed(1)} s`);
  console.log(`relay: ${process.env.MW_CLI ?? CLI}`);
  console.log(`RSS before = ${(before / 1024).toFixed(0)} MB; peak = ${(peak / 1024).toFixed(0)} MB; growth = ${((peak - before) / 1024).toFixed(0)} MB = ${((peak - before) / 1024 / inFlightMb).toFixed(2)}x the bytes offered`);
  console.log(`replies: ${Object.entries(codes).map(([k, v]) => `${k}: ${v}`).join(', ')}`);
  console.log('peer: none measured; Postfix spools DATA to its queue file as it arrives (memory flat in message size)');
} finally {
  relay.proc.kill('SIGTERM');
  await relay.exited;
  await sink.stop();
  rmSync(dir, { recursive: true, force: true });
}
