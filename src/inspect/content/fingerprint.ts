// A fuzzy fingerprint of a message for the campaign detector: a 64-bit simhash (Charikar 2002) of word 3-shingles of
// the normalized text plus the link domains. Normalizing first (lower case, digits and URLs' paths dropped) makes
// the per-recipient parts of a mass mailing (names, tracking ids, order numbers) move only a few bits, so copies of
// one campaign land within a small Hamming distance of each other.
import type { ContentMessage } from './message.js';
import { parseContent } from './message.js';

const MAX_WORDS = 2000;

export function contentFingerprint(raw: Buffer): string {
  const parsed = parseContent(raw);
  return parsed.kind === 'message' ? fingerprintOf(parsed.message) : fingerprintOf(null, raw.toString('latin1', 0, 65536));
}

export function fingerprintOf(msg: ContentMessage | null, fallbackText = ''): string {
  const text = msg ? `${msg.subject} ${msg.text}` : fallbackText;
  const words = text
    .toLowerCase()
    .replace(/\b(?:https?:\/\/|www\.)\S+/g, ' ')
    .replace(/[0-9]+/g, '0')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1)
    .slice(0, MAX_WORDS);
  const features: string[] = [];
  for (let i = 0; i + 2 < words.length; i++) features.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  if (features.length === 0) features.push(...words);
  for (const link of msg?.links ?? []) features.push('url:' + link.domain);
  return simhash(features);
}

/** Number of differing bits between two fingerprints; copies of one campaign are typically within 3-6 bits. */
export function fingerprintDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) {
      x &= x - 1;
      d++;
    }
  }
  return d;
}

function simhash(features: string[]): string {
  const v = new Int32Array(64);
  for (const f of features) {
    const hi = fnv1a(f, 0x811c9dc5);
    const lo = fnv1a(f, 0x01000193);
    for (let bit = 0; bit < 32; bit++) {
      v[bit]! += (hi >>> bit) & 1 ? 1 : -1;
      v[bit + 32]! += (lo >>> bit) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (v[bit]! > 0) hi |= 1 << bit;
    if (v[bit + 32]! > 0) lo |= 1 << bit;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/** 32-bit FNV-1a over UTF-16 code units, with a chosen offset basis so two independent hashes come from one. */
function fnv1a(s: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
