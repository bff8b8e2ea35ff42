// Where a PDF attachment can send its reader: the addresses of its links and whether it carries anything that acts on
// its own. A link in a PDF is an annotation whose action names a URI (ISO 32000-1 §12.5.6.5, §12.6.4.7): a dictionary
// written in the file as plain text, or, in a file saved with object streams (§7.5.7), inside a Flate-compressed
// stream of such dictionaries. Both are read here by hand: the scorer is synchronous, and the PDF libraries of the
// field (pdf.js, pdf-lib) parse whole documents behind promises; a link's address needs neither the page tree nor the
// fonts. Text printed on a page is no link (it sits in content streams, which are not read), nor is a QR code.
import { inflateSync } from 'node:zlib';
import { extensionOf } from './data/attachments.js';
import type { Attachment } from './message.js';

export interface PdfReach {
  /** The URIs the file's link actions open, in file order. */
  uris: string[];
  /** JavaScript, a launch action, an embedded file, a form that submits, a link into another file. */
  active: boolean;
}

/** Largest total of object-stream bytes inflated per file: a compressed bomb stops here, unread. */
const MAX_INFLATED = 4 * 1024 * 1024;

// Two readers ask for a PDF's reach (the lure's way out and the greeting-by-name rule); the attachment is never
// changed once parsed, so the answer is kept with it.
const reaches = new WeakMap<Attachment, PdfReach | null>();

/** The reach of an attachment that is a PDF by type or name; null for anything else or a PDF this cannot read. */
export function attachedPdfReach(a: Attachment): PdfReach | null {
  if (a.contentType !== 'application/pdf' && extensionOf(a.filename) !== 'pdf') return null;
  let reach = reaches.get(a);
  if (reach === undefined) reaches.set(a, (reach = pdfReach(a.content)));
  return reach;
}

/**
 * The reach of a PDF, or null when the file is no PDF or cannot be read here (encrypted strings, an object stream that
 * does not inflate or inflates past the limit): whoever asks must then assume the worst.
 */
export function pdfReach(content: Buffer): PdfReach | null {
  if (!content.subarray(0, 1024).includes('%PDF-')) return null;
  const raw = content.toString('latin1');
  if (ENCRYPT.test(raw)) return null;
  const texts = [raw];
  let budget = MAX_INFLATED;
  for (let at = raw.indexOf('/ObjStm'); at !== -1; at = raw.indexOf('/ObjStm', at + 7)) {
    const data = streamAfter(content, raw, at);
    if (data === 'plain') continue; // its objects are in `raw` as they are
    if (!data) return null;
    let inflated: Buffer;
    try {
      inflated = inflateSync(data, { maxOutputLength: budget });
    } catch {
      return null;
    }
    budget -= inflated.length;
    texts.push(inflated.toString('latin1'));
  }
  const uris: string[] = [];
  let active = false;
  for (const text of texts) {
    if (ACTIVE.test(text) || hidesActiveName(text)) active = true;
    for (const m of text.matchAll(URI)) uris.push(m[1] !== undefined ? literalString(m[1]) : hexString(m[2]!));
  }
  return { uris, active };
}

/**
 * The bytes of the Flate-compressed stream whose dictionary holds `at`: from the end of the line after the `stream`
 * keyword (§7.3.8.1) to `endstream`; 'plain' for a stream without a filter, null for any other filter or no stream.
 */
function streamAfter(content: Buffer, raw: string, at: number): Buffer | 'plain' | null {
  const keyword = raw.indexOf('stream', at);
  const end = keyword === -1 ? -1 : raw.indexOf('endstream', keyword + 6);
  if (end === -1) return null;
  const dictionary = raw.slice(raw.lastIndexOf('obj', at), keyword);
  if (!dictionary.includes('/Filter')) return 'plain';
  if (!dictionary.includes('/FlateDecode')) return null;
  let start = keyword + 6;
  if (raw[start] === '\r') start++;
  if (raw[start] === '\n') start++;
  return content.subarray(start, end);
}

/**
 * A name written with #xx escapes (§7.3.5) that reads as an active one ("/J#61vaScript" is /JavaScript to a reader), or
 * as /URI: no honest writer escapes the letters of a key, so a link hidden that way counts as acting by itself. Only
 * the escaped names are decoded (a font's "/Arial#20Bold" is common), not the whole file.
 */
function hidesActiveName(text: string): boolean {
  if (!text.includes('#')) return false;
  for (const [name] of text.matchAll(ESCAPED_NAME)) {
    const decoded = name.replace(/#([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    if (ACTIVE.test(decoded) || /^\/URI(?![A-Za-z])/.test(decoded)) return true;
  }
  return false;
}

/** A literal string's escapes (§7.3.4.2) undone: \n, \(, \\, octal codes; a backslash before a line break joins lines. */
function literalString(s: string): string {
  return s.replace(/\\(?:([0-7]{1,3})|(\r\n|\r|\n)|(.))/g, (_, octal?: string, _eol?: string, c?: string) => {
    if (octal) return String.fromCharCode(parseInt(octal, 8) & 0xff);
    if (c === undefined) return '';
    return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[c] ?? c;
  });
}

function hexString(s: string): string {
  const hex = s.replace(/\s+/g, '');
  return Buffer.from(hex.length % 2 ? hex + '0' : hex, 'hex').toString('latin1');
}

/** The trailer's /Encrypt entry: strings, link addresses among them, are then encrypted. */
const ENCRYPT = /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/;
/** A URI action's address: a literal string with balanced escapes, or a hex string. */
const URI = /\/URI\s*(?:\(((?:\\[^]|[^\\)])*)\)|<([0-9a-fA-F\s]*)>)/g;
/** Names written with #xx escapes (§7.3.5): "/J#61vaScript" is /JavaScript to a reader. */
const ESCAPED_NAME = /\/[^\s/<>[\]()]*#[0-9a-fA-F]{2}[^\s/<>[\]()]*/g;
/** Actions and entries that act without the reader following a link to a page (§12.6.4, §7.11.4, §12.7.5.2). */
const ACTIVE = /\/(?:JavaScript|JS|Launch|EmbeddedFiles?|SubmitForm|ImportData|GoToR|GoToE|RichMedia)(?![A-Za-z])/;
