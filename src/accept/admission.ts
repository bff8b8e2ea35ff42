// Connection admission, on the raw TCP socket and before smtp-server sees it: the per-address limit and the total
// limit (limits.maxClients) across every listener. Counting here rather than in onConnect matters for implicit TLS:
// smtp-server runs the handshake before onConnect, so one address could otherwise hold every smtps slot with
// connections that never start TLS.
import type { Socket } from 'node:net';
import type { SMTPServer } from 'smtp-server';
import type { Logger } from '../shared/logger.js';
import { connectionCounter, type ConnectionCounter } from './throttle.js';

export interface Admission {
  counter: ConnectionCounter;
  maxClients: number;
  /** Total connections open across all listeners; shared by every gated server. */
  open: { total: number };
  onRefused(ip: string, reason: 'per-address' | 'total'): void;
}

/**
 * One listener group's admission: the per-address and total limits, and a `connection-limit` log line for each
 * refusal (`listener` names a group with slots of its own, such as the feedback listener).
 */
export function createAdmission(limits: { maxConnectionsPerIp: number; maxClients: number }, logger: Logger, listener?: string): Admission {
  return {
    counter: connectionCounter(limits.maxConnectionsPerIp),
    maxClients: limits.maxClients,
    open: { total: 0 },
    onRefused: (ip, reason) => logger.warn({ event: 'connection-limit', ...(listener ? { listener } : {}), ip, reason }, 'connection refused: too many connections'),
  };
}

const REPLY = {
  'per-address': '421 4.7.0 Too many connections from your address, try again later\r\n',
  total: '421 4.7.0 Too many connections, try again later\r\n',
} as const;

export function gateConnections(server: SMTPServer, admission: Admission, opts: { implicitTls: boolean }): void {
  const handlers = server.server.listeners('connection') as ((socket: Socket) => void)[];
  server.server.removeAllListeners('connection');
  server.server.on('connection', (socket: Socket) => {
    const ip = socket.remoteAddress ?? '';
    const reason = admission.open.total >= admission.maxClients ? 'total' : admission.counter.open(ip) ? null : 'per-address';
    if (reason) {
      admission.onRefused(ip, reason);
      socket.on('error', () => {});
      // Nothing readable can be written before a TLS handshake; a plain client gets the reason (RFC 5321 §3.1).
      if (opts.implicitTls) socket.destroy();
      else socket.end(REPLY[reason]);
      return;
    }
    admission.open.total++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      admission.open.total--;
      admission.counter.close(ip);
    };
    socket.once('close', release);
    keepThroughStripping(socket, 'close', release);
    for (const handler of handlers) handler.call(server.server, socket);
  });
}

/**
 * smtp-server strips every listener off the plain socket when STARTTLS wraps it in a TLS socket (it adds back only an
 * error handler). The connection's count must still come back when the socket closes: without it, every session that
 * upgraded kept its slot, and after maxConnectionsPerIp STARTTLS sessions from one address the relay refused that
 * address until restarted (after maxClients, everyone). So the listener is put back whenever the socket is stripped.
 */
function keepThroughStripping(socket: Socket, event: string, listener: () => void): void {
  const strip = socket.removeAllListeners;
  socket.removeAllListeners = function (this: Socket, ...args: Parameters<Socket['removeAllListeners']>) {
    const result = strip.apply(this, args);
    if (args[0] === undefined || args[0] === event) this.once(event, listener);
    return result;
  };
}
