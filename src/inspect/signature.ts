// A campaign signature of one message, for reputation's near-duplicate counting: a MinHash sketch of the message's
// word 3-shingles (subject, readable text, link domains), and the set of domains its links lead to. Two messages'
// sketches agree in about the share of positions that their shingle sets overlap (Jaccard; Broder, 1997), so a kit
// that varies the greeting, the numbers, a sentence or the link host still lands near its earlier messages, where an
// exact hash of the text would see a new text each time.
//
// Hand-written: MinHash is a loop over hash functions, and the npm packages that offer it are either unmaintained
// (minhash, last release 2016) or bring a whole similarity-search index we do not need; reputation keeps its own
// bounded, windowed index (reputation/campaign.ts).
import { offSiteLinks } from './content/links.js';
import type { ContentMessage } from './content/message.js';

/** Positions in the sketch. 64 give a Jaccard estimate within about ±0.06 and 32 LSH bands of 2 (campaign.ts). */
export const SKETCH_SIZE = 64;
const MAX_WORDS = 2000;

/** Lower-case words; numbers (order, tracking and case numbers) dropped, URLs reduced to their host. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\bhttps?:\/\/([^\s/?#"'<>]+)[^\s"'<>]*/g, ' url:$1 ')
    .split(/[^\p{L}\p{N}:.\-]+/u)
    .filter((w) => w.length > 1 && !/\d/.test(w))
    .slice(0, MAX_WORDS);
}

function fnv1a(s: string): number {
  // Fast and well spread; this is no security boundary (an attacker who controls the text controls similarity anyway).
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Fixed odd multipliers and offsets: the i-th hash function is (a_i * x + b_i) mod 2^32, then mixed. */
const SEEDS = Array.from({ length: SKETCH_SIZE }, (_, i) => [(fnv1a(`a${i}`) | 1) >>> 0, fnv1a(`b${i}`)] as const);

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** The MinHash sketch of a text; [] when it has too few words to say anything. */
export function sketchOf(text: string): number[] {
  const w = words(text);
  if (w.length < 3) return [];
  const shingles = new Set<number>();
  for (let i = 0; i + 2 < w.length; i++) shingles.add(fnv1a(`${w[i]} ${w[i + 1]} ${w[i + 2]}`));
  const sketch = new Array<number>(SKETCH_SIZE).fill(0xffffffff);
  for (const s of shingles)
    for (let i = 0; i < SKETCH_SIZE; i++) {
      const [a, b] = SEEDS[i]!;
      const h = mix((Math.imul(a, s) + b) >>> 0);
      if (h < sketch[i]!) sketch[i] = h;
    }
  return sketch;
}

/** Estimated Jaccard similarity of the shingle sets behind two sketches (0 when either is empty). */
export function similarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** A short name for a sketch, shown as a suspension's fingerprints: its first two values in hex; '' for none. */
export function sketchName(sketch: readonly number[]): string {
  return sketch.slice(0, 2).map((v) => v.toString(16).padStart(8, '0')).join('');
}

export interface CampaignSignature {
  /** MinHash sketch of subject, text and link domains; [] for a message with too little text. */
  sketch: number[];
  /** Registrable domains its clickable links lead to, other than the From domain's (distinct, at most 20). */
  linkDomains: string[];
}

export function campaignSignature(msg: ContentMessage): CampaignSignature {
  const linkDomains = [...new Set(offSiteLinks(msg).map((l) => l.domain))].slice(0, 20);
  return { sketch: sketchOf(`${msg.subject} ${msg.text} ${linkDomains.map((d) => `url:${d}`).join(' ')}`), linkDomains };
}
