// A destination MX that misbehaves on cue, for fault tests of the delivery engine. smtp-server cannot do what is
// needed here (stay silent, answer half a reply, drop the socket in the middle of DATA, break a TLS handshake), so
// this is a small hand-written SMTP server over net on 127.0.0.1 port 0. Each session asks the test's script what to
// do at each step; without a script step it behaves as a plain, well-formed MX.
import { createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * What to do at a step: send these bytes (CRLF included) and maybe hang up after them, send a line again and again
 * (a tarpit that keeps an idle timer from firing), say nothing, or close the socket at once.
 */
export type Step = { send: string; thenDrop?: boolean } | { dribble: string; everyMs: number } | 'silent' | 'drop';

export interface MxSession {
  /** 1-based number of this connection. */
  n: number;
  /** Transactions started on this connection (MAIL FROM seen). */
  transactions: number;
}

export interface MxScript {
  greeting?(s: MxSession): Step | undefined;
  /** A command line (without CRLF), e.g. "MAIL FROM:<a@b> SIZE=10". */
  command?(s: MxSession, line: string): Step | undefined;
  /** Called as DATA bytes arrive; 'drop' closes the connection with the message half sent. */
  midData?(s: MxSession, bytesSoFar: number): 'drop' | undefined;
  /** The reply to the end of data; the message counts as received only when the reply sent starts with 250. */
  endOfData?(s: MxSession, raw: Buffer): Step | undefined;
  /** STARTTLS is offered; its handshake is answered with garbage and the socket closed. */
  brokenStartTls?: boolean;
}

export interface ScriptedMx {
  port: number;
  /** Messages the MX answered 250 to, by their Message-ID header (duplicates appear twice). */
  accepted: string[];
  /** Messages whose whole data arrived, whatever the reply (the at-least-once window's evidence). */
  dataComplete: string[];
  sessions: number;
  close(): Promise<void>;
}

const messageId = (raw: Buffer) => /^Message-ID:\s*(\S+)/im.exec(raw.toString('latin1'))?.[1] ?? '(none)';

export async function startScriptedMx(script: MxScript = {}): Promise<ScriptedMx> {
  const sockets = new Set<Socket>();
  const mx: ScriptedMx = { port: 0, accepted: [], dataComplete: [], sessions: 0, close: async () => {} };

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const s: MxSession = { n: ++mx.sessions, transactions: 0 };
    let buffer = Buffer.alloc(0);
    let inData = false;
    let dataBytes = 0;

    const act = (step: Step | undefined, fallback: string): boolean => {
      const chosen = step ?? { send: fallback };
      if (chosen === 'drop') {
        socket.destroy();
        return false;
      }
      if (chosen === 'silent') return true;
      if ('dribble' in chosen) {
        const timer = setInterval(() => socket.write(chosen.dribble), chosen.everyMs);
        socket.once('close', () => clearInterval(timer));
        return true;
      }
      socket.write(chosen.send);
      if (chosen.thenDrop) {
        socket.end();
        return false;
      }
      return true;
    };

    const onCommand = (line: string): boolean => {
      const verb = line.split(/[ :]/)[0]!.toUpperCase();
      if (verb === 'MAIL') s.transactions++;
      const defaults: Record<string, string> = {
        EHLO: `250-mx.scripted.test\r\n250-PIPELINING\r\n250-8BITMIME\r\n${script.brokenStartTls ? '250-STARTTLS\r\n' : ''}250 SIZE 10485760\r\n`,
        HELO: '250 mx.scripted.test\r\n',
        MAIL: '250 2.1.0 ok\r\n',
        RCPT: '250 2.1.5 ok\r\n',
        DATA: '354 go ahead\r\n',
        RSET: '250 2.0.0 ok\r\n',
        NOOP: '250 2.0.0 ok\r\n',
        QUIT: '221 2.0.0 bye\r\n',
        STARTTLS: '220 2.0.0 ready\r\n',
      };
      const ok = act(script.command?.(s, line), defaults[verb] ?? '502 5.5.2 not implemented\r\n');
      if (!ok) return false;
      if (verb === 'DATA') {
        inData = true;
        dataBytes = 0;
      }
      if (verb === 'STARTTLS' && script.brokenStartTls) {
        // The client now sends a TLS ClientHello: answer it with bytes that are no TLS record, then hang up.
        socket.removeAllListeners('data');
        socket.once('data', () => socket.end('this is not TLS\r\n'));
        return false;
      }
      if (verb === 'QUIT') socket.end();
      return true;
    };

    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (inData) {
          dataBytes += chunk.length;
          chunk = Buffer.alloc(0);
          if (script.midData?.(s, dataBytes) === 'drop') {
            socket.destroy();
            return;
          }
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const raw = buffer.subarray(0, end + 2);
          buffer = buffer.subarray(end + 5);
          inData = false;
          const id = messageId(raw);
          mx.dataComplete.push(id);
          const step = script.endOfData?.(s, raw);
          const sent = step ?? { send: '250 2.0.0 queued\r\n' };
          if (typeof sent === 'object' && 'send' in sent && sent.send.startsWith('250')) mx.accepted.push(id);
          if (!act(step, '250 2.0.0 queued\r\n')) return;
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.subarray(0, eol).toString('latin1');
        buffer = buffer.subarray(eol + 2);
        if (!onCommand(line)) return;
      }
    });

    act(script.greeting?.(s), '220 mx.scripted.test ESMTP\r\n');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mx.port = (server.address() as AddressInfo).port;
  mx.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return mx;
}
