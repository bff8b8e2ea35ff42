// The parts of an HTML body that scoring needs: its visible text, its links with their anchor text, and the style
// tricks spammers use to hide text from the reader but not from filters. Regular expressions over a bounded prefix
// rather than a DOM (htmlparser2 builds a tree per message, several times slower than the whole scoring budget);
// every loop is bounded by the input size and by `MAX_LINKS`, and every lazy match by a length (4 KiB for an
// element's text, 64 KiB for a script or comment) so that unclosed tags cannot make a match scan to the end again and
// again.
import { decodeHTML } from 'entities';

export interface HtmlLink {
  href: string;
  /** Visible anchor text, tags removed, entities decoded, trimmed. */
  text: string;
}

export interface HtmlFeatures {
  text: string;
  links: HtmlLink[];
  /** URLs in src/action attributes of img, iframe, form, script, embed and object. */
  sources: string[];
  imageCount: number;
  /** Characters of text inside elements styled invisible (display:none, visibility:hidden, zero size). */
  hiddenChars: number;
  /** Characters of text inside elements with a font size of 1-2px or <font size=1>. */
  tinyChars: number;
  tagNames: string[];
  hasForm: boolean;
  hasPasswordInput: boolean;
}

const MAX_LINKS = 500;
const INVISIBLE_CODE = /<(script|style|head|title)\b[\s\S]{0,65536}?<\/\1\s*>|<!--[\s\S]{0,65536}?-->/gi;
const ANCHOR = /<a\b([^>]{0,4096})>([\s\S]{0,4096}?)<\/a\s*>/gi;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const SOURCE = /<(?:img|iframe|form|script|embed|object|frame)\b[^>]*?\b(?:src|action|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const TAG = /<\/?([a-z][a-z0-9]*)\b[^>]*>/gi;
const HIDDEN_STYLE =
  /<(\w+)\b[^>]*style\s*=\s*["'][^"']*(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:px|pt|em)?\b|opacity\s*:\s*0(?:\.0+)?\b|max-height\s*:\s*0)[^"']*["'][^>]*>([\s\S]{0,4096}?)<\/\1\s*>/gi;
const TINY_STYLE =
  /<(\w+)\b[^>]*(?:style\s*=\s*["'][^"']*font-size\s*:\s*[12](?:\.\d+)?px[^"']*["']|\bsize\s*=\s*["']?1["']?(?=[\s>]))[^>]*>([\s\S]{0,4096}?)<\/\1\s*>/gi;

export function analyseHtml(html: string): HtmlFeatures {
  const visible = html.replace(INVISIBLE_CODE, ' ');
  const links: HtmlLink[] = [];
  for (const m of visible.matchAll(ANCHOR)) {
    if (links.length >= MAX_LINKS) break;
    const h = HREF.exec(m[1]!);
    if (h) links.push({ href: decodeHTML(h[1] ?? h[2] ?? h[3] ?? '').trim(), text: textOf(m[2]!) });
  }
  const sources: string[] = [];
  for (const m of html.matchAll(SOURCE)) {
    if (sources.length >= MAX_LINKS) break;
    sources.push(decodeHTML(m[1] ?? m[2] ?? m[3] ?? '').trim());
  }
  const tagNames = new Set<string>();
  let imageCount = 0;
  for (const m of visible.matchAll(TAG)) {
    const name = m[1]!.toLowerCase();
    tagNames.add(name);
    if (name === 'img' && !m[0].startsWith('</')) imageCount++;
  }
  return {
    text: textOf(visible),
    links,
    sources,
    imageCount,
    hiddenChars: sumText(visible, HIDDEN_STYLE),
    tinyChars: sumText(visible, TINY_STYLE),
    tagNames: [...tagNames],
    hasForm: tagNames.has('form'),
    hasPasswordInput: /<input\b[^>]*type\s*=\s*["']?password/i.test(visible),
  };
}

function sumText(html: string, pattern: RegExp): number {
  let n = 0;
  for (const m of html.matchAll(pattern)) n += textOf(m[2]!).replace(/\s+/g, '').length;
  return n;
}

/** Visible text of an HTML fragment: tags become spaces, entities are decoded, white space collapsed. */
export function textOf(fragment: string): string {
  return decodeHTML(fragment.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}
