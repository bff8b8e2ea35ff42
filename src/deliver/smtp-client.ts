// One outbound SMTP session over Nodemailer's client (nodemailer/lib/smtp-connection), turned into per-recipient
// replies. Nodemailer pipelines the envelope (RFC 2920), adds SIZE and BODY=8BITMIME when the peer offers them, and
// SMTPUTF8 when an address needs it (RFC 6531); we add the choice of next hop and the reading of its replies.
import { rootCertificates, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { checkChain } from '../dane/tlsa.js';
import type { Phase } from '../classify/types.js';
import type { NextHop } from './routes.js';

export type TlsMode = 'opportunistic' | 'required' | 'off';

export interface SessionOptions {
  ehloName: string;
  tls: TlsMode;
  connectTimeoutMs: number;
  /** Longest silence of the peer once connected; a whole transaction may take at most twice this. */
  replyTimeoutMs: number;
  /** Local address to send from (an IP of a pool); absent lets the system choose. */
  localAddress?: string;
  /** CA certificates (PEM) trusted besides the public ones when a hop requires valid TLS. */
  trustedCa?: string;
}

/** The reply that decided one recipient; code null when no reply came (connection lost, timeout). */
export interface RcptReply {
  rcpt: string;
  code: number | null;
  reply: string;
  /**
   * The SMTP phase the reply answered: a refusal at MAIL or at connect is not about the recipient. Absent when no
   * remote server answered at all (the domain has no usable mail host): that finding is about the recipient's domain.
   */
  phase?: Phase;
}

export interface Envelope {
  from: string;
  to: string[];
  size: number;
  eightBit: boolean;
}

export interface OutboundSession {
  readonly hop: NextHop;
  readonly remoteIp: string;
  /** Send one message; never throws: every recipient gets a reply, real or describing the failure. */
  send(env: Envelope, raw: Buffer): Promise<RcptReply[]>;
  /** Whether the session can carry another message. */
  usable(): boolean;
  /** QUIT and close. */
  close(): void;
}

/** A connection that could not be set up, with the reply (greeting, EHLO, STARTTLS) or the network error. */
export interface ConnectFailure {
  hop: NextHop | null;
  code: number | null;
  reply: string;
  phase: Phase;
}

interface SmtpError extends Error {
  code?: string;
  /** Nodemailer's name of the command that failed: 'CONN', 'EHLO', 'MAIL FROM', 'RCPT TO', 'DATA' ... */
  command?: string;
  response?: string;
  responseCode?: number;
  rejectedErrors?: SmtpError[];
  recipient?: string;
}

function connectOne(hop: NextHop, opts: SessionOptions): Promise<SMTPConnection> {
  // MTA-STS enforce: TLS is required and the certificate must be valid for the MX name (RFC 8461 §4.2).
  const verify = hop.requireValidTls === true;
  // DANE: TLS is required; the certificate is checked against the TLSA records, not against public CAs.
  const mustEncrypt = verify || hop.dane !== undefined;
  const conn = new SMTPConnection({
    host: hop.host,
    port: hop.port,
    name: opts.ehloName,
    ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
    connectionTimeout: opts.connectTimeoutMs,
    greetingTimeout: opts.connectTimeoutMs,
    socketTimeout: opts.replyTimeoutMs,
    ignoreTLS: opts.tls === 'off' && !mustEncrypt,
    requireTLS: opts.tls === 'required' || mustEncrypt,
    opportunisticTLS: opts.tls === 'opportunistic' && !mustEncrypt,
    // Opportunistic TLS protects against passive reading only; a self-signed peer still beats plain text (RFC 7435).
    tls: verify
      ? { rejectUnauthorized: true, servername: hop.name, ...(opts.trustedCa ? { ca: [...rootCertificates, opts.trustedCa] } : {}) }
      : { rejectUnauthorized: false, ...(hop.name ? { servername: hop.name } : {}) },
  });
  return new Promise((resolve, reject) => {
    conn.once('error', reject);
    conn.connect((err) => {
      if (err) return reject(err);
      // The 'connect' callback comes after STARTTLS and the second EHLO, before any envelope is sent.
      const refusal = hop.dane ? daneRefusal(conn, hop) : null;
      if (!refusal) return resolve(conn);
      conn.close();
      reject(Object.assign(new Error(refusal), { code: 'EDANE' }));
    });
  });
}

/** Why the TLS session to `hop` does not satisfy its TLSA records (RFC 7672 §3), or null. */
function daneRefusal(conn: SMTPConnection, hop: NextHop): string | null {
  const socket = conn._socket as TLSSocket | undefined;
  if (!socket || typeof socket.getPeerCertificate !== 'function') return 'the session is not encrypted';
  // The chain as the server sent it, leaf first; Node links each certificate to its issuer, the last to itself.
  const chain: Buffer[] = [];
  let cert: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (cert?.raw && !chain.some((c) => c.equals(cert!.raw))) {
    chain.push(cert.raw);
    cert = cert.issuerCertificate;
  }
  return checkChain(chain, hop.dane!, new Date());
}

function phaseOf(e: SmtpError): Phase {
  switch (e.command) {
    case 'MAIL FROM': return 'mail';
    case 'RCPT TO': return 'rcpt';
    case 'DATA': return e.code === 'EMESSAGE' ? 'eod' : 'data';
    case 'EHLO': case 'HELO': case 'LHLO': case 'STARTTLS': return 'helo';
    default: return 'connect';
  }
}

function failureOf(err: unknown, hop: NextHop): ConnectFailure {
  const e = err as SmtpError;
  const reply = e.response ?? `${e.code ?? 'error'}: ${e.message}`;
  // A peer that cannot give the TLS a policy demands is deferred, never bounced, whatever it replied to STARTTLS: the
  // policy may change, or the peer be mended (RFC 8461 §5, RFC 7672 §2.2).
  // A refused connection or a 421 greeting is no TLS failure: it keeps its own reply. Nodemailer reports a certificate
  // that fails verification as a plain socket error (ESOCKET), so that one is known by Node's wording only.
  const policyFailure = e.code === 'ETLS' || e.code === 'EDANE'
    || (e.responseCode === undefined && /certificate|altnames|self[- ]signed|unable to verify/i.test(e.message));
  if (hop.dane && policyFailure) return { hop, code: null, reply: `451 4.7.5 DANE: TLS to ${hop.name} could not be authenticated by its TLSA records: ${reply}`, phase: phaseOf(e) };
  if (hop.requireValidTls && policyFailure) return { hop, code: null, reply: `MTA-STS policy (enforce) requires valid TLS to ${hop.name}: ${reply}`, phase: phaseOf(e) };
  return { hop, code: e.responseCode ?? null, reply, phase: phaseOf(e) };
}

/** Replies for every recipient from a send error: per-recipient RCPT refusals where known, else the one reply. */
function repliesFromError(err: SmtpError, to: string[]): RcptReply[] {
  const byRcpt = new Map((err.rejectedErrors ?? []).map((r) => [r.recipient ?? '', r]));
  return to.map((rcpt) => {
    const e = byRcpt.get(rcpt) ?? err;
    const phase = phaseOf(e);
    if (e.responseCode) return { rcpt, code: e.responseCode, reply: e.response ?? '', phase };
    // Nodemailer refuses locally before sending when the peer's SIZE is too small: that will not change on retry.
    if (e.code === 'EMESSAGE' && /size/i.test(e.message)) return { rcpt, code: 552, reply: `552 5.3.4 ${e.message}`, phase: 'mail' };
    return { rcpt, code: null, reply: `${e.code ?? 'error'}: ${e.message}`, phase };
  });
}

function wrap(conn: SMTPConnection, hop: NextHop, opts: SessionOptions): OutboundSession {
  let closed = false;
  conn.on('error', () => {}); // errors are reported through the send callback; this keeps an emit from throwing
  conn.on('end', () => { closed = true; });
  const remoteIp = (conn._socket && conn._socket.remoteAddress) || hop.host;

  const reset = () =>
    new Promise<void>((resolve) => conn.reset((err) => {
      if (err) conn.close();
      resolve();
    }));

  return {
    hop,
    remoteIp,
    usable: () => !closed,
    close() {
      if (!closed) conn.quit();
      closed = true;
    },
    async send(env, raw) {
      let deadline: NodeJS.Timeout | undefined;
      const result = await new Promise<RcptReply[]>((resolve) => {
        // The socket timeout is reset by every byte, so a peer that sends a continuation line now and then would hold
        // the connection for ever: the transaction as a whole has a deadline too. Past it the connection is closed
        // and the recipients have no reply, like a dropped connection (they are deferred).
        deadline = setTimeout(() => {
          closed = true;
          conn.close();
          const ms = 2 * opts.replyTimeoutMs;
          resolve(env.to.map((rcpt) => ({ rcpt, code: null, reply: `ETIMEDOUT: no complete reply within the transaction deadline (${ms} ms)` })));
        }, 2 * opts.replyTimeoutMs);
        conn.send({ from: env.from, to: env.to, size: env.size, use8BitMime: env.eightBit }, raw, (err, info) => {
          if (err || !info) return resolve(repliesFromError(err as SmtpError, env.to));
          const code = Number(/^\d{3}/.exec(info.response)?.[0] ?? 250);
          const refused = new Map((info.rejectedErrors ?? []).map((r) => [(r as SmtpError).recipient ?? '', r as SmtpError]));
          resolve(env.to.map((rcpt) => {
            const r = refused.get(rcpt);
            return r ? { rcpt, code: r.responseCode ?? null, reply: r.response ?? r.message, phase: 'rcpt' } : { rcpt, code, reply: info.response, phase: 'eod' };
          }));
        });
      });
      clearTimeout(deadline);
      // After a refused transaction the peer still holds its state: RSET before the next message (RFC 5321 §4.1.1.5).
      if (!closed && !result.some((r) => r.code !== null && r.code < 400)) await reset();
      return result;
    },
  };
}

/** Connect to the first next hop that answers (RFC 5321 §5.1: try the MX hosts in order). */
export async function openSession(hops: readonly NextHop[], opts: SessionOptions): Promise<OutboundSession | ConnectFailure> {
  let failure: ConnectFailure = { hop: null, code: null, reply: 'no next hop', phase: 'connect' };
  for (const hop of hops) {
    try {
      return wrap(await connectOne(hop, opts), hop, opts);
    } catch (err) {
      failure = failureOf(err, hop);
    }
  }
  return failure;
}

export function isSession(x: OutboundSession | ConnectFailure): x is OutboundSession {
  return 'send' in x;
}
