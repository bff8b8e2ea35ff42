// A simulated big mailbox provider on loopback, for `mailwarden demo`, scenario tests and `sim:` scripts: every source
// IP starts with a good reputation that drops with each spam message it delivers and climbs back slowly while it sends
// none; below a threshold the provider refuses that IP with its real block text (at connect, and at MAIL FROM on a
// connection opened before). It can also rate-limit (every Nth message from an IP gets the provider's real deferral)
// and greylist (the first attempt of each sender/recipient/IP triple is deferred). Spam is recognised by the
// X-Mailwarden-Spam tag or a few obvious words: the point is the provider's reaction, not its filter.
// With `feedback` it also answers later, as providers do: a share of the spam it took is reported by its users (an ARF
// complaint each), and a share of the mail to mailboxes it does not have is accepted and bounced afterwards (a DSN);
// both go to the envelope sender, which for the relay is its VERP return path, i.e. its feedback listener.
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { arfReport, asDelivered, dsnReport } from './provider-reports.js';

export type SimulatedProvider = 'aol' | 'microsoft' | 'gmail';

interface Reply {
  code: number;
  text: string;
}

/** Reply texts as the providers send them (`{ip}` is the client's address). */
const TEXTS: Record<SimulatedProvider, { block: Reply; rate: Reply }> = {
  aol: {
    block: { code: 521, text: '5.2.1 :  (CON:B1) https://postmaster.yahooinc.com/error-codes' },
    rate: { code: 421, text: '4.7.0 [TSS04] Messages from {ip} temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes' },
  },
  microsoft: {
    block: { code: 550, text: "5.7.1 Unfortunately, messages from [{ip}] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors." },
    rate: { code: 451, text: '4.7.500 Server busy. Please try again later from [{ip}]. (S77719) [Name=Protocol Filter Agent][AGT=PFA][MxId=11BAA7D0D7A3F5E2]' },
  },
  gmail: {
    block: { code: 421, text: '4.7.28 [{ip}] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited. Please visit https://support.google.com/mail/?p=UnsolicitedRateLimitError to review our Bulk Email Senders Guidelines.' },
    rate: { code: 421, text: '4.7.0 [{ip}] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited.' },
  },
};

const GREYLIST: Reply = { code: 450, text: '4.7.1 Greylisted, please try again in 300 seconds' };
const NO_MAILBOX: Reply = { code: 550, text: '5.1.1 <{rcpt}>: Recipient address rejected: User unknown in local recipient table' };
const SPAM = /^X-Mailwarden-Spam:|\b(viagra|lottery winner|crypto giveaway|verify your account)\b/im;

export interface ProviderSimOptions {
  provider: SimulatedProvider;
  /** Reputation each new source IP starts with. */
  startReputation?: number;
  /** Reputation lost per spam message delivered. */
  spamPenalty?: number;
  /** Below this the IP is refused. */
  blockBelow?: number;
  /** Reputation regained per second without spam, up to the start value (0 = a block lasts for good). */
  recoverPerSecond?: number;
  /** Every Nth message from one IP gets the rate-limit reply (0 = never). */
  rateLimitEvery?: number;
  greylist?: boolean;
  /** Recipients (local part and domain) the provider has no mailbox for; none by default. */
  unknownRecipients?: RegExp;
  /** Reports sent back later; none by default. */
  feedback?: SimFeedback;
}

export interface SimFeedback {
  /**
   * Where mail to an envelope sender goes (in the world: the MX of its domain; for the relay, the feedback listener,
   * which takes mail to its bounce domain). Read at each send, so it may be set once that listener is up.
   */
  host?: string;
  port: number;
  /** Share (0..1) of spam recipients that report it: an ARF complaint each, to the envelope sender. */
  complaintShare?: number;
  /** Share (0..1) of unknown recipients accepted and bounced later (a DSN to the envelope sender); the rest are refused at RCPT. */
  lateBounceShare?: number;
}

export interface SentReport {
  kind: 'complaint' | 'late-bounce';
  /** The envelope sender of the message reported on, and the recipient it is about. */
  to: string;
  rcpt: string;
  /** The receiver's reply, or the error. */
  answer: string;
}

export interface Delivered {
  from: string;
  to: string[];
  sourceIp: string;
  spam: boolean;
}

export interface ProviderSim {
  port: number;
  delivered: Delivered[];
  reputation(ip: string): number;
  /** Whether the provider refuses this source IP now. */
  blocks(ip: string): boolean;
  /** Connections and transactions refused for reputation, per source IP. */
  refused: Map<string, number>;
  /** Complaints and late bounces sent back, once answered. */
  reports: SentReport[];
  close(): Promise<void>;
}

/**
 * Whether the nth event (from 1) of a share is picked: spread evenly and the same in every run (a share of 1/3 picks
 * the 3rd, 6th, ...), so a test knows which message is reported.
 */
const pickedByShare = (n: number, share: number) => Math.floor(n * share) > Math.floor((n - 1) * share);

const ipv4 = (a: string) => a.replace(/^::ffff:/, '');

