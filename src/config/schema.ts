// The one typed configuration schema (DESIGN.md §3.9). Every setting has its default here and nowhere else.
// Objects are strict: an unknown key stops start-up with its path, so a typo never silently does nothing.
import { z } from 'zod';

const port = z.number().int().min(0).max(65535);
const duration = z.number().int().nonnegative();

const listener = (defaultPort: number, enabled = true) =>
  z
    .object({
      enabled: z.boolean().default(enabled),
      host: z.string().default('127.0.0.1'),
      port: port.default(defaultPort),
    })
    .strict()
    .prefault({});

/** Built-in identity header sources (src/identify/sources.ts); `{ preset, strip: true }` also removes the header. */
const identityPreset = z.enum(['exim-authuser', 'php-script', 'postfix-authenticated']);

const identityHeaderSource = z
  .object({
    /** Header name to read, case-insensitive. */
    header: z.string().min(1),
    /** Regular expression; the first capture group (or the whole match) is the sub-identity. */
    pattern: z.string().default('^\\s*(.+?)\\s*$'),
    /** Remove the header before delivery (it often exposes internal user names). */
    strip: z.boolean().default(false),
  })
  .strict();

/** Content scoring (issue 4): thresholds on the summed score of rules and model; optional peer filters. */
export const contentSchema = z
  .object({
    thresholds: z
      .object({
        /** From this score a message counts as spam and gets an X-Mailwarden-Spam header. */
        tag: z.number().default(5),
        /** From this score it is accepted but held for review. */
        quarantine: z.number().default(8),
        /** From this score it is refused with a 5xx. */
        reject: z.number().default(12),
      })
      .strict()
      .prefault({})
      .refine((t) => t.tag <= t.quarantine && t.quarantine <= t.reject, 'thresholds must satisfy tag <= quarantine <= reject'),
    /** Model file from `mailwarden train`; empty means the default model shipped in models/default.json. */
    model: z.string().default(''),
    /** Score the statistical model adds for a certain spam (and takes away for a certain ham). */
    modelWeight: z.number().nonnegative().default(8),
    /** Bytes of a message read for scoring; the rest (large attachments) is not decoded. */
    maxScanBytes: z.number().int().positive().default(2 * 1024 * 1024),
    /** Rspamd over HTTP (POST /checkv2); its score is added to ours times `weight`. */
    rspamd: z
      .object({
        enabled: z.boolean().default(false),
        url: z.string().default('http://127.0.0.1:11333'),
        timeoutMs: duration.default(5000),
        weight: z.number().default(1),
      })
      .strict()
      .prefault({}),
    /** SpamAssassin's spamd (SPAMC/1.5 SYMBOLS); its score is added to ours times `weight`. */
    spamassassin: z
      .object({
        enabled: z.boolean().default(false),
        host: z.string().default('127.0.0.1'),
        port: port.default(783),
        timeoutMs: duration.default(10_000),
        weight: z.number().default(1),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});

export type ContentSettings = z.infer<typeof contentSchema>;

/**
 * Thresholds and limits of the decide stage that an account may override (see `policy.accounts`). Risk is the sum of
 * the points of the behaviour signals that fired (each signal's `*Points` is its full weight); the `*Score` settings
 * turn that sum into a verdict.
 */
export const policyThresholds = z
  .object({
    /** Risk at which a message is accepted with an `X-Mailwarden-Risk` header. */
    tagScore: z.number().nonnegative().default(3),
    /** Risk at which a message is accepted but held for review. */
    quarantineScore: z.number().nonnegative().default(6),
    /** Risk at which the sender identity is suspended and the message refused. */
    suspendScore: z.number().nonnegative().default(10),
    /** How long a suspension lasts; 0 means until an operator reinstates the identity. */
    suspendMinutes: z.number().int().nonnegative().default(24 * 60),
    /** Messages per hour an identity with no usable history may send before further mail is deferred (4xx). */
    newIdentityPerHour: z.number().int().positive().default(200),
    /** An established identity may send this many times its own busiest hour before further mail is deferred. */
    hourHeadroom: z.number().positive().default(3),
    /** Hard ceiling per identity and hour, whatever its history; 0 disables. */
    maxPerHour: z.number().int().nonnegative().default(20_000),
    /** Clean active days after which an identity's own baseline is fully trusted (strict before that). */
    trustDays: z.number().int().positive().default(3),
    /** Points added to every message of an identity with no trust yet, scaled down as trust is earned. */
    newIdentityPoints: z.number().nonnegative().default(1),
    /** Burst: the last minute (or hour) is at least this many times the identity's usual peak. */
    burstRatio: z.number().positive().default(4),
    /** Burst: fewer messages than this in the last minute never count as a burst. */
    burstMinMessages: z.number().int().positive().default(8),
    burstPoints: z.number().nonnegative().default(5),
    /** Fan-out: recipients at domains this identity never wrote to, within the last hour. */
    newDomainMinRecipients: z.number().int().positive().default(8),
    /** Fan-out: share of the last hour's recipients at new domains. */
    newDomainShare: z.number().min(0).max(1).default(0.5),
    newDomainPoints: z.number().nonnegative().default(3),
    /** Hard bounces over the last day: at least this many, and at least this share of delivered + bounced. */
    bounceMinCount: z.number().int().positive().default(10),
    bounceShare: z.number().min(0).max(1).default(0.1),
    bouncePoints: z.number().nonnegative().default(4),
    /** Feedback-loop complaints over the last day at or above which the identity is at risk. */
    complaintMinCount: z.number().int().positive().default(3),
    complaintPoints: z.number().nonnegative().default(4),
    /** AUTH for a login from a /24 (IPv4) or /64 (IPv6) never seen for it. */
    newNetworkPoints: z.number().nonnegative().default(2),
    /** AUTH failures for a login within the window before a success that count as a guessing burst. */
    authFailureBurst: z.number().int().positive().default(5),
    authFailurePoints: z.number().nonnegative().default(3),
    /** Different From addresses never used before by the identity within the last hour. */
    newFromAddresses: z.number().int().positive().default(5),
    newFromPoints: z.number().nonnegative().default(3),
    /** Same content fingerprint to this many recipients within an hour, and `burstRatio` times the usual. */
    repeatMinRecipients: z.number().int().positive().default(8),
    repeatPoints: z.number().nonnegative().default(3),
    /** Same content fingerprint sent by this many identities within an hour: a campaign across accounts. */
    campaignIdentities: z.number().int().min(2).default(4),
    /** ... and to at least this many recipients in all. */
    campaignMinRecipients: z.number().int().positive().default(30),
    campaignPoints: z.number().nonnegative().default(4),
    /**
     * Points the content verdict adds to the sender's risk: spam from an identity that also behaves unusually is what
     * a hijacked account looks like, and that combination (not spam alone) suspends it.
     */
    contentTagPoints: z.number().nonnegative().default(1),
    contentQuarantinePoints: z.number().nonnegative().default(3),
    contentRejectPoints: z.number().nonnegative().default(5),
  })
  .strict();

export const configSchema = z
  .object({
    /** Name used in our EHLO, banners, Received and DSNs. */
    hostname: z.string().min(1).default('mailwarden.localhost'),
    dataDir: z.string().default('./data'),
    log: z
      .object({
        level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
        /** Log file; empty means standard output. */
        file: z.string().default(''),
      })
      .strict()
      .prefault({}),
    tls: z
      .object({
        /** PEM files; when both are empty a self-signed certificate is made in dataDir at first start. */
        cert: z.string().default(''),
        key: z.string().default(''),
      })
      .strict()
      .prefault({}),
    listeners: z
      .object({
        /** Submission: STARTTLS, AUTH required and only after TLS. */
        submission: listener(2587),
        /** Implicit TLS (465-style), AUTH required. */
        smtps: listener(2465),
        /** Relay for trusted networks: no AUTH, client address must be in `trustedNetworks`. */
        relay: listener(2525),
      })
      .strict()
      .prefault({}),
    /** Trusted networks for the relay listener: name -> CIDR list. The name becomes the account of their mail. */
    trustedNetworks: z.record(z.string(), z.array(z.string())).default({ local: ['127.0.0.0/8', '::1/128'] }),
    limits: z
      .object({
        maxMessageBytes: z.number().int().positive().default(25 * 1024 * 1024),
        maxRecipients: z.number().int().positive().default(100),
        maxConnectionsPerIp: z.number().int().positive().default(20),
        maxClients: z.number().int().positive().default(500),
        /** RFC 5321 §4.5.3.1.4 says 512 octets for a command line; a little slack for extensions. */
        maxCommandLineBytes: z.number().int().positive().default(2048),
        maxUnknownCommands: z.number().int().positive().default(5),
        socketTimeoutMs: duration.default(120_000),
        /** On shutdown, how long sessions in flight may take to finish before they are closed with 421. */
        shutdownGraceMs: duration.default(30_000),
        authFailures: z
          .object({
            /** Failures from one client IP within `windowMs` before further AUTH is refused for `blockMs`. */
            max: z.number().int().positive().default(5),
            windowMs: duration.default(10 * 60_000),
            blockMs: duration.default(15 * 60_000),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    identity: z
      .object({
        /** Built-in header presets to read, in order: 'exim-authuser', 'php-script', 'postfix-authenticated'. */
        presets: z
          .array(
            z.union([
              identityPreset,
              z.object({ preset: identityPreset, strip: z.boolean().default(false) }).strict(),
            ]),
          )
          .default([]),
        /** Further header sources, tried after the presets. */
        headers: z.array(identityHeaderSource).default([]),
        /** Name of the trace header stamped on every outgoing message. */
        traceHeader: z.string().default('X-Mailwarden-Trace'),
        /** HMAC secret for the trace header; empty means one is made in dataDir at first start. */
        traceSecret: z.string().default(''),
      })
      .strict()
      .prefault({}),
    storage: z
      .object({
        driver: z.enum(['sqlite']).default('sqlite'),
        /** SQLite file; relative paths are under dataDir. */
        sqlitePath: z.string().default('mailwarden.sqlite'),
        /** Longest time an accepted message waits for its group commit. */
        groupCommitMs: duration.default(2),
        /**
         * Longest time a delivery outcome waits for a commit. Nobody waits on these, so they ride along with the next
         * message's commit instead of paying an fsync of their own; a crash in between only repeats a delivery.
         */
        outcomeCommitMs: duration.default(50),
      })
      .strict()
      .prefault({}),
    delivery: z
      .object({
        /** DNS servers for MX/A lookups ("host" or "host:port"); empty uses the system resolver. */
        dnsServers: z.array(z.string()).default([]),
        /** Static routes: recipient domain (or '*') -> "host:port" list; they replace MX lookup. */
        routes: z.record(z.string(), z.string()).default({}),
        /** Seconds between attempts; the last interval repeats until `maxLifetimeS`. */
        retrySchedule: z.array(z.number().int().positive()).default([60, 300, 900, 1800, 3600, 7200, 14400]),
        maxLifetimeS: z.number().int().positive().default(5 * 24 * 3600),
        /** Hours after which the sender gets one delay warning; 0 disables. */
        delayWarningHours: z.number().nonnegative().default(4),
        maxConnectionsPerDestination: z.number().int().positive().default(5),
        maxMessagesPerConnection: z.number().int().positive().default(100),
        /** Messages in flight across all destinations: the bounded window of work in memory. */
        maxInFlight: z.number().int().positive().default(200),
        connectTimeoutMs: duration.default(30_000),
        /** Offer STARTTLS opportunistically; 'required' fails delivery when the peer has none. */
        tls: z.enum(['opportunistic', 'required', 'off']).default('opportunistic'),
        pollIntervalMs: duration.default(1000),
      })
      .strict()
      .prefault({}),
    content: contentSchema,
    /** Reading bounce and report emails (`mailwarden bounce`, the feedback stage): limits on what a stranger sends. */
    bounce: z
      .object({
        /** Bytes of a bounce read at all; the rest is ignored as if the message were truncated. */
        maxBytes: z.number().int().positive().default(10 * 1024 * 1024),
        /** MIME nesting followed (multiparts inside returned messages inside reports). */
        maxDepth: z.number().int().positive().default(8),
        /** MIME parts visited per message. */
        maxParts: z.number().int().positive().default(64),
        /** Decoded characters kept per text part: what the text rules see is bounded. */
        maxTextChars: z.number().int().positive().default(64 * 1024),
        /** Header block bytes read per MIME part. */
        maxHeaderBytes: z.number().int().positive().default(128 * 1024),
      })
      .strict()
      .prefault({}),
    /** The decide stage: behaviour signals, thresholds and limits (see `policyThresholds`). */
    policy: z
      .object({
        enabled: z.boolean().default(true),
        thresholds: policyThresholds.prefault({}),
        /** Per-account overrides of any threshold, e.g. `{ newsletters: { maxPerHour: 50000 } }`. */
        accounts: z.record(z.string(), policyThresholds.partial()).default({}),
        /** How often in-memory behaviour counters are written to the database (they also are at close). */
        flushMs: duration.default(1000),
        /** Minutes after a suspicious AUTH (new network, failures before success) during which its signal holds. */
        authSignalMinutes: z.number().int().positive().default(60),
        /** Window for counting AUTH failures before a success. */
        authFailureWindowMinutes: z.number().int().positive().default(10),
      })
      .strict()
      .prefault({}),
    admin: z
      .object({
        enabled: z.boolean().default(true),
        host: z.string().default('127.0.0.1'),
        port: port.default(8025),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type PolicyThresholds = z.infer<typeof policyThresholds>;
