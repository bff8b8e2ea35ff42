// Tokens the statistical model learns from: words of the readable text and subject, link domains and the pieces of link addresses, the MIME shape,
// and a short list of headers the sender's own software writes. Only those headers: the trace and list headers that
// receiving systems add (Received, List-*, X-Spam-*, ...) are never seen by an outbound relay on its customers' mail,
// and learning them would teach "mailing list = ham" (see ../shared/corpus/README.md).
import type { ContentMessage } from './message.js';

const MAX_TOKENS = 3000;
const SENDER_HEADERS = ['x-mailer', 'user-agent', 'x-priority', 'x-msmail-priority', 'importance', 'organization'];
const PUNCT_EDGES = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
const URL_PIECE = /[/?&=.#:_-]+/;

/**
 * The distinct tokens of a message (a set: the model counts documents, not occurrences); without its HTML tag names
 * when `tagNames` is false (the scorer leaves them out where they say nothing: see score.ts).
 */
export function messageTokens(msg: ContentMessage, tagNames = true): Set<string> {
  const out = new Set<string>();
  const add = (t: string) => {
    if (out.size < MAX_TOKENS) out.add(t);
  };
  words(msg.lower.subject, 'subject:', add);
  words(msg.lower.text, '', add);
  if (msg.from) {
    words(msg.from.name.toLowerCase(), 'from:name:', add);
    add('from:domain:' + msg.from.domain);
    add('from:tld:' + msg.from.domain.slice(msg.from.domain.lastIndexOf('.') + 1));
  } else add('from:none');
  if (msg.replyTo) add('replyto:' + (msg.replyTo.domain === msg.from?.domain ? 'same' : 'other'));
  for (const name of SENDER_HEADERS) {
    const f = msg.headers.find((h) => h.name === name);
    if (f) add(`${name}:${f.value.toLowerCase().split(/[\s/(;]/, 1)[0]}`);
  }
  for (const link of msg.links) {
    add('url:' + link.domain);
    // The pieces of the address too: spam reuses paths and parameters ("/cgi-bin/", "unsubscribe", "optin") across
    // domains it rotates, and an honest sender's links share theirs.
    for (const piece of link.url.toLowerCase().split(URL_PIECE)) if (piece.length >= 3 && piece.length <= 20) add('urlp:' + piece);
    add('url:scheme:' + link.scheme);
  }
  // The part's kind, not its transfer encoding: the sender's library picks base64 or quoted-printable (Python's
  // email package writes UTF-8 text in base64), so the encoding says which software wrote the mail, not what it says;
  // 2002 spamware's base64 taught the model to read every base64 part as spam.
  for (const p of msg.textParts) add(`part:${p.html ? 'html' : 'plain'}`);
  for (const a of msg.attachments) add('attach:' + a.contentType);
  if (tagNames) for (const tag of msg.html?.tagNames ?? []) add('tag:' + tag);
  return out;
}

/**
 * Whether a token is a word of the subject or the text (`messageTokens` prefixes everything else it learns: the
 * sender's name and domain, links, MIME shape, tags, headers). Generated training mail teaches the model its words
 * only: its markup, addresses and headers are the generator's own, not the world's.
 */
export function isWordToken(token: string): boolean {
  if (token.startsWith('subject:')) return true;
  const colon = token.indexOf(':');
  return colon === -1 || !STRUCTURE_PREFIXES.has(token.slice(0, colon));
}

const STRUCTURE_PREFIXES = new Set(['from', 'replyto', 'url', 'urlp', 'part', 'attach', 'tag', ...SENDER_HEADERS]);

/** Words of 3-20 characters of lower-case text, punctuation trimmed; longer ones by first letter and length class. */
function words(lowerText: string, prefix: string, add: (t: string) => void): void {
  // A scan by character code instead of split(/\s+/): the same words (JavaScript's \s, below), without the array of
  // every word of the message (this runs on every message and was the tokenizer's main cost).
  const n = lowerText.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(lowerText.charCodeAt(i))) i++;
    const start = i;
    let styled = false;
    for (let c = lowerText.charCodeAt(i); i < n && !isSpace(c); c = lowerText.charCodeAt(++i)) {
      if (c >= 0x2460 && (c <= 0x24ff || c === 0xd835 || c === 0xd83c)) styled = true;
    }
    if (i - start < 3) continue; // trimming only shortens
    // Letters styled with Unicode's mathematical or enclosed alphanumerics ("𝐅𝐫𝐞𝐞 𝐐𝐮𝐨𝐭𝐞", "Ⓕⓡⓔⓔ": U+1D400-1D7FF behind
    // the high surrogate D835, U+2460-24FF, U+1F100-1F1FF behind D83C) read as words to the reader and as unknown
    // symbols to the model: compatibility-folded, the model reads the word it knows.
    const raw = styled ? lowerText.slice(start, i).normalize('NFKC').toLowerCase() : lowerText.slice(start, i);
    const w = isAlnum(raw.charCodeAt(0)) && isAlnum(raw.charCodeAt(raw.length - 1)) ? raw : raw.replace(PUNCT_EDGES, ''); // the Unicode regex only when needed
    if (w.length < 3) continue;
    if (w.length > 20) add(`${prefix}skip:${w[0]}${Math.floor(w.length / 10) * 10}`);
    else add(prefix + w);
  }
}

/** JavaScript's \s: ASCII white space and the Unicode space separators, line and paragraph separators, BOM. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
