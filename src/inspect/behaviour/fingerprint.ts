// A fuzzy fingerprint of a message's text, so that the same campaign with a different greeting, tracking number or
// link path still counts as the same content. MinHash over word 3-shingles of the normalized text: two texts share
// the fingerprint with a probability that grows with how many shingles they share (Broder, 1997); URLs keep only
// their host, numbers are dropped. Hand-written: it is twenty lines and no maintained package does just this.
import { createHash } from 'node:crypto';

/** How many of the smallest shingle hashes form the fingerprint: fewer is fuzzier. */
const KEEP = 3;

export function normalizeText(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\bhttps?:\/\/([^\s/?#"'<>]+)[^\s"'<>]*/g, ' url:$1 ')
    .split(/[^\p{L}\p{N}:.\-]+/u)
    .filter((w) => w.length > 1 && !/\d/.test(w));
}

function hash32(s: string): number {
  // FNV-1a: fast, good enough to rank shingles; this is not a security boundary.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The fingerprint of a text; '' when the text has too few words to say anything. */
export function textFingerprint(text: string): string {
  const words = normalizeText(text);
  if (words.length < 3) return '';
  const hashes = new Set<number>();
  for (let i = 0; i + 2 < words.length; i++) hashes.add(hash32(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  const smallest = [...hashes].sort((a, b) => a - b).slice(0, KEEP);
  return createHash('sha1').update(smallest.join(',')).digest('hex').slice(0, 16);
}
