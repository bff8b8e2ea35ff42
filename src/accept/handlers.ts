// smtp-server callbacks for one listener: connection limits, AUTH, MAIL FROM and RCPT TO checks. The DATA phase is in
// message.ts. Protocol and policy apart: these functions ask the policy and map its answer, they know no rule.
import type { SMTPServerAddress, SMTPServerAuthentication, SMTPServerAuthenticationResponse, SMTPServerDataStream, SMTPServerOptions, SMTPServerSession } from 'smtp-server';
import { forbiddenSender } from '../accounts/sender-domains.js';
import { PasswordPoolBusy, type PasswordCheck } from '../accounts/password-pool.js';
import { decisionReply } from '../decide/reply.js';
import { baseIdentity } from '../identify/identify.js';
import type { AcceptContext, ListenerKind, SessionState } from './context.js';
import { acceptMessage, NO_ROOM } from './message.js';
import { smtpError, TEMPORARY_FAILURE } from './smtp-error.js';

type Callback = (err?: Error | null) => void;
type Handlers = Required<Pick<SMTPServerOptions, 'onConnect' | 'onSecure' | 'onAuth' | 'onMailFrom' | 'onRcptTo' | 'onData' | 'onClose'>>;

/** Run an async handler; an unexpected error is logged and the client gets a generic temporary failure. */
function guarded(ctx: AcceptContext, what: string, callback: Callback, work: () => Promise<Error | null>): void {
  work().then(
    (err) => callback(err),
    (err: unknown) => {
      ctx.logger.error({ event: 'internal-error', what, err }, 'internal error while handling a session');
      callback(smtpError(451, TEMPORARY_FAILURE));
    },
  );
}

