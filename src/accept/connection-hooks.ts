// Two things smtp-server hard-codes that our limits and throughput need otherwise; no option exists for either, so
// each new connection is adjusted right after smtp-server creates it (server.connect is the one place it does).
//
// 1. Unrecognised commands: smtp-server hangs up after a fixed 10; ours is a setting (limits.maxUnknownCommands,
//    DESIGN.md §3.8). When the connection's own counter (incremented just before its 500 reply) reaches our limit,
//    the reply becomes 421, on which smtp-server closes the connection.
// 2. Greeting pause: smtp-server waits 100 ms before its 220 to catch clients that talk first. Our clients are
//    customers' MTAs, and many send one message per connection: the pause alone capped such a client at 10 messages
//    per second per session (bench/accept.ts, 20 sessions, one message each: 150 msgs/s with the pause, 515 without). Postfix's
//    smtpd has no such pause either (its postscreen does, for inbound mail from strangers). The library's timer
//    still fires, and finds nothing left to do.
import type { SMTPServer } from 'smtp-server';

export function tuneConnections(server: SMTPServer, opts: { maxUnknownCommands: number }): void {
  const connect = server.connect.bind(server);
  server.connect = (socket, socketOptions) => {
    const before = new Set(server.connections);
    connect(socket, socketOptions);
    // A connection refused for maxClients has already closed and left the set: only live ones are adjusted.
    for (const connection of server.connections) {
      if (before.has(connection)) continue;
      const send = connection.send.bind(connection);
      connection.send = (code, data, context) => {
        if (code === 500 && connection._unrecognizedCommands >= opts.maxUnknownCommands) {
          return send(421, '4.7.0 Too many unrecognized commands, closing connection', false);
        }
        return send(code, data, context);
      };
      const ready = connection.connectionReady.bind(connection);
      connection.connectionReady = () => {};
      ready();
    }
  };
}
