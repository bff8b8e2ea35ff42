// The parts of an HTML body that scoring needs: its visible text, its links with their anchor text (what the reader
// sees of it: invisible elements left out), and the style tricks spammers use to hide text from the reader but not
// from filters. Regular expressions over a bounded prefix rather than a DOM (htmlparser2 builds a tree per message,
// several times slower than the whole scoring budget).
// A stranger writes this HTML, so nothing may scan to the end once per tag: script/style blocks and anchors are found
// by forward-only searches (linear), and every other pattern has bounded repetitions (2 KiB inside a tag, 1 KiB of
// element text), over at most `MAX_HTML_CHARS`.
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
  /** Invisible elements with a letter or digit right before and right after them: words broken up for a filter. */
  wordSplits: number;
  tagNames: string[];
  hasForm: boolean;
  hasPasswordInput: boolean;
}

const MAX_LINKS = 500;
const MAX_HTML_CHARS = 256 * 1024;
const INVISIBLE_OPEN = /<(script|style|title)\b|<!--/gi; // not <head>: browsers close it implicitly at the body
const ANCHOR_OPEN = /<a\b([^>]{0,2048})>/gi;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const SOURCE = /<(?:img|iframe|form|script|embed|object|frame)\b[^>]{0,2048}?\b(?:src|action|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const TAG = /<\/?([a-z][a-z0-9]*)\b[^>]{0,2048}>/gi;
// Elements styled invisible or tiny, found by their opening tag's attributes and then their nearest closing tag
// within STYLED_CONTENT_CHARS (a scan, not one pattern over both: the single pattern's nested bounded repeats cost
// 0.2 s on 200 KB of crafted attributes).
const OPENING_TAG = /<(\w+)\b([^>]{0,2048})>/g;
// A zero ("0", "0px", "0.0em"), not the start of a fraction: "font-size: 0.875rem" is the small text of every
// Tailwind-built template (react-email's among them), "opacity: 0.5" a faded footer; both were read as hidden.
const ZERO = '0(?:\\.0*)?(?![.\\d])';
const FONT_SIZE_ZERO_CSS = `font-size\\s*:\\s*${ZERO}`;
const OTHER_HIDING_CSS = `display\\s*:\\s*none|visibility\\s*:\\s*hidden|opacity\\s*:\\s*${ZERO}|max-height\\s*:\\s*${ZERO}`;
const HIDING_ATTRIBUTES = new RegExp(`style\\s*=\\s*["'][^"']*?(?:${OTHER_HIDING_CSS}|${FONT_SIZE_ZERO_CSS})[^"']*["']`, 'i');
const TINY_ATTRIBUTES = /style\s*=\s*["'][^"']*?font-size\s*:\s*[12](?:\.\d+)?px[^"']*["']|\bsize\s*=\s*["']?1["']?(?=\s|$)/i;
const STYLED_CONTENT_CHARS = 1024;

interface StyledElement {
  index: number;
  end: number;
  /** False when no closing tag was found within STYLED_CONTENT_CHARS: the element then holds at least that much. */
  closed: boolean;
  /** The opening tag's attributes. */
  attributes: string;
  content: string;
}

/**
 * Each element whose opening tag's attributes match, with its content up to the nearest closing tag of its name, or
 * its first STYLED_CONTENT_CHARS when that tag is further away or missing: a browser hides everything up to the
 * closing tag, so a longer block hides at least as much (skipped, 1,025 characters of hidden words went unseen).
 * `lower` is the HTML in lower case, made once by a caller that scans the same HTML twice.
 */
function styledElements(html: string, attributes: RegExp, lower = html.toLowerCase()): StyledElement[] {
  const found: StyledElement[] = [];
  OPENING_TAG.lastIndex = 0;
  for (let m = OPENING_TAG.exec(html); m; m = OPENING_TAG.exec(html)) {
    if (!attributes.test(m[2]!)) continue;
    const start = m.index + m[0].length;
    const close = closingTag(lower, m[1]!.toLowerCase(), start) ?? { at: Math.min(start + STYLED_CONTENT_CHARS, html.length), end: -1 };
    const end = close.end === -1 ? close.at : close.end;
    found.push({ index: m.index, end, closed: close.end !== -1, attributes: m[2]!, content: html.slice(start, close.at) });
    OPENING_TAG.lastIndex = end;
  }
  return found;
}

/** The nearest "</name>" (white space allowed before ">") starting at most STYLED_CONTENT_CHARS after `from`. */
function closingTag(lower: string, name: string, from: number): { at: number; end: number } | null {
  // Searched in a window, not to the end of the text: thousands of unclosed tags must not each scan the rest of it.
  const window = lower.slice(from, from + STYLED_CONTENT_CHARS + name.length + 2);
  for (let at = window.indexOf('</' + name); at !== -1; at = window.indexOf('</' + name, at + 1)) {
    let end = from + at + 2 + name.length;
    while (end < lower.length && /\s/.test(lower[end]!)) end++;
    if (lower[end] === '>') return { at: from + at, end: end + 1 };
  }
  return null;
}

/** The HTML without the elements styled invisible (the text a reader sees of a link). */
function withoutHidden(html: string): string {
  let out = '';
  let from = 0;
  for (const e of styledElements(html, HIDING_ATTRIBUTES)) {
    out += html.slice(from, e.index);
    from = e.end;
  }
  return out + html.slice(from);
}

export function analyseHtml(fullHtml: string): HtmlFeatures {
  const html = fullHtml.slice(0, MAX_HTML_CHARS);
  const visible = withoutInvisibleBlocks(html);
  const links = anchors(visible);
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
  const lowerVisible = visible.toLowerCase();
  const hidden = styledText(visible, lowerVisible, HIDING_ATTRIBUTES);
  return {
    text: textOf(visible),
    links,
    sources,
    imageCount,
    hiddenChars: hidden.chars,
    tinyChars: styledText(visible, lowerVisible, TINY_ATTRIBUTES).chars,
    wordSplits: hidden.wordSplits,
    tagNames: [...tagNames],
    hasForm: tagNames.has('form'),
    hasPasswordInput: /<input\b[^>]*type\s*=\s*["']?password/i.test(visible),
  };
}

/** The HTML without script, style and title elements and comments; an unclosed one hides the rest, as in a browser. */
function withoutInvisibleBlocks(html: string): string {
  const lower = html.toLowerCase();
  const kept: string[] = [];
  let pos = 0;
  INVISIBLE_OPEN.lastIndex = 0;
  for (let m = INVISIBLE_OPEN.exec(html); m; m = INVISIBLE_OPEN.exec(html)) {
    kept.push(html.slice(pos, m.index), ' ');
    const closer = m[1] ? `</${m[1].toLowerCase()}` : '-->';
    const end = lower.indexOf(closer, INVISIBLE_OPEN.lastIndex);
    if (end === -1) return kept.join('');
    pos = m[1] ? lower.indexOf('>', end) + 1 || html.length : end + closer.length;
    INVISIBLE_OPEN.lastIndex = pos;
  }
  kept.push(html.slice(pos));
  return kept.join('');
}

/** How much text after an anchor that is never closed is read as its text. */
const MAX_UNCLOSED_TEXT = 2048;
const NEXT_ANCHOR = /<a\b/g;

function nextAnchorAt(lower: string, from: number): number {
  NEXT_ANCHOR.lastIndex = from;
  return NEXT_ANCHOR.exec(lower)?.index ?? lower.length;
}

/** Links with their anchor text. The next "</a" is searched forward only, so the whole scan stays linear. */
function anchors(html: string): HtmlLink[] {
  const lower = html.toLowerCase();
  const links: HtmlLink[] = [];
  let close = -1;
  let closedNoMore = false;
  ANCHOR_OPEN.lastIndex = 0;
  for (let m = ANCHOR_OPEN.exec(html); m && links.length < MAX_LINKS; m = ANCHOR_OPEN.exec(html)) {
    const textStart = ANCHOR_OPEN.lastIndex;
    if (!closedNoMore && close < textStart) {
      close = lower.indexOf('</a', textStart);
      closedNoMore = close === -1;
    }
    // An anchor never closed is a link all the same: browsers make what follows it the link's content, up to the next
    // anchor (which closes it) or the document's end. Phishing kits leave them open ("<a href = …><img …>").
    const end = closedNoMore ? Math.min(textStart + MAX_UNCLOSED_TEXT, nextAnchorAt(lower, textStart)) : close;
    const h = HREF.exec(m[1]!);
    if (h) links.push({ href: decodeHTML(h[1] ?? h[2] ?? h[3] ?? '').trim(), text: textOf(withoutHidden(html.slice(textStart, end))) });
  }
  return links;
}

/**
 * The preview text ("preheader") of today's e-mail templates: a short hidden or 1px span before anything the reader
 * sees, which mail clients show beside the subject in the inbox list (Postmark's, Mailchimp's and Litmus's templates
 * all open with one). It is written for the reader's inbox, not for a filter, so the one leading block of at most
 * PREVIEW_MAX_CHARS is not counted; everything hidden after it, or after visible text, is.
 */
const PREVIEW_MAX_CHARS = 200;

/**
 * Characters of text inside the elements a style pattern finds, and how many of those elements sit inside a word
 * ("Stat<sub style="display:none">9R4ZET</sub>ement": the reader sees one word, a filter reads two pieces and a
 * random token; no layout needs an invisible element between two letters). One pass for both.
 */
function styledText(html: string, lower: string, attributes: RegExp): { chars: number; wordSplits: number } {
  let chars = 0;
  let wordSplits = 0;
  let first = true;
  for (const e of styledElements(html, attributes, lower)) {
    const n = textOf(shownInside(e.attributes, e.content)).replace(NOT_TEXT, '').length;
    const preview = first && n <= PREVIEW_MAX_CHARS && textOf(html.slice(0, e.index)) === '';
    first = false;
    if (!preview) chars += n;
    if (e.closed && WORD_CHAR.test(html.charAt(e.index - 1)) && WORD_CHAR.test(html.charAt(e.end))) wordSplits++;
  }
  return { chars, wordSplits };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
// What renders as nothing is no hidden text: white space and Unicode's default-ignorable code points. Templates pad
// their preview text with such filler ("&nbsp;&zwnj;&zwsp;&lrm;…" repeated, as react-email and the preheader
// snippets of Litmus and Email on Acid do), so that the inbox shows no body text after the preview; counted, a
// 30-character preview became a 600-character block of hidden text in every such template.
const NOT_TEXT = /[\s\p{Default_Ignorable_Code_Point}]+/gu;

/**
 * What an element hidden only by `font-size: 0` really hides. Layout code sets the container of inline-block
 * columns to font-size 0 so that the white space between them takes no room, and gives each column's text its size
 * back below it (MJML renders every section so, as do Foundation for Emails and most ESPs' builders), inline or
 * through a class of its style sheet; without this, every such template read as a block of hidden text. So text in
 * a child block (a div, table or paragraph), or in a child with a class or a size of its own, is seen; text directly
 * inside, or in inline children without either (a span of hash-buster words), inherits the zero size and is hidden.
 * A child cut off by the element's end (nested elements of the same name) is seen from its start.
 */
function shownInside(attributes: string, content: string): string {
  if (!FONT_SIZE_ZERO.test(attributes) || OTHER_HIDING.test(attributes)) return content;
  // One pass over the tags (no pattern that looks ahead for the closing tag: that cost 0.3 s on 200 KB of crafted
  // HTML): text from a restyled child's start to its matching end is seen; the rest is what stays hidden.
  let hidden = '';
  let from = 0;
  let seen: string | null = null;
  let depth = 0;
  for (const m of content.matchAll(CHILD_TAG)) {
    const name = m[2]!.toLowerCase();
    if (seen === null) {
      if (m[1] === '' && isRestyled(name, m[3]!)) {
        hidden += content.slice(from, m.index);
        seen = name;
        depth = 1;
      }
    } else if (name === seen) {
      depth += m[1] === '' ? 1 : -1;
      if (depth === 0) {
        seen = null;
        from = m.index + m[0].length;
      }
    }
  }
  return seen === null ? hidden + content.slice(from) : hidden;
}

/** A child that is a block, names a class, or sets a font size that is not zero. */
function isRestyled(name: string, attributes: string): boolean {
  return BLOCK_ELEMENTS.has(name) || CLASS_ATTRIBUTE.test(attributes) || NON_ZERO_FONT_SIZE.test(attributes);
}

const FONT_SIZE_ZERO = new RegExp(FONT_SIZE_ZERO_CSS, 'i');
const OTHER_HIDING = new RegExp(OTHER_HIDING_CSS, 'i');
const CHILD_TAG = /<(\/?)([a-z][a-z0-9]*)\b([^>]{0,2048})>/gi;
const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(['div', 'table', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'center']);
const CLASS_ATTRIBUTE = /\bclass\s*=/i;
const NON_ZERO_FONT_SIZE = /font-size\s*:\s*0*(?:[1-9]|\.0*[1-9])/i;

/** Visible text of an HTML fragment: tags become spaces, entities are decoded, white space collapsed. */
export function textOf(fragment: string): string {
  return decodeHTML(fragment.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}
