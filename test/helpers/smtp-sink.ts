// Postfix's smtp-sink as the destination: it accepts everything and dumps each transaction (envelope lines, then the
// message) to a file, so tests can assert on exactly what arrived. It needs a fixed port: find a free one by binding
// port 0, release it, start the sink there, and try another port if something took it meanwhile.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { tempDir } from './queue-fixture.js';

export const SMTP_SINK = '/usr/sbin/smtp-sink';

export interface SinkMessage {
  mailFrom: string;
  rcptTo: string[];
  /** The message as it arrived, smtp-sink's own Received line removed. */
  raw: string;
}

export interface Sink {
  port: number;
  dir: string;
  /** Transactions completed (smtp-sink's -c counter); a dump is complete once it is counted. */
  count(): number;
  messages(): SinkMessage[];
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = connect(port, '127.0.0.1');
    c.once('data', (d) => {
      c.destroy();
      resolve(d.toString().startsWith('220'));
    });
    c.once('error', () => resolve(false));
  });
}

function parseDump(text: string): SinkMessage {
  const lines = text.split('\n');
  let i = 0;
  const env: SinkMessage = { mailFrom: '', rcptTo: [], raw: '' };
  for (; i < lines.length && lines[i]!.startsWith('X-'); i++) {
    const [name, value = ''] = lines[i]!.split(': ');
    if (name === 'X-Mail-Args') env.mailFrom = /<([^>]*)>/.exec(value)?.[1] ?? '';
    if (name === 'X-Rcpt-Args') env.rcptTo.push(/<([^>]*)>/.exec(value)?.[1] ?? '');
  }
  // smtp-sink prepends a three-line Received header of its own.
  const rest = lines.slice(i);
  let j = 0;
  if (rest[0]?.startsWith('Received: ')) for (j = 1; rest[j]?.startsWith('\t'); j++);
  env.raw = rest.slice(j).join('\n');
  return env;
}

export async function startSink(): Promise<Sink> {
  const dir = tempDir('mw-sink-');
  chmodSync(dir, 0o777); // smtp-sink drops to 'nobody' before writing its dumps
  for (let tries = 0; tries < 10; tries++) {
    const port = await freePort();
    const proc: ChildProcess = spawn(SMTP_SINK, ['-c', '-u', 'nobody', '-d', join(dir, '%Y%m%d%H%M%S.'), `127.0.0.1:${port}`, '256'],
      { stdio: ['ignore', 'pipe', 'ignore'] });
    let counted = 0;
    proc.stdout!.on('data', (d: Buffer) => {
      const all = [...d.toString('latin1').matchAll(/mesg=(\d+)/g)];
      if (all.length) counted = Number(all[all.length - 1]![1]);
    });
    let exited = false;
    proc.once('exit', () => { exited = true; });
    for (let k = 0; k < 50 && !exited; k++) {
      if (await answers(port)) {
        return {
          port, dir,
          count: () => counted,
          messages: () => readdirSync(dir).map((f) => parseDump(readFileSync(join(dir, f), 'latin1'))),
          stop: () => new Promise<void>((resolve) => {
            if (exited) return resolve();
            proc.once('exit', () => resolve());
            proc.kill('SIGTERM');
          }),
        };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    if (!exited) proc.kill('SIGKILL'); // EADDRINUSE or not starting: try another port
  }
  throw new Error('could not start smtp-sink');
}