export async function startProviderSim(opts: ProviderSimOptions, clock: () => number = Date.now): Promise<ProviderSim> {
  const texts = TEXTS[opts.provider];
  const start = opts.startReputation ?? 100;
  const blockBelow = opts.blockBelow ?? 50;
  /** Per source IP: its reputation and when it was last set (recovery counts from then). */
  const reputation = new Map<string, { value: number; at: number }>();
  const counts = new Map<string, number>();
  const seenTriples = new Set<string>();
  const fb = opts.feedback;
  let spamRecipients = 0;
  let unknownSeen = 0;
  /** Unknown recipients accepted to be bounced later, per session. */
  const lateBounces = new Map<string, Set<string>>();
  const reports: SentReport[] = [];
  const sending = new Set<Promise<void>>();
  let reportId = 0;
  const domain = `${opts.provider}.sim.test`;
  const refused = new Map<string, number>();
  const delivered: Delivered[] = [];
  const fill = (r: Reply, ip: string) => Object.assign(new Error(r.text.replaceAll('{ip}', ip)), { responseCode: r.code });
  const repOf = (ip: string) => {
    const r = reputation.get(ip);
    if (!r) return start;
    return Math.min(start, r.value + ((clock() - r.at) / 1000) * (opts.recoverPerSecond ?? 0));
  };
  const blocks = (ip: string) => repOf(ip) < blockBelow;
  const refuse = (ip: string, cb: (err?: Error) => void) => {
    refused.set(ip, (refused.get(ip) ?? 0) + 1);
    cb(fill(texts.block, ip));
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideENHANCEDSTATUSCODES: true,
    logger: false,
    onConnect(session, cb) {
      const ip = ipv4(session.remoteAddress);
      if (blocks(ip)) return refuse(ip, cb);
      cb();
    },
    onMailFrom(_address, session, cb) {
      const ip = ipv4(session.remoteAddress);
      if (blocks(ip)) return refuse(ip, cb);
      cb();
    },
    onRcptTo(address, session, cb) {
      const ip = ipv4(session.remoteAddress);
      const triple = `${ip}|${session.envelope.mailFrom ? session.envelope.mailFrom.address : ''}|${address.address}`;
      if (opts.greylist && !seenTriples.has(triple)) {
        seenTriples.add(triple);
        return cb(fill(GREYLIST, ip));
      }
      if (opts.unknownRecipients?.test(address.address)) {
        if (!fb?.lateBounceShare || !pickedByShare(++unknownSeen, fb.lateBounceShare)) return cb(fill({ ...NO_MAILBOX, text: NO_MAILBOX.text.replace('{rcpt}', address.address) }, ip));
        lateBounces.set(session.id, (lateBounces.get(session.id) ?? new Set()).add(address.address.toLowerCase()));
      }
      cb();
    },
    onClose(session) {
      lateBounces.delete(session.id);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const ip = ipv4(session.remoteAddress);
        const n = (counts.get(ip) ?? 0) + 1;
        counts.set(ip, n);
        if (opts.rateLimitEvery && n % opts.rateLimitEvery === 0) return cb(fill(texts.rate, ip));
        const raw = Buffer.concat(chunks);
        const spam = SPAM.test(raw.toString('latin1'));
        if (spam) reputation.set(ip, { value: repOf(ip) - (opts.spamPenalty ?? 25), at: clock() });
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const to = session.envelope.rcptTo.map((r) => r.address);
        delivered.push({ from, to, sourceIp: ip, spam });
        cb(null);
        const unknown = lateBounces.get(session.id) ?? new Set<string>();
        lateBounces.delete(session.id);
        if (fb && from) answerLater(fb, { from, to, ip, raw, spam, unknown });
      });
    },
  });
  /** The complaints and late bounces one accepted message earns, each sent on its own. */
  function answerLater(f: SimFeedback, m: { from: string; to: string[]; ip: string; raw: Buffer; spam: boolean; unknown: ReadonlySet<string> }): void {
    const at = clock();
    for (const rcpt of m.to) {
      if (m.unknown.has(rcpt.toLowerCase())) {
        const id = `sim-${opts.provider}-${++reportId}`;
        send(f, { kind: 'late-bounce', to: m.from, rcpt }, '', dsnReport({ reporter: domain, reportingMta: `mx.${domain}`, to: m.from, at, id, rcpt, original: m.raw.toString() }));
      } else if (m.spam && f.complaintShare && pickedByShare(++spamRecipients, f.complaintShare)) {
        const id = `sim-${opts.provider}-${++reportId}`;
        send(f, { kind: 'complaint', to: m.from, rcpt }, `fbl@${domain}`, arfReport({ reporter: domain, to: m.from, at, id, rcpt, mailFrom: m.from, sourceIp: m.ip, delivered: asDelivered(m.from, m.raw) }));
      }
    }
  }

  function send(f: SimFeedback, about: Omit<SentReport, 'answer'>, envelopeFrom: string, raw: string): void {
    const t = nodemailer.createTransport({ host: f.host ?? '127.0.0.1', port: f.port, secure: false, ignoreTLS: true });
    const p = t.sendMail({ envelope: { from: envelopeFrom, to: [about.to] }, raw })
      .then((info) => reports.push({ ...about, answer: info.response }), (err: Error & { response?: string }) => reports.push({ ...about, answer: err.response ?? err.message }))
      .then(() => t.close())
      .finally(() => sending.delete(p));
    sending.add(p);
  }

  server.on('error', () => {}); // resets from a client that gave up are no test failure
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    delivered,
    reputation: repOf,
    blocks,
    refused,
    reports,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...sending]);
    },
  };
}
