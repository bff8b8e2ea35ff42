// smtp-server hangs up after a fixed 10 unrecognised commands; our limit is a setting (limits.maxUnknownCommands,
// DESIGN.md §3.8), so we hook each new connection's reply function: when the connection's own counter of
// unrecognised commands (incremented just before its 500 reply) reaches our limit, the reply becomes 421 and
// smtp-server closes the connection. No library option does this, hence the hook.
import type { SMTPServer } from 'smtp-server';

export function limitUnknownCommands(server: SMTPServer, max: number): void {
  const connect = server.connect.bind(server);
  server.connect = (socket, socketOptions) => {
    const before = new Set(server.connections);
    connect(socket, socketOptions);
    for (const connection of server.connections) {
      if (before.has(connection)) continue;
      const send = connection.send.bind(connection);
      connection.send = (code, data, context) => {
        if (code === 500 && connection._unrecognizedCommands >= max) return send(421, '4.7.0 Too many unrecognized commands, closing connection', false);
        return send(code, data, context);
      };
    }
  };
}
