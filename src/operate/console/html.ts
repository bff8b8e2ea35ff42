// HTML built only through this tagged template: every interpolated value is escaped unless it is already SafeHtml
// (made by this template, or by `trusted` for markup the server itself generated). Sender-controlled strings
// (subjects, addresses, replies, bodies) therefore cannot open a tag or an attribute anywhere in the console.
export interface SafeHtml {
  readonly __html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

const isSafe = (v: unknown): v is SafeHtml => typeof v === 'object' && v !== null && '__html' in v;

function render(v: unknown): string {
  if (v === null || v === undefined || v === false) return '';
  if (isSafe(v)) return v.__html;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return { __html: out };
}

/** Markup the server generated from numbers and fixed strings only (the SVG charts). */
export function trusted(markup: string): SafeHtml {
  return { __html: markup };
}
