// Which charset a text part is read in, and the reading. The decoding is libmime's charset module: iconv-lite, plus
// encoding-japanese for the ISO-2022-JP family iconv-lite lacks. Only the choice is ours, in one documented order.
import iconv from 'iconv-lite';
import { decode, normalizeCharset } from 'libmime/lib/charset.js';
import { isUtf8 } from 'node:buffer';

/**
 * For 8-bit text that is neither labelled nor UTF-8. windows-1252 is a superset of ISO-8859-1's printable characters
 * and of the RFC 2045 default us-ascii; its 0x80-0x9f are the curly quotes and dashes such mail really means.
 */
const FALLBACK = 'windows-1252';
const JAPANESE = /^(?:iso-?2022-?jp|shift_?jis|euc-?jp)/i;
const ISO_2022_JP_ESCAPE = '\x1b$B';

/**
 * The charset to read `bytes` in, in this order:
 * 1. the declared charset, when it is known and the bytes do not contradict it: "us-ascii" counts as undeclared
 *    (8-bit bytes under it are mislabelled), and 8-bit bytes under ISO-2022-JP (a 7-bit code) are UTF-8 or, from
 *    Japanese Unix MTAs, EUC-JP;
 * 2. what the bytes say: a byte order mark, the escape sequences of ISO-2022-JP (Japanese MTAs send it unlabelled),
 *    valid UTF-8;
 * 3. windows-1252.
 */
export function guessCharset(bytes: Buffer, declared: string | undefined): string {
  const raw = declared?.trim().toLowerCase() ?? '';
  // libmime normalises "us-ascii" to windows-1252: the label is tested before that.
  const label = raw === '' || raw === 'us-ascii' || raw === 'ascii' ? '' : normalizeCharset(raw).toLowerCase();
  if (/^iso-?2022-?jp$/.test(label) && bytes.some((b) => b > 0x7f)) return isUtf8(bytes) ? 'utf-8' : 'euc-jp';
  if (label && isKnown(label)) return label;
  const bom = byteOrderMark(bytes);
  if (bom) return bom;
  if (bytes.includes(ISO_2022_JP_ESCAPE)) return 'iso-2022-jp';
  return isUtf8(bytes) ? 'utf-8' : FALLBACK;
}

function isKnown(label: string): boolean {
  return JAPANESE.test(label) || iconv.encodingExists(label);
}

function byteOrderMark(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The text of `bytes` in the charset `guessCharset` picks. */
export function decodeCharset(bytes: Buffer, declared: string | undefined): string {
  return decode(bytes, guessCharset(bytes, declared));
}
