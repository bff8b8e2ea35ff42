// `npm run bench:score`: content scoring speed on one core. Messages are generated (deterministic PRNG): about 10 KB
// each, multipart/alternative text + HTML with links, one in five with a small PDF attachment, the mix a relay sees
// from business senders. Scoring is synchronous on one thread, so msgs/s per core is messages / wall seconds of the
// loop; the CPU figure divides by the process's CPU seconds instead, which also counts V8's background GC and JIT
// threads (lower), and is steadier than wall time when other processes compete for the cores. Also the latency
// per message (median, p99). Floor from issue 4: >= 1,000 msgs/s per core, <= 2 ms median.
//   N=<messages, default 3000>  ROUNDS=<default 3>
//   COMPARE=<path of another build's dist/ directory>: this build and that one in alternating rounds of N messages,
//   the best round of each and their ratio. On a shared machine a single round swings by a third; the best of many
//   short alternating rounds (N=400 ROUNDS=40) compares two builds to about 2 %.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSchema } from '../src/config/schema.js';
import { createContentScorer } from '../src/inspect/content/index.js';

const N = Number(process.env.N ?? 3000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const TARGET_BYTES = 10 * 1024;

let seed = 42;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
const vocabulary = ('the a to of and in for on with our your this that we you is are will be meeting report order invoice ' +
  'account team project update please thanks regards schedule budget review offer price delivery customer service ' +
  'support product new week month today tomorrow attached details information contact question answer free save')
  .split(' ');
const domains = ['example.com', 'example.org', 'shop.example', 'news.example.net', 'cdn.example.com'];

function sentence(): string {
  const n = 6 + Math.floor(rand() * 14);
  return Array.from({ length: n }, () => pick(vocabulary)).join(' ') + '.';
}

function generate(i: number): Buffer {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < TARGET_BYTES / 2.4) {
    const p = Array.from({ length: 3 + Math.floor(rand() * 4) }, sentence).join(' ');
    paragraphs.push(p);
    size += p.length;
  }
  const links = Array.from({ length: 2 + Math.floor(rand() * 6) }, (_, k) => `https://${pick(domains)}/p/${i}/${k}`);
  const text = paragraphs.join('\n\n') + '\n\n' + links.join('\n');
  const html = '<html><body>' + paragraphs.map((p, k) => `<p>${p} <a href="${links[k % links.length]}">${pick(vocabulary)}</a></p>`).join('\n') + '</body></html>';
  const attachment = i % 5 === 0 ? `--m${i}\r\nContent-Type: application/pdf; name="r${i}.pdf"\r\nContent-Disposition: attachment; filename="r${i}.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.alloc(900, i).toString('base64')}\r\n` : '';
  return Buffer.from(
    `From: Sender ${i} <s${i}@${pick(domains)}>\r\nTo: r${i}@example.org\r\nSubject: ${sentence()}\r\n` +
      `Date: Mon, 02 Nov 2026 09:30:00 +0000\r\nMessage-ID: <${i}@example.com>\r\nMIME-Version: 1.0\r\n` +
      `Content-Type: multipart/mixed; boundary="m${i}"\r\n\r\n--m${i}\r\nContent-Type: multipart/alternative; boundary="a${i}"\r\n\r\n` +
      `--a${i}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n--a${i}\r\nContent-Type: text/html; charset=utf-8\r\n` +
      `Content-Transfer-Encoding: quoted-printable\r\n\r\n${html.replace(/=/g, '=3D')}\r\n--a${i}--\r\n${attachment}--m${i}--\r\n`,
  );
}

const scorer = createContentScorer(contentSchema.parse({}));
const messages = Array.from({ length: N }, (_, i) => generate(i));
const avgKb = messages.reduce((s, m) => s + m.length, 0) / messages.length / 1024;
for (const m of messages.slice(0, 200)) scorer.score(Buffer.from(m)); // warm-up (JIT)

if (process.env.COMPARE) {
  await compare(process.env.COMPARE);
  process.exit(0);
}

console.log(`# content scoring, one core: ${N} generated messages, ${avgKb.toFixed(1)} KB average, ${ROUNDS} rounds`);
console.log('# round msgs_per_sec_per_core msgs_per_cpu_sec median_ms p99_ms');
for (let round = 1; round <= ROUNDS; round++) {
  // Fresh buffers every round: the parse is kept per buffer (two readers in the relay share it), and a relay never
  // scores the same buffer twice, so scoring last round's buffers again would measure a cache.
  const batch = messages.map((m) => Buffer.from(m));
  const latencies = new Float64Array(N);
  const cpu0 = process.cpuUsage();
  const wall0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const t0 = process.hrtime.bigint();
    scorer.score(batch[i]!);
    latencies[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  const wallSeconds = Number(process.hrtime.bigint() - wall0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  latencies.sort();
  console.log(round, (N / wallSeconds).toFixed(0), (N / cpuSeconds).toFixed(0), latencies[Math.floor(N / 2)]!.toFixed(3), latencies[Math.floor(N * 0.99)]!.toFixed(3));
}

/** This build against another one (its dist/ directory), in alternating rounds; the best round of each. */
async function compare(otherDist: string): Promise<void> {
  const other = (await import(pathToFileURL(join(resolve(otherDist), 'inspect/content/index.js')).href)) as { createContentScorer: typeof createContentScorer };
  const builds = { this: scorer, other: other.createContentScorer(contentSchema.parse({})) };
  for (const m of messages.slice(0, 200)) builds.other.score(Buffer.from(m));
  const best = { this: 0, other: 0 };
  console.log(`# this build against ${otherDist}: ${N} messages a round, ${ROUNDS} rounds each, alternating`);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const name of round % 2 ? (['this', 'other'] as const) : (['other', 'this'] as const)) {
      const batch = messages.map((m) => Buffer.from(m));
      const t0 = process.hrtime.bigint();
      for (const b of batch) builds[name].score(b);
      best[name] = Math.max(best[name], N / (Number(process.hrtime.bigint() - t0) / 1e9));
    }
  }
  console.log(`best round: this ${best.this.toFixed(0)}, other ${best.other.toFixed(0)} msgs/s per core; this/other ${(best.this / best.other).toFixed(3)}`);
}
