// A fuzzy fingerprint of a message, so that the same campaign with a different greeting, tracking number or link path
// still counts as the same content (the campaign detector keys its counts on it). MinHash over word 3-shingles of the
// normalized subject and text, plus the link domains: two messages share the fingerprint with a probability that
// grows with how many shingles they share (Broder, 1997). Numbers are dropped and URLs keep only their host, so the
// merge fields of a mass mailing rarely move it. An exact key rather than a distance (simhash) because the detector
// looks fingerprints up in a map on the hot path. Hand-written: it is twenty lines and no maintained package does
// just this.
import { createHash } from 'node:crypto';
import { parseContent, type ContentMessage } from './message.js';

/** How many of the smallest shingle hashes form the fingerprint: fewer is fuzzier. */
const KEEP = 3;
const MAX_WORDS = 2000;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\bhttps?:\/\/([^\s/?#"'<>]+)[^\s"'<>]*/g, ' url:$1 ')
    .split(/[^\p{L}\p{N}:.\-]+/u)
    .filter((w) => w.length > 1 && !/\d/.test(w))
    .slice(0, MAX_WORDS);
}

function hash32(s: string): number {
  // FNV-1a: fast, good enough to rank shingles; this is not a security boundary.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The fingerprint of a text; '' when the text has too few words to say anything. */
export function textFingerprint(text: string): string {
  const w = words(text);
  if (w.length < 3) return '';
  const hashes = new Set<number>();
  for (let i = 0; i + 2 < w.length; i++) hashes.add(hash32(`${w[i]} ${w[i + 1]} ${w[i + 2]}`));
  const smallest = [...hashes].sort((a, b) => a - b).slice(0, KEEP);
  return createHash('sha1').update(smallest.join(',')).digest('hex').slice(0, 16);
}

/** The fingerprint of a parsed message: its subject, readable text and link domains. */
export function fingerprintOf(msg: ContentMessage): string {
  const domains = msg.links.map((l) => `url:${l.domain}`).join(' ');
  return textFingerprint(`${msg.subject} ${msg.text} ${domains}`);
}

/** The fingerprint of raw message bytes; '' for bytes that are no message. */
export function contentFingerprint(raw: Buffer): string {
  const parsed = parseContent(raw);
  return parsed.kind === 'message' ? fingerprintOf(parsed.message) : '';
}
