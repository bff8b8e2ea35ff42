// A bare SMTP client for hostile-input tests: it writes exactly the bytes it is given (no dot-stuffing, no line-ending
// repair) and reads replies, including multi-line ones.
import { connect, type Socket } from 'node:net';
import { connect as tlsConnect, type PeerCertificate, type TLSSocket } from 'node:tls';

export interface RawSmtp {
  /** The server's first reply (220 greeting, or 421 when it refuses the connection). */
  greeting: string;
  /** Write bytes as they are. */
  write(data: string | Buffer): void;
  /** The next complete reply (all its lines), e.g. "250-...\r\n250 ...". */
  reply(): Promise<string>;
  /** Write a command line (CRLF added) and wait for its reply. */
  command(line: string): Promise<string>;
  /** Upgrade with STARTTLS (after the 220 reply was read); resolves with the server's certificate. */
  startTls(): Promise<PeerCertificate>;
  /** Resolves when the server closes the connection. */
  closed: Promise<void>;
  end(): void;
}

/** `localAddress`: another loopback source address (127.x.y.z), to act as many clients from one machine. */
export async function rawSmtp(port: number, opts: { tls?: boolean; localAddress?: string } = {}): Promise<RawSmtp> {
  const target = { port, host: '127.0.0.1', ...(opts.localAddress ? { localAddress: opts.localAddress } : {}) };
  let socket: Socket | TLSSocket = opts.tls ? tlsConnect({ ...target, rejectUnauthorized: false }) : connect(target);
  let buffer = '';
  const waiters: Array<() => void> = [];
  let closedResolve!: () => void;
  const closed = new Promise<void>((r) => (closedResolve = r));
  const attach = (s: Socket | TLSSocket) => {
    s.on('data', (d: Buffer) => {
      buffer += d.toString('latin1');
      for (const w of waiters.splice(0)) w();
    });
  };
  socket.on('close', () => {
    closedResolve();
    for (const w of waiters.splice(0)) w();
  });
  socket.on('error', () => {});
  attach(socket);
  let isClosed = false;
  void closed.then(() => (isClosed = true));

  /** A complete reply ends with a line "ddd text" (space, not hyphen, after the code). */
  const takeReply = (): string | null => {
    const m = /^(?:\d{3}-[^\n]*\n)*\d{3}(?: [^\n]*)?\r?\n/.exec(buffer);
    if (!m) return null;
    buffer = buffer.slice(m[0].length);
    return m[0].trimEnd();
  };
  const reply = async (): Promise<string> => {
    for (;;) {
      const r = takeReply();
      if (r !== null) return r;
      if (isClosed) return '(closed)';
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const client: RawSmtp = {
    greeting: '',
    write: (data) => void socket.write(data),
    reply,
    async command(line) {
      socket.write(line + '\r\n');
      return reply();
    },
    async startTls() {
      socket.removeAllListeners('data');
      const secure = tlsConnect({ socket: socket as Socket, rejectUnauthorized: false });
      await new Promise<void>((resolve, reject) => {
        secure.once('secureConnect', () => resolve());
        secure.once('error', reject);
      });
      socket = secure;
      attach(secure);
      return secure.getPeerCertificate();
    },
    closed,
    end: () => void socket.end(),
  };
  client.greeting = await reply();
  return client;
}