export function createHandlers(ctx: AcceptContext, listener: ListenerKind): Handlers {
  const sessions = new Map<string, SessionState>();
  const log = ctx.logger.child({ listener });

  const state = (session: SMTPServerSession): SessionState => {
    let s = sessions.get(session.id);
    if (!s) {
      s = { listener, origin: null, senderDecision: null };
      sessions.set(session.id, s);
    }
    return s;
  };

  const refuse = (session: SMTPServerSession, stage: string, code: number, text: string): Error => {
    log.info({ event: 'rejected', sid: session.id, ip: session.remoteAddress, stage, code, reply: text }, 'refused');
    return smtpError(code, text);
  };

  return {
    onConnect(session, callback) {
      const s = state(session);
      // RFC 4954 §4: no plaintext password mechanism without TLS. smtp-server refuses AUTH before STARTTLS but still
      // advertises it, which invites clients to send the password in clear; like Postfix's smtpd_tls_auth_only we
      // neither offer nor accept AUTH until the session is encrypted (onSecure lifts this).
      if (listener === 'submission' && !session.secure) session.disabledCommands = ['AUTH'];
      if (listener === 'relay') {
        const network = ctx.trusted(session.remoteAddress);
        // RFC 5321 §3.1: a server that will not serve the client says so with 554 instead of a greeting.
        if (!network) return callback(refuse(session, 'connect', 554, '5.7.1 Relay access denied: your address is not in a trusted network'));
        s.origin = { account: network, via: 'client-ip', clientIp: session.remoteAddress };
      }
      log.info({ event: 'connect', sid: session.id, ip: session.remoteAddress, trusted: s.origin?.account ?? null }, 'connect');
      callback();
    },

    onSecure(_socket, session, callback) {
      session.disabledCommands = undefined; // back to the listener's own setting
      callback();
    },

    onClose(session) {
      sessions.delete(session.id);
    },

    onAuth(auth: SMTPServerAuthentication, session, callback: (err: Error | null | undefined, response?: SMTPServerAuthenticationResponse) => void) {
      const ip = session.remoteAddress;
      const username = auth.username ?? '';
      const now = ctx.clock();
      // Counted before the (slow, asynchronous) password check: parallel guesses see each other's attempts. Not for the
      // operator's own servers that log many users in from one address (webmail): one user's typos would block all.
      const counted = !ctx.authExempt(ip);
      const { refusedUntil, blockStarted } = counted ? ctx.authThrottle.attempt(ip, now) : { refusedUntil: 0, blockStarted: false };
      if (refusedUntil) {
        log.warn({ event: 'auth-throttled', sid: session.id, ip, user: username, until: new Date(refusedUntil).toISOString() }, 'AUTH refused: too many failures');
        ctx.policy.authAttempt({ username, clientIp: ip, success: false, now });
        return callback(smtpError(454, '4.7.0 Too many failed logins from your address, try again later'));
      }
      const fail = (text: string, why: string) => {
        ctx.policy.authAttempt({ username, clientIp: ip, success: false, now });
        log.warn({ event: 'auth-failed', sid: session.id, ip, user: username, why, blocked: blockStarted }, 'AUTH failed');
        callback(null, { message: text, responseCode: 535 });
      };
      (async () => {
        const account = await ctx.accounts.get(username);
        let check: PasswordCheck;
        try {
          check = await ctx.passwords.verify(auth.password ?? '', account?.passwordHash || null);
        } catch (err) {
          if (!(err instanceof PasswordPoolBusy)) throw err;
          // The attempt stays counted against the throttle: a flood that fills the pool spends its own allowance.
          ctx.policy.authAttempt({ username, clientIp: ip, success: false, now });
          log.warn({ event: 'auth-busy', sid: session.id, ip, user: username }, 'AUTH refused: too many password checks waiting');
          return callback(smtpError(454, '4.7.0 Too many logins in progress, try again later'));
        }
        if (!account || !check.ok) return fail('5.7.8 Authentication credentials invalid', account ? 'bad-password' : 'unknown-user');
        // Fail closed, but only tell the reason to whoever proved they own the account.
        if (account.suspended) return fail(`5.7.8 [MW-SUSPENDED] Account suspended: ${account.suspendReason || 'contact your provider'}`, 'suspended');
        if (check.rehash) {
          // The hash was made at a lower cost than today's; a failed update only leaves the old one in place.
          await ctx.accounts.setPassword(account.name, check.rehash).then(
            () => log.info({ event: 'password-rehashed', user: account.name }, 'password hash moved to the current cost'),
            (err: unknown) => log.warn({ event: 'password-rehash-failed', user: account.name, err }, 'could not store the rehashed password'),
          );
        }
        if (counted) ctx.authThrottle.succeeded(ip, now);
        ctx.policy.authAttempt({ username, clientIp: ip, success: true, now });
        state(session).origin = { account: account.name, via: 'auth', clientIp: ip };
        log.info({ event: 'auth-ok', sid: session.id, ip, user: account.name }, 'AUTH ok');
        callback(null, { user: account.name });
      })().catch((err: unknown) => {
        log.error({ event: 'internal-error', what: 'auth', err }, 'internal error during AUTH');
        callback(smtpError(454, '4.7.0 Temporary authentication failure'));
      });
    },

    onMailFrom(address: SMTPServerAddress, session, callback) {
      guarded(ctx, 'mail', callback, async () => {
        const s = state(session);
        s.senderDecision = null;
        // Never an open relay: no login and no trusted network means nobody answers for this mail.
        if (!s.origin) return refuse(session, 'mail', 530, '5.7.0 Authentication required');
        // RFC 1870 §6.1: a declared SIZE the relay has no room for right now is a temporary refusal at MAIL, before
        // the client sends a byte of it (a message without SIZE is measured as it streams, message.ts).
        const declared = Number(address.args ? address.args.SIZE ?? 0 : 0);
        if (declared > ctx.dataBudget.limit - ctx.dataBudget.used()) return refuse(session, 'mail', 452, NO_ROOM);
        const account = await ctx.accounts.get(s.origin.account);
        if (account?.suspended) return refuse(session, 'mail', 550, `5.7.1 [MW-SUSPENDED] Account suspended: ${account.suspendReason || 'contact your provider'}`);
        if (account && forbiddenSender(account, [address.address])) {
          return refuse(session, 'mail', 550, `5.7.1 [MW-SENDER-DOMAIN] Sender <${address.address}> is not in the domains allowed for account ${account.name}`);
        }
        const decision = await ctx.policy.checkSender({
          identity: baseIdentity(s.origin),
          clientIp: session.remoteAddress,
          authenticated: s.origin.via === 'auth',
          mailFrom: address.address,
          now: ctx.clock(),
        });
        if (!decision) return null;
        const reply = decisionReply(decision, '');
        if (reply.kind === 'refuse') return refuse(session, 'mail', reply.code, reply.text);
        s.senderDecision = decision;
        return null;
      });
    },

    onRcptTo(address: SMTPServerAddress, session, callback) {
      const s = state(session);
      if (!s.origin) return callback(refuse(session, 'rcpt', 550, '5.7.1 Relaying denied'));
      const suppressed = ctx.feedback?.suppressedReply(s.origin.account, address.address);
      if (suppressed) return callback(refuse(session, 'rcpt', suppressed.code, suppressed.text));
      if (session.envelope.rcptTo.length >= ctx.config.limits.maxRecipients) {
        // RFC 5321 §4.5.3.1.10: a client must handle 452 by sending the remaining recipients in another transaction.
        return callback(refuse(session, 'rcpt', 452, '4.5.3 Too many recipients for one message'));
      }
      callback();
    },

    onData(stream: SMTPServerDataStream, session, callback: (err?: Error | null, message?: string) => void) {
      acceptMessage(ctx, state(session), session, stream).then(
        (reply) => {
          if (reply.code === 250) callback(null, reply.text);
          else callback(smtpError(reply.code, reply.text));
        },
        (err: unknown) => {
          log.error({ event: 'internal-error', what: 'data', err }, 'internal error while accepting a message');
          callback(smtpError(451, TEMPORARY_FAILURE));
        },
      );
    },
  };
}
