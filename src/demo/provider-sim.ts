// A simulated big mailbox provider on loopback, for `mailwarden demo`, scenario tests and `sim:` scripts: every source
// IP starts with a good reputation that drops with each spam message it delivers and climbs back slowly while it sends
// none; below a threshold the provider refuses that IP with its real block text (at connect, and at MAIL FROM on a
// connection opened before). It can also rate-limit (every Nth message from an IP gets the provider's real deferral)
// and greylist (the first attempt of each sender/recipient/IP triple is deferred). Spam is recognised by the
// X-Mailwarden-Spam tag or a few obvious words: the point is the provider's reaction, not its filter.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

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
  close(): Promise<void>;
}

const ipv4 = (a: string) => a.replace(/^::ffff:/, '');

export async function startProviderSim(opts: ProviderSimOptions, clock: () => number = Date.now): Promise<ProviderSim> {
  const texts = TEXTS[opts.provider];
  const start = opts.startReputation ?? 100;
  const blockBelow = opts.blockBelow ?? 50;
  /** Per source IP: its reputation and when it was last set (recovery counts from then). */
  const reputation = new Map<string, { value: number; at: number }>();
  const counts = new Map<string, number>();
  const seenTriples = new Set<string>();
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
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const ip = ipv4(session.remoteAddress);
        const n = (counts.get(ip) ?? 0) + 1;
        counts.set(ip, n);
        if (opts.rateLimitEvery && n % opts.rateLimitEvery === 0) return cb(fill(texts.rate, ip));
        const spam = SPAM.test(Buffer.concat(chunks).toString('latin1'));
        if (spam) reputation.set(ip, { value: repOf(ip) - (opts.spamPenalty ?? 25), at: clock() });
        delivered.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), sourceIp: ip, spam });
        cb(null);
      });
    },
  });
  server.on('error', () => {}); // resets from a client that gave up are no test failure
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    delivered,
    reputation: repOf,
    blocks,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
