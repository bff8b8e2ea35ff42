// The one typed configuration schema (DESIGN.md §3.9). Every setting has its default here and nowhere else.
// Objects are strict: an unknown key stops start-up with its path, so a typo never silently does nothing.
import { z } from 'zod';

const port = z.number().int().min(0).max(65535);
const duration = z.number().int().nonnegative();

const listener = (defaultPort: number, enabled = true) =>
  z
    .object({
      enabled: z.boolean().default(enabled)
        .describe("Whether this listener runs."),
      host: z.string().default('127.0.0.1')
        .describe("Address the listener binds; loopback by default, so nothing is exposed before it is configured."),
      port: port.default(defaultPort)
        .describe("TCP port; 0 picks a free one (tests)."),
    })
    .strict()
    .prefault({});

/** Built-in identity header sources (src/identify/sources.ts); `{ preset, strip: true }` also removes the header. */
const identityPreset = z.enum(['exim-authuser', 'php-script', 'postfix-authenticated']);

const identityHeaderSource = z
  .object({
    header: z.string().min(1)
      .describe("Header name to read, case-insensitive."),
    pattern: z.string().default('^\\s*(.+?)\\s*$')
      .describe("Regular expression; the first capture group (or the whole match) is the sub-identity."),
    strip: z.boolean().default(false)
      .describe("Remove the header before delivery (it often exposes internal user names)."),
  })
  .strict();

const contentMode = z.enum(['enforce', 'monitor']);

