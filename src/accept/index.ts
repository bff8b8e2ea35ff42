// The accept stage's entry point: start the SMTP listeners (submission, implicit TLS, trusted relay) on smtp-server.
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { AcceptFeedback } from './context.js';
import type { AccountStore } from '../accounts/types.js';
import type { Config } from '../config/schema.js';
import type { MessagePolicy } from '../decide/types.js';
import { compileHeaderSources } from '../identify/sources.js';
import type { QueueStore } from '../queue/store.js';
import type { Logger } from '../shared/logger.js';
import type { AcceptContext, ListenerKind } from './context.js';
import { createHandlers } from './handlers.js';
import { loadTlsMaterial, loadTraceSecret, type TlsMaterial } from './secrets.js';
import { authThrottle } from './throttle.js';
import { trustedNetworkMatcher } from './trusted-networks.js';
import { tuneConnections } from './connection-hooks.js';
import { createAdmission, gateConnections } from './admission.js';
import { createPasswordPool } from '../accounts/password-pool.js';
import { byteBudget, type ByteBudget } from '../shared/byte-budget.js';

export { verifyTrace } from './trace.js';

export interface ListenerHandle {
  ports: { submission?: number; smtps?: number; relay?: number };
  /** Bytes of messages in DATA right now (limits.maxBytesInFlight bounds it). */
  dataBudget: Pick<ByteBudget, 'used'>;
  /** Stop accepting connections, let sessions in flight finish (up to limits.shutdownGraceMs), then resolve. */
  close(): Promise<void>;
}

export interface StartListenersOptions {
  config: Config;
  store: QueueStore;
  accounts: AccountStore;
  policy: MessagePolicy;
  logger: Logger;
  clock?: () => number;
  feedback?: AcceptFeedback;
  /** The relay's bytes-in-flight budget when other listeners share it (the feedback listener); else one of our own. */
  dataBudget?: ByteBudget;
}

function serverOptions(kind: ListenerKind, config: Config, tls: TlsMaterial): SMTPServerOptions {
  const { limits } = config;
  const common: SMTPServerOptions = {
    name: config.hostname,
    banner: 'mailwarden ESMTP',
    key: tls.key,
    cert: tls.cert,
    size: limits.maxMessageBytes,
    maxClients: limits.maxClients,
    maxCommandLength: limits.maxCommandLineBytes,
    socketTimeout: limits.socketTimeoutMs,
    closeTimeout: limits.shutdownGraceMs,
    // No reverse lookups: they would put the client's DNS in our accept path; Received shows the address instead.
    disableReverseLookup: true,
    logger: false,
    // We write enhanced codes into our own replies (smtp-error.ts); smtp-server's mapping would mislabel them.
    hideENHANCEDSTATUSCODES: true,
    hideDSN: true,
    authMethods: ['PLAIN', 'LOGIN'],
    authRequiredMessage: '5.7.0 Authentication required',
  };
  switch (kind) {
    case 'submission':
      // RFC 6409 + RFC 3207: smtp-server refuses AUTH with 538 until STARTTLS has run (allowInsecureAuth is off).
      return { ...common, secure: false, authOptional: false };
    case 'smtps':
      return { ...common, secure: true, authOptional: false };
    case 'relay':
      // Trusted networks need no login; everybody else is refused at connect (handlers.ts).
      return { ...common, secure: false, authOptional: true, disabledCommands: ['AUTH'] };
    default: {
      const never: never = kind;
      throw new Error(`unknown listener ${String(never)}`);
    }
  }
}

function listen(server: SMTPServer, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => {
      server.server.off('error', reject);
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export async function startListeners(opts: StartListenersOptions): Promise<ListenerHandle> {
  const { config, logger } = opts;
  const ctx: AcceptContext = {
    config,
    store: opts.store,
    accounts: opts.accounts,
    policy: opts.policy,
    logger: logger.child({ stage: 'accept' }),
    clock: opts.clock ?? Date.now,
    traceSecret: loadTraceSecret(config),
    sources: compileHeaderSources(config.identity),
    trusted: trustedNetworkMatcher(config.trustedNetworks),
    authThrottle: authThrottle(config.limits.authFailures),
    authExempt: trustedNetworkMatcher({ exempt: config.limits.authFailures.exemptNetworks }),
    passwords: createPasswordPool(config.limits.passwordChecks),
    dataBudget: opts.dataBudget ?? byteBudget(config.limits.maxBytesInFlight),
    ...(opts.feedback ? { feedback: opts.feedback } : {}),
  };
  const admission = createAdmission(config.limits, ctx.logger);
  const tls = await loadTlsMaterial(config, ctx.logger);
  const servers: SMTPServer[] = [];
  const ports: ListenerHandle['ports'] = {};
  const kinds: ListenerKind[] = ['submission', 'smtps', 'relay'];
  try {
    for (const kind of kinds) {
      const settings = config.listeners[kind];
      if (!settings.enabled) continue;
      const server = new SMTPServer({ ...serverOptions(kind, config, tls), ...createHandlers(ctx, kind) });
      server.on('error', (err) => ctx.logger.warn({ event: 'smtp-error', listener: kind, err: err.message }, 'SMTP connection error'));
      tuneConnections(server, { maxUnknownCommands: config.limits.maxUnknownCommands });
      gateConnections(server, admission, { implicitTls: kind === 'smtps' });
      ports[kind] = await listen(server, settings.host, settings.port);
      servers.push(server);
      ctx.logger.info({ event: 'listening', listener: kind, host: settings.host, port: ports[kind] }, 'listening');
    }
  } catch (err) {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    await ctx.passwords.close();
    throw err;
  }
  return {
    ports,
    dataBudget: ctx.dataBudget,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
      await ctx.passwords.close();
    },
  };
}
