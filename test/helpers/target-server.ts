// A destination SMTP server for scenario tests: records what arrives and answers with the replies a test chooses,
// per recipient and per phase. Built on smtp-server, on 127.0.0.1 port 0.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  mailFrom: string;
  rcptTo: string[];
  raw: Buffer;
  /** Whether the session had switched to TLS. */
  secure: boolean;
  /** The client's address: which source IP of a pool the message came from. */
  remoteAddress: string;
  /** The name the client gave in EHLO. */
  helo: string;
}

/** A chosen reply: the full text after the code, e.g. "5.1.1 no such user". */
export interface Reply {
  code: number;
  text: string;
}

export interface TargetOptions {
  /** Reply at connect to a client from this address (a refusal), or null to greet it. */
  connect?: (remoteAddress: string) => Reply | null;
  /** Reply to RCPT TO for this recipient on this attempt (1-based), or null to accept. */
  rcpt?: (rcpt: string, attempt: number) => Reply | null;
  /** Reply after the message data, or null to accept. */
  data?: (attempt: number) => Reply | null;
  /** Offer STARTTLS (with smtp-server's built-in self-signed certificate, or `tls`). */
  starttls?: boolean;
  /** PEM key and certificate for STARTTLS. */
  tls?: { key: string; cert: string };
}

export interface Target {
  port: number;
  received: Received[];
  /** Number of SMTP sessions opened so far. */
  sessions: number;
  /** Resolves once `n` messages have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

function smtpError(r: Reply): Error & { responseCode: number } {
  return Object.assign(new Error(r.text), { responseCode: r.code });
}

export async function startTarget(opts: TargetOptions = {}): Promise<Target> {
  const rcptAttempts = new Map<string, number>();
  let dataAttempts = 0;
  const waiters: Array<() => void> = [];
  const target: Target = {
    port: 0,
    received: [],
    sessions: 0,
    waitFor(n, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`target got ${target.received.length} of ${n} messages`)), timeoutMs);
        const check = (): void => {
          if (target.received.length < n) {
            waiters.push(check);
            return;
          }
          clearTimeout(timer);
          resolve(target.received);
        };
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: opts.starttls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    hideENHANCEDSTATUSCODES: true, // replies carry exactly the enhanced status the test wrote
    logger: false,
    ...(opts.tls ?? {}),
    onConnect(session, cb) {
      target.sessions += 1;
      const r = opts.connect?.(session.remoteAddress);
      cb(r ? smtpError(r) : undefined);
    },
    onRcptTo(address, _session, cb) {
      const n = (rcptAttempts.get(address.address) ?? 0) + 1;
      rcptAttempts.set(address.address, n);
      const r = opts.rcpt?.(address.address, n);
      cb(r ? smtpError(r) : undefined);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        dataAttempts += 1;
        const r = opts.data?.(dataAttempts);
        if (r) return cb(smtpError(r));
        target.received.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((a) => a.address),
          raw: Buffer.concat(chunks),
          secure: session.secure,
          remoteAddress: session.remoteAddress,
          helo: session.hostNameAppearsAs,
        });
        for (const w of waiters.splice(0)) w();
        cb(null);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  target.port = (server.server.address() as AddressInfo).port;
  return target;
}