/** Content scoring (issue 4): thresholds on the summed score of rules and model; optional peer filters. */
export const contentSchema = z
  .object({
    thresholds: z
      .object({
        tag: z.number().default(5)
          .describe("From this score a message counts as spam and gets an X-Mailwarden-Spam header."),
        quarantine: z.number().default(8)
          .describe("From this score it is accepted but held for review."),
        reject: z.number().default(12)
          .describe("From this score it is refused with a 5xx."),
      })
      .strict()
      .prefault({})
      .refine((t) => t.tag <= t.quarantine && t.quarantine <= t.reject, 'thresholds must satisfy tag <= quarantine <= reject'),
    mode: contentMode.default('enforce')
      .describe("`monitor` for a first deployment: a message the content verdict would hold or refuse is accepted and tagged instead, and the decision it would have taken is written to its timeline and the log (`content-monitor`), while baselines and the local model learn. `enforce` acts on it."),
    accounts: z.record(z.string(), z.object({ mode: contentMode }).strict()).default({})
      .describe("Per-account content settings, e.g. `{ newcustomer: { mode: monitor } }` to watch one new account before enforcing."),
    model: z.string().default('')
      .describe("Model file from `mailwarden train`; empty means the default model shipped in models/default.json."),
    modelWeight: z.number().nonnegative().default(8)
      .describe("Score the statistical model adds for a certain spam (and takes away for a certain ham)."),
    maxScanBytes: z.number().int().positive().default(2 * 1024 * 1024)
      .describe("Bytes of a message read for scoring; the rest (large attachments) is not decoded."),
    rspamd: z
      .object({
        enabled: z.boolean().default(false)
          .describe("Ask Rspamd for every message."),
        url: z.string().default('http://127.0.0.1:11333')
          .describe("Base URL of Rspamd's normal worker."),
        timeoutMs: duration.default(5000)
          .describe("Longest wait for Rspamd; on timeout the message is scored without it."),
        weight: z.number().default(1)
          .describe("Factor applied to Rspamd's score before it joins ours."),
      })
      .strict()
      .prefault({})
      .describe("Rspamd over HTTP (POST /checkv2); its score is added to ours times `weight`."),
    spamassassin: z
      .object({
        enabled: z.boolean().default(false)
          .describe("Ask spamd for every message."),
        host: z.string().default('127.0.0.1')
          .describe("spamd address."),
        port: port.default(783)
          .describe("spamd port."),
        timeoutMs: duration.default(10_000)
          .describe("Longest wait for spamd; on timeout the message is scored without it."),
        weight: z.number().default(1)
          .describe("Factor applied to SpamAssassin's score before it joins ours."),
      })
      .strict()
      .prefault({})
      .describe("SpamAssassin's spamd (SPAMC/1.5 SYMBOLS); its score is added to ours times `weight`."),
    learning: z
      .object({
        sampleRate: z.number().min(0).max(1).default(0.05)
          .describe("Share of delivered messages whose body is kept for the local model (0 keeps none and learns nothing new); chosen by a hash of the queue id."),
        maxSamples: z.number().int().positive().default(5000)
          .describe("Delivered samples kept at most; the oldest go first. Operator-confirmed spam is kept besides."),
        maxSampleBytes: z.number().int().positive().default(64 * 1024 * 1024)
          .describe("Bytes of delivered samples kept at most."),
        retrainHours: z.number().positive().default(24)
          .describe("How often the running relay retrains the local model from its samples (also once at start when the last model is older)."),
        hamAgeDays: z.number().nonnegative().default(7)
          .describe("A delivered sample becomes ham only this many days after delivery, and only without a complaint."),
        perIdentityCap: z.number().int().positive().default(50)
          .describe("Messages one sender identity contributes at most per class, so no single sender (a hijacked one included) outweighs the rest."),
        perAccountCap: z.number().int().positive().default(500)
          .describe("Messages one login contributes at most per class, over all its identities."),
        minIdentities: z.number().int().positive().default(10)
          .describe("Distinct identities the ham must come from before a local model is built."),
        minHam: z.number().int().positive().default(200)
          .describe("Usable ham messages needed before a local model is built."),
        minSpam: z.number().int().positive().default(50)
          .describe("Operator-confirmed spam messages needed before a local model is built."),
      })
      .strict()
      .prefault({})
      .describe("The local model: the relay learns this deployment's own mail (ham: delivered samples old enough without complaint; spam: held messages an operator deleted as spam) and adds it to the shipped model. See docs/content-scoring.md."),
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
    tagScore: z.number().nonnegative().default(3)
      .describe("Risk at which a message is accepted with an `X-Mailwarden-Risk` header."),
    quarantineScore: z.number().nonnegative().default(6)
      .describe("Risk at which a message is accepted but held for review."),
    suspendScore: z.number().nonnegative().default(10)
      .describe("Risk at which the sender identity is suspended and the message refused."),
    suspendMinutes: z.number().int().nonnegative().default(24 * 60)
      .describe("How long a suspension lasts; 0 means until an operator reinstates the identity."),
    newIdentityPerHour: z.number().int().positive().default(200)
      .describe("Messages per hour an identity with no usable history may send before further mail is deferred (4xx)."),
    hourHeadroom: z.number().positive().default(3)
      .describe("An established identity may send this many times its own busiest hour before further mail is deferred."),
    maxPerHour: z.number().int().nonnegative().default(20_000)
      .describe("Hard ceiling per identity and hour, whatever its history; 0 disables."),
    trustDays: z.number().int().positive().default(3)
      .describe("Clean active days after which an identity's own baseline is fully trusted (strict before that)."),
    newIdentityPoints: z.number().nonnegative().default(1)
      .describe("Points added to every message of an identity with no trust yet, scaled down as trust is earned."),
    burstRatio: z.number().positive().default(4)
      .describe("Burst: the last minute (or hour) is at least this many times the identity's usual peak."),
    burstMinMessages: z.number().int().positive().default(8)
      .describe("Burst: fewer messages than this in the last minute never count as a burst."),
    burstPoints: z.number().nonnegative().default(5)
      .describe("Risk points of the burst signal."),
    newDomainMinRecipients: z.number().int().positive().default(8)
      .describe("Fan-out: recipients at domains this identity never wrote to, within the last hour."),
    newDomainShare: z.number().min(0).max(1).default(0.5)
      .describe("Fan-out: share of the last hour's recipients at new domains."),
    newDomainPoints: z.number().nonnegative().default(3)
      .describe("Risk points of the fan-out signal."),
    bounceMinCount: z.number().int().positive().default(10)
      .describe("Hard bounces over the last day: at least this many, and at least this share of delivered + bounced."),
    bounceShare: z.number().min(0).max(1).default(0.1)
      .describe("Share of hard bounces among delivered + bounced recipients that counts."),
    bouncePoints: z.number().nonnegative().default(4)
      .describe("Risk points of the hard-bounce signal."),
    complaintMinCount: z.number().int().positive().default(3)
      .describe("Feedback-loop complaints over the last day at or above which the identity is at risk."),
    complaintPoints: z.number().nonnegative().default(4)
      .describe("Risk points of the complaint signal."),
    blockSuspectPoints: z.number().nonnegative().default(4)
      .describe("Risk points of an identity a provider's block named as its likely cause over the last day, times its share of the blame."),
    newNetworkPoints: z.number().nonnegative().default(2)
      .describe("AUTH for a login from a /24 (IPv4) or /64 (IPv6) never seen for it."),
    authFailureBurst: z.number().int().positive().default(5)
      .describe("AUTH failures for a login within the window before a success that count as a guessing burst."),
    authFailurePoints: z.number().nonnegative().default(3)
      .describe("Risk points of the AUTH-guessing signal."),
    newFromAddresses: z.number().int().positive().default(5)
      .describe("Different From addresses never used before by the identity within the last hour."),
    newFromPoints: z.number().nonnegative().default(3)
      .describe("Risk points of the many-From-addresses signal."),
    repeatMinRecipients: z.number().int().positive().default(8)
      .describe("Same content fingerprint to this many recipients within an hour, and `burstRatio` times the usual."),
    repeatPoints: z.number().nonnegative().default(3)
      .describe("Risk points of the same-content signal."),
    campaignIdentities: z.number().int().min(2).default(4)
      .describe("Same content fingerprint sent by this many identities within an hour: a campaign across accounts."),
    campaignMinRecipients: z.number().int().positive().default(30)
      .describe("... and to at least this many recipients in all."),
    campaignPoints: z.number().nonnegative().default(4)
      .describe("Risk points of the cross-account campaign signal."),
    newIdentityPriorWeight: z.number().min(0).max(1).default(0.5)
      .describe("Weight of the deviation signals (burst, fan-out, repeated content, slow campaign, new link domain) for an identity with no trust yet: it is measured against a conservative prior instead of its own history, so it is never zero."),
    newIdentitiesPerLoginHour: z.number().int().nonnegative().default(10)
      .describe("New sender identities one login may start within an hour (after the login's first day, when its identities first appear); the mail of each further new identity is held for review. 0 disables."),
    loginNewPerHour: z.number().int().positive().default(1000)
      .describe("Messages per hour all identities of a login with no usable history may send in all before further mail is deferred (4xx)."),
    loginMaxPerHour: z.number().int().nonnegative().default(100_000)
      .describe("Hard ceiling per login and hour, summed over its identities, whatever its history; 0 disables. An established login may send `hourHeadroom` times its own busiest hour, up to this."),
    loginCampaignMinRecipients: z.number().int().positive().default(12)
      .describe("Near-duplicate content from `campaignIdentities` identities of one login to this many recipients at domains new to them within an hour: the login spreads one campaign over its identities (points: `campaignPoints`, up to twice that as more identities join)."),
    dripMinRecipients: z.number().int().positive().default(12)
      .describe("Slow campaign: near-duplicate content from one identity to this many recipients within a day, and `burstRatio` times its usual day."),
    dripPoints: z.number().nonnegative().default(3)
      .describe("Risk points of the slow-campaign signal."),
    newLinkMinRecipients: z.number().int().positive().default(5)
      .describe("A link domain neither the identity nor its login linked to before the last day, in mail to this many recipients within a day."),
    newLinkPoints: z.number().nonnegative().default(3)
      .describe("Risk points of the new-link-domain signal."),
    refusedMinCount: z.number().int().positive().default(3)
      .describe("Messages of the identity refused or held within a day at or above which its next messages carry that as evidence."),
    refusedPoints: z.number().nonnegative().default(3)
      .describe("Risk points of the refused-before signal."),
    stoppedContentPoints: z.number().nonnegative().default(6)
      .describe("Risk points of a message nearly the same as messages held or refused in the last day from `refusedMinCount` or more of the login's other identities (a hijacked login spreading one campaign over its identities). The default is `quarantineScore`: the text was stopped before, so it is held again, whichever identity sends it."),
    contentTagPoints: z.number().nonnegative().default(1)
      .describe("Points the content verdict adds to the sender's risk: spam from an identity that also behaves unusually is what a hijacked account looks like, and that combination (not spam alone) suspends it."),
    contentQuarantinePoints: z.number().nonnegative().default(3)
      .describe("Points a content verdict of 'quarantine' adds to the sender's risk."),
    contentRejectPoints: z.number().nonnegative().default(5)
      .describe("Points a content verdict of 'reject' adds to the sender's risk."),
  })
  .strict();

