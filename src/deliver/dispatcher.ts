// Sends jobs to next hops with connection reuse: per destination (its list of next hops) at most
// `maxConnections` sessions, each carrying up to `maxMessagesPerConnection` messages before it says QUIT, and
// staying open `idleMs` for more work. Replies go back through each job's `done`; this module decides nothing.
import { isSession, openSession, type ConnectFailure, type Envelope, type OutboundSession, type RcptReply, type SessionOptions } from './smtp-client.js';
import type { NextHop } from './routes.js';

export interface JobResult {
  replies: RcptReply[];
  /** Name of the host that answered ('' when none did) and its address. */
  remoteMta: string;
  remoteIp: string;
}

/** Where a job leaves from and how its route is shaped (chosen by src/routes); absent fields use the defaults. */
export interface JobRoute {
  localAddress?: string;
  ehloName?: string;
  /** 0 = the dispatcher's own limit. */
  connections: number;
  messagesPerConnection: number;
}

export interface Job {
  envelope: Envelope;
  raw: Buffer;
  done: (result: JobResult) => void;
  route?: JobRoute;
}

export interface DispatcherOptions {
  session: SessionOptions;
  maxConnections: number;
  maxMessagesPerConnection: number;
  idleMs: number;
}

interface Destination {
  key: string;
  hops: NextHop[];
  session: SessionOptions;
  maxConnections: number;
  maxMessagesPerConnection: number;
  queue: Job[];
  workers: number;
  idle: Array<(job: Job | null) => void>;
}

export interface Dispatcher {
  submit(hops: NextHop[], job: Job): void;
  /** Finish the sends in progress, close every session; jobs still waiting are dropped (they stay due in the queue). */
  close(): Promise<void>;
}

function failAll(jobs: Job[], f: ConnectFailure): void {
  const remoteMta = f.hop ? (f.hop.name ?? f.hop.host) : '';
  for (const job of jobs) {
    job.done({ replies: job.envelope.to.map((rcpt) => ({ rcpt, code: f.code, reply: f.reply, phase: f.phase })), remoteMta: f.code ? remoteMta : '', remoteIp: f.hop?.host ?? '' });
  }
}

export function createDispatcher(opts: DispatcherOptions): Dispatcher {
  const destinations = new Map<string, Destination>();
  const running = new Set<Promise<void>>();
  let closing = false;

  function nextJob(dest: Destination): Promise<Job | null> {
    const job = dest.queue.shift();
    if (job) return Promise.resolve(job);
    if (closing) return Promise.resolve(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        dest.idle.splice(dest.idle.indexOf(waiter), 1);
        resolve(null);
      }, opts.idleMs);
      const waiter = (j: Job | null) => {
        clearTimeout(timer);
        resolve(j);
      };
      dest.idle.push(waiter);
    });
  }

  async function work(dest: Destination): Promise<void> {
    let session: OutboundSession | null = null;
    let sent = 0;
    try {
      for (let job = await nextJob(dest); job; job = await nextJob(dest)) {
        if (!session || !session.usable() || sent >= dest.maxMessagesPerConnection) {
          session?.close();
          session = null;
          const opened = await openSession(dest.hops, dest.session);
          if (!isSession(opened)) {
            // The destination is unreachable: everything waiting for it fails the same way now, instead of each job
            // waiting out its own connect timeout.
            failAll([job, ...dest.queue.splice(0)], opened);
            continue;
          }
          session = opened;
          sent = 0;
        }
        const replies = await session.send(job.envelope, job.raw);
        sent += 1;
        job.done({ replies, remoteMta: session.hop.name ?? session.hop.host, remoteIp: session.remoteIp });
      }
    } finally {
      session?.close();
      dest.workers -= 1;
      if (dest.workers === 0 && dest.queue.length === 0) destinations.delete(dest.key);
    }
  }

  function spawn(dest: Destination): void {
    dest.workers += 1;
    const p: Promise<void> = work(dest).finally(() => running.delete(p));
    running.add(p);
  }

  return {
    submit(hops, job) {
      // A session belongs to its source address too: mail routed from another IP needs a connection of its own. One
      // whose certificate was checked for one MX name (or against one set of TLSA records) must not carry mail for
      // another name on the same address.
      const r = job.route;
      const checked = (h: NextHop) => `${h.requireValidTls ? `/${h.name}` : ''}${h.dane ? `/dane:${h.name}:${h.dane.tlsa.map((t) => t.data.slice(0, 16)).join('+')}` : ''}`;
      const key = `${r?.localAddress ?? ''}>${hops.map((h) => `${h.host}:${h.port}${checked(h)}`).join(',')}`;
      let dest = destinations.get(key);
      if (!dest) {
        dest = {
          key, hops, queue: [], workers: 0, idle: [],
          session: { ...opts.session, ...(r?.localAddress ? { localAddress: r.localAddress } : {}), ...(r?.ehloName ? { ehloName: r.ehloName } : {}) },
          maxConnections: r?.connections || opts.maxConnections,
          maxMessagesPerConnection: r?.messagesPerConnection || opts.maxMessagesPerConnection,
        };
        destinations.set(key, dest);
      }
      const waiter = dest.idle.shift();
      if (waiter) return waiter(job);
      dest.queue.push(job);
      if (dest.workers < dest.maxConnections) spawn(dest);
    },
    async close() {
      closing = true;
      for (const dest of destinations.values()) {
        dest.queue.length = 0;
        for (const w of dest.idle.splice(0)) w(null);
      }
      await Promise.all([...running]);
    },
  };
}