export const configSchema = z
  .object({
    hostname: z.string().min(1).default('mailwarden.localhost')
      .describe("Name used in our EHLO, banners, Received and DSNs."),
    dataDir: z.string().default('./data')
      .describe("Folder for the queue database, the self-signed certificate and the trace secret."),
    log: z
      .object({
        level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
          .describe("Log level (pino)."),
        file: z.string().default('')
          .describe("Log file; empty means standard output."),
      })
      .strict()
      .prefault({}),
    tls: z
      .object({
        cert: z.string().default('')
          .describe("PEM files; when both are empty a self-signed certificate is made in dataDir at first start."),
        key: z.string().default('')
          .describe("PEM private key of `cert`."),
      })
      .strict()
      .prefault({}),
    listeners: z
      .object({
        submission: listener(2587)
          .describe("Submission: STARTTLS, AUTH required and only after TLS."),
        smtps: listener(2465)
          .describe("Implicit TLS (465-style), AUTH required."),
        relay: listener(2525)
          .describe("Relay for trusted networks: no AUTH, client address must be in `trustedNetworks`."),
      })
      .strict()
      .prefault({}),
    trustedNetworks: z.record(z.string(), z.array(z.string())).default({ local: ['127.0.0.0/8', '::1/128'] })
      .describe("Trusted networks for the relay listener: name -> CIDR list. The name becomes the account of their mail."),
    limits: z
      .object({
        maxMessageBytes: z.number().int().positive().default(25 * 1024 * 1024)
          .describe("Largest message accepted (announced with SIZE, enforced while it streams: 552)."),
        maxRecipients: z.number().int().positive().default(100)
          .describe("Recipients per message; further RCPT get 452 4.5.3."),
        maxConnectionsPerIp: z.number().int().positive().default(20)
          .describe("Simultaneous connections from one client address (all listeners together); more get 421."),
        maxClients: z.number().int().positive().default(500)
          .describe("Simultaneous connections in all."),
        maxCommandLineBytes: z.number().int().positive().default(2048)
          .describe("RFC 5321 §4.5.3.1.4 says 512 octets for a command line; a little slack for extensions."),
        maxUnknownCommands: z.number().int().positive().default(5)
          .describe("Unrecognised commands before the connection is closed with 421."),
        socketTimeoutMs: duration.default(120_000)
          .describe("Idle time after which a client connection is closed."),
        shutdownGraceMs: duration.default(30_000)
          .describe("On shutdown, how long sessions in flight may take to finish before they are closed with 421."),
        authFailures: z
          .object({
            max: z.number().int().positive().default(5)
              .describe("Failures from one client IP within `windowMs` before further AUTH is refused for `blockMs`."),
            windowMs: duration.default(10 * 60_000)
              .describe("Window in which AUTH failures are counted."),
            blockMs: duration.default(15 * 60_000)
              .describe("How long AUTH is refused (454 4.7.0) once the limit is reached."),
            exemptNetworks: z.array(z.string()).default([])
              .describe("Client networks (CIDR) whose AUTH failures are not counted per address: your own webmail or application servers, where many users log in from one IP and a few mistyped passwords must not block them all (Dovecot's login_trusted_networks does the same). Each failure still reaches the account's login signals."),
          })
          .strict()
          .prefault({}),
        passwordChecks: z
          .object({
            threads: z.number().int().positive().default(2)
              .describe("AUTH password checks running at once, each on a worker thread of its own (scrypt at OWASP's cost: about 128 MiB and a fraction of a second of CPU each), never on libuv's threadpool where the queue's fsyncs run."),
            maxQueued: z.number().int().nonnegative().default(16)
              .describe("AUTH password checks waiting for a thread; past this an AUTH gets 454 4.7.0 at once (and still counts against `authFailures`)."),
          })
          .strict()
          .prefault({}),
        maxBytesInFlight: z.number().int().positive().default(256 * 1024 * 1024)
          .describe("Bytes of messages in DATA at once across all listeners; a message that would go past it gets 452 4.3.1 (at DATA, or at its end when the budget runs out while it streams) and the client retries later. Bounds memory by bytes, whatever the number of clients."),
      })
      .strict()
      .prefault({}),
    identity: z
      .object({
        presets: z
          .array(
            z.union([
              identityPreset,
              z.object({ preset: identityPreset, strip: z.boolean().default(false) }).strict(),
            ]),
          )
          .default([])
          .describe("Built-in header presets to read, in order: 'exim-authuser', 'php-script', 'postfix-authenticated'."),
        headers: z.array(identityHeaderSource).default([])
          .describe("Further header sources, tried after the presets."),
        trustHeadersOnSubmission: z.array(z.string().min(1)).default([])
          .describe("Accounts whose logins (submission, smtps) may name their identity with the header sources above, e.g. a hosting server that logs in. Anyone else's header is ignored there: a login would otherwise choose its own identity and escape per-identity limits. On the relay listener the trusted networks' headers are always read."),
        traceHeader: z.string().default('X-Mailwarden-Trace')
          .describe("Name of the trace header stamped on every outgoing message."),
        traceSecret: z.string().default('')
          .describe("HMAC secret for the trace header; empty means one is made in dataDir at first start."),
      })
      .strict()
      .prefault({}),
    storage: z
      .object({
        driver: z.enum(['sqlite']).default('sqlite')
          .describe("Queue storage; the embedded SQLite file is the only one so far."),
        sqlitePath: z.string().default('mailwarden.sqlite')
          .describe("SQLite file; relative paths are under dataDir."),
        groupCommitMs: duration.default(2)
          .describe("Longest time an accepted message waits for its group commit."),
        outcomeCommitMs: duration.default(50)
          .describe("Longest time a delivery outcome waits for a commit. Nobody waits on these, so they ride along with the next message's commit instead of paying an fsync of their own; a crash in between only repeats a delivery."),
      })
      .strict()
      .prefault({}),
    delivery: z
      .object({
        dnsServers: z.array(z.string()).default([])
          .describe("DNS servers for MX/A lookups (\"host\" or \"host:port\"); empty uses the system resolver."),
        routes: z.record(z.string(), z.string()).default({})
          .describe("Static routes: recipient domain (or '*') -> \"host:port\" list; they replace MX lookup."),
        retrySchedule: z.array(z.number().int().positive()).min(1, 'needs at least one interval').default([60, 300, 900, 1800, 3600, 7200, 14400])
          .describe("Seconds between attempts; the last interval repeats until `maxLifetimeS`."),
        maxLifetimeS: z.number().int().positive().default(5 * 24 * 3600)
          .describe("Longest time a message is retried before it expires and its sender gets a DSN."),
        delayWarningHours: z.number().nonnegative().default(4)
          .describe("Hours after which the sender gets one delay warning; 0 disables."),
        maxConnectionsPerDestination: z.number().int().positive().default(5)
          .describe("Simultaneous connections to one destination (MX host set)."),
        maxMessagesPerConnection: z.number().int().positive().default(100)
          .describe("Messages sent over one connection before it is closed and a new one opened."),
        maxInFlight: z.number().int().positive().default(200)
          .describe("Messages in flight across all destinations: the bounded window of work in memory."),
        maxBytesInFlight: z.number().int().positive().default(128 * 1024 * 1024)
          .describe("Bytes of message bodies the delivery engine holds at once (loaded from the queue and being sent); more waits in the queue. A single message larger than this still goes, alone."),
        connectTimeoutMs: duration.default(30_000)
          .describe("Longest wait for a TCP connection and the greeting of a remote server."),
        replyTimeoutMs: duration.default(300_000)
          .describe("Longest silence from a remote server once connected (RFC 5321 §4.5.3.2 suggests 5 minutes for most replies); a message's whole transaction gets at most twice this, so a tarpit that keeps sending continuation lines is given up too. The message is deferred and retried."),
        tls: z.enum(['opportunistic', 'required', 'off']).default('opportunistic')
          .describe("Offer STARTTLS opportunistically; 'required' fails delivery when the peer has none."),
        pollIntervalMs: duration.default(1000)
          .describe("How often the queue is read for recipients that became due (new mail starts at once anyway)."),
        mxPort: port.default(25)
          .describe("Port of the MX hosts found in DNS; anything but 25 is for tests against local servers."),
        mtaSts: z
          .object({
            enabled: z.boolean().default(true)
              .describe("Look up MTA-STS policies (RFC 8461) for MX deliveries: enforce mode refuses an MX that is not listed or lacks valid TLS; testing mode only logs."),
            httpsPort: port.default(443)
              .describe("Port of https://mta-sts.DOMAIN; anything but 443 is for tests against local servers."),
            caFile: z.string().default('')
              .describe("PEM file of CA certificates trusted besides the public ones, for policy hosts and MX certificates (a private PKI, tests)."),
          })
          .strict()
          .prefault({}),
        dane: z
          .object({
            enabled: z.boolean().default(true)
              .describe("DANE (RFC 7672): MX lookups go through a stub resolver that reads the DNSSEC AD bit; an MX host whose name, addresses and TLSA records are validated is reached only over TLS whose certificate matches a TLSA record (DANE-EE or DANE-TA), otherwise the mail is deferred. It outranks MTA-STS. `delivery.dnsServers` (or the system's) must be a validating resolver you trust, on this host or a trusted network; a resolver that validates nothing makes DANE never apply."),
          })
          .strict()
          .prefault({}),
        pools: z.record(z.string(), z.array(z.object({
          address: z.string().min(1)
            .describe("Local IP address outgoing connections are bound to."),
          ehlo: z.string().min(1)
            .describe("Name given in EHLO from this address; it should be the address's PTR name."),
          ptr: z.string().default('')
            .describe("The PTR name the address should have (shown by `mailwarden routes`)."),
          weight: z.number().nonnegative().default(1)
            .describe("Share of the pool's mail this address carries; a low weight warms a new IP up."),
        }).strict())).default({})
          .describe("IP pools: name -> source addresses. Without pools the system chooses the source address."),
        accountPools: z.record(z.string(), z.string()).default({})
          .describe("Pool of each account: account -> pool name; '*' for every other account, else the pool named 'default'."),
        shaping: z.record(z.string(), z.object({
          connections: z.number().int().nonnegative(),
          messagesPerConnection: z.number().int().nonnegative(),
          messagesPerMinute: z.number().nonnegative(),
          messagesPerHour: z.number().nonnegative(),
        }).partial().strict()).default({})
          .describe("Per provider (google, yahoo, microsoft-consumer, microsoft-365, apple, gmx-webde, comcast, orange, mailru, yandex, or a recipient domain) and per source IP: overrides of the shipped limits; 0 = no limit."),
        reactions: z
          .object({
            enabled: z.boolean().default(true)
              .describe("React to classified replies: slow down on rate limits, pause an IP a provider blocks."),
            slowFactor: z.number().gt(0).lt(1).default(0.5)
              .describe("A rate-limit reply multiplies the route's rate by this (at most once a minute)."),
            recoveryMinutes: z.number().int().positive().default(10)
              .describe("Minutes for a slowed route to climb back, in equal steps, to the rate it had."),
            pauseMinutes: z.number().int().positive().default(60)
              .describe("How long a source IP rests toward a provider that blocked it; its mail goes out from another IP of the pool."),
            greylistDelayS: z.number().int().positive().default(300)
              .describe("Wait before retrying a greylisted recipient when the reply does not say."),
            maxHoldS: z.number().int().nonnegative().default(30)
              .describe("A message held back by shaping for longer than this is deferred in the queue instead of waiting in memory."),
          })
          .strict()
          .prefault({}),
        blocklists: z
          .object({
            zones: z.array(z.object({
              zone: z.string().min(1)
                .describe("DNSBL zone, e.g. zen.spamhaus.org (needs a resolver Spamhaus answers: not a public one)."),
              providers: z.array(z.string()).default([])
                .describe("Providers toward which a listing pauses the address; empty = every destination."),
            }).strict()).default([])
              .describe("Zones the pool addresses are looked up in, through `delivery.dnsServers`."),
            intervalMinutes: z.number().int().positive().default(15)
              .describe("How often the addresses are looked up again; a delisting lifts the pause at the next look."),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    content: contentSchema,
    bounce: z
      .object({
        maxBytes: z.number().int().positive().default(10 * 1024 * 1024)
          .describe("Bytes of a bounce read at all; the rest is ignored as if the message were truncated."),
        maxDepth: z.number().int().positive().default(8)
          .describe("MIME nesting followed (multiparts inside returned messages inside reports)."),
        maxParts: z.number().int().positive().default(64)
          .describe("MIME parts visited per message."),
        maxTextChars: z.number().int().positive().default(64 * 1024)
          .describe("Decoded characters kept per text part: what the text rules see is bounded."),
        maxHeaderBytes: z.number().int().positive().default(128 * 1024)
          .describe("Header block bytes read per MIME part."),
      })
      .strict()
      .prefault({})
      .describe("Reading bounce and report emails (`mailwarden bounce`, the feedback stage): limits on what a stranger sends."),
    policy: z
      .object({
        enabled: z.boolean().default(true)
          .describe("Decide with content scoring and sender behaviour; false accepts everything that passes the SMTP limits."),
        mode: z.enum(['enforce', 'monitor']).default('enforce')
          .describe("`monitor` for a first deployment: the whole judgment (content and sender behaviour) is watched, not enforced. A message it would hold or refuse, or whose sender it would suspend, is accepted and tagged; the decision it would have taken goes to the message's timeline and the log (`policy-monitor`), and no suspension is made, while baselines learn what the deployment really sends. Configured rate ceilings still defer and an operator's suspension still refuses. `enforce` acts."),
        accountModes: z.record(z.string(), z.enum(['enforce', 'monitor'])).default({})
          .describe("Per-account `policy.mode`, e.g. `{ newcustomer: monitor }` to watch one account moved over from another relay, or `{ shop: enforce }` to enforce one account while the rest is watched."),
        thresholds: policyThresholds.prefault({}),
        accounts: z.record(z.string(), policyThresholds.partial()).default({})
          .describe("Per-account overrides of any threshold, e.g. `{ newsletters: { maxPerHour: 50000 } }`."),
        flushMs: z.number().int().positive().default(1000)
          .describe("How often, in milliseconds, the behaviour state held in memory (counters, each login's stopped mail and new-link outreach, the campaign index) is written to the database, in one transaction; it also is at close. A crash loses at most this much of it."),
        authSignalMinutes: z.number().int().positive().default(60)
          .describe("Minutes after a suspicious AUTH (new network, failures before success) during which its signal holds."),
        authFailureWindowMinutes: z.number().int().positive().default(10)
          .describe("Window for counting AUTH failures before a success."),
      })
      .strict()
      .prefault({})
      .describe("The decide stage: behaviour signals, thresholds and limits (see `policyThresholds`)."),
    feedback: z
      .object({
        enabled: z.boolean().default(false)
          .describe("Send with a VERP return path on `bounceDomain` (one SMTP transaction per recipient) so that late bounces and complaints trace back to the message, identity and recipient. Off, reports are traced by the signed trace header alone; suppressions, in-band hard-bounce suppression and a block's suspects work either way."),
        bounceDomain: z.string().min(1).default('bounces.mailwarden.localhost')
          .describe("Domain of the return path `b+<token>@bounceDomain`; its MX must point at the feedback listener."),
        reportDomains: z.array(z.string().min(1)).default([])
          .describe("Further domains whose mail is feedback (the address registered with providers' feedback loops); the listener takes mail for these and `bounceDomain` only."),
        feedbackIdSender: z.string().regex(/^[\w.-]{1,32}$/).default('mailwarden')
          .describe("SenderId, the last field of the `Feedback-ID: identity:account:type:SenderId` header (Gmail's feedback loop) stamped on outgoing mail."),
        listener: listener(2526, false)
          .describe("SMTP listener for bounces and reports to the feedback domains; it never relays."),
        windowHours: z.number().int().positive().default(24)
          .describe("Sliding window over which complaint and hard-bounce rates are measured."),
        unknownUserMinutes: z.number().int().positive().default(60)
          .describe("Window in which a burst of unknown-user bounces from one identity is counted."),
        suspectWindowMinutes: z.number().int().positive().default(60)
          .describe("When a provider blocks the relay's address or domain, the identities that sent most there in this window before are named as suspects (once per provider and window)."),
        thresholds: z
          .object({
            minDeliveries: z.number().int().positive().default(200)
              .describe("Rates count only once an identity (or account) has this many deliveries in the window."),
            complaintRate: z.number().min(0).max(1).default(0.003)
              .describe("Complaints per delivery above which the sender is held (Gmail and Yahoo's 0.3 %)."),
            hardBounceRate: z.number().min(0).max(1).default(0.05)
              .describe("Hard bounces per delivery above which the sender is held."),
            suspendFactor: z.number().min(1).default(3)
              .describe("A rate this many times its threshold recommends suspension instead of a hold."),
            unknownUserBurst: z.number().int().positive().default(25)
              .describe("Unknown-user bounces within `unknownUserMinutes` from one identity: the mark of a bought or stale list."),
          })
          .strict()
          .prefault({}),
        act: z.boolean().default(true)
          .describe("Apply a hold or suspension recommendation at once (as a suspension with the reports as evidence); false only records it."),
        suppressDays: z
          .object({
            hardBounce: z.number().int().nonnegative().default(180)
              .describe("Days a hard-bounced recipient stays suppressed; 0 means until removed."),
            complaint: z.number().int().nonnegative().default(0)
              .describe("Days a complaining recipient stays suppressed; 0 means until removed."),
            unsubscribe: z.number().int().nonnegative().default(0)
              .describe("Days an unsubscribed recipient stays suppressed; 0 means until removed."),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({})
      .describe("The feedback stage: VERP return path, Feedback-ID, the report listener, suppressions, complaint and bounce rates."),
    admin: z
      .object({
        enabled: z.boolean().default(true)
          .describe("Run the admin HTTP listener (health, metrics, API)."),
        host: z.string().default('127.0.0.1')
          .describe("Address of the admin listener; never the SMTP ports."),
        port: port.default(8025)
          .describe("Port of the admin listener; 0 picks a free one."),
      })
      .strict()
      .prefault({}),
    retention: z
      .object({
        finishedDays: z.number().positive().default(30)
          .describe("Days, counted from its receipt, that a finished message (delivered, bounced, expired, deleted) keeps its rows and timeline; then they are purged."),
        purgeEveryMinutes: z.number().positive().default(60)
          .describe("How often finished messages past `finishedDays` are purged."),
      })
      .strict()
      .prefault({})
      .describe("How long the history of finished messages is kept."),
    webhooks: z
      .object({
        maxAttempts: z.number().int().positive().default(8)
          .describe("Sends of one delivery before it is given up and shown as failed."),
        backoffSeconds: z.array(z.number().nonnegative()).min(1).default([10, 60, 300, 900, 3600])
          .describe("Seconds before each retry of a failed send; the last repeats."),
        timeoutMs: z.number().int().positive().default(10_000)
          .describe("Longest wait for a receiver's answer."),
        maxPending: z.number().int().positive().default(10_000)
          .describe("Deliveries waiting to be sent at most; beyond this new ones are dropped (and counted)."),
        pollMs: z.number().int().positive().default(500)
          .describe("How often due deliveries are sent."),
      })
      .strict()
      .prefault({})
      .describe("Signed HTTP callbacks for queue and sender events (register with `mailwarden webhooks add` or the API)."),
    enduser: z
      .object({
        enabled: z.boolean().default(false)
          .describe("Put a link to a page explaining the refusal into refusal texts; the page is served by the admin listener at /u/."),
        baseUrl: z.string().default('')
          .describe("Public base URL of the admin listener for those links, e.g. `https://relay.example/`; empty uses http://admin.host:admin.port/."),
        linkTtlHours: z.number().positive().default(72)
          .describe("Hours a link stays valid."),
        maxRequestsPerMinute: z.number().int().positive().default(30)
          .describe("Requests to the end-user pages per client address and minute; more get 429."),
        selfReinstate: z.enum(['never', 'lowRisk']).default('never')
          .describe("Whether an end user may lift their identity's suspension from the page: 'never' (an operator decides every time), or 'lowRisk': once per identity, when the policy (not an operator) suspended it and its risk has since fallen below `policy.thresholds.tagScore`. Every attempt, allowed or refused, is in the audit log."),
      })
      .strict()
      .prefault({})
      .describe("The end user's page: what happened to their mail, what was seen, what to do, and a button to ask for review."),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type PolicyThresholds = z.infer<typeof policyThresholds>;
