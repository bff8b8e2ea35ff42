// How today's transactional mail is laid out: one content description rendered as table-based HTML with inline
// styles (three house styles, like the templates of WooCommerce, hosted billing services and hand-made themes) and
// as the plain-text alternative next to it.
import type { Rand } from './random.js';
import type { Company } from './world.js';

export interface Content {
  heading: string;
  /** Paragraphs before the button / table. */
  intro: string[];
  button?: { label: string; href: string };
  /** Rows of cells (first row is the header when `tableHeader`). */
  table?: string[][];
  tableHeader?: boolean;
  /** Paragraphs after. */
  outro: string[];
  /** Extra footer lines (unsubscribe, legal notice). */
  footer?: Array<{ text: string; href?: string }>;
  preheader?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderText(c: Content, company: Company): string {
  const lines = [c.heading, '', ...c.intro.flatMap((p) => [p, ''])];
  if (c.button) lines.push(`${c.button.label}: ${c.button.href}`, '');
  if (c.table) {
    for (const row of c.table) lines.push(row.join('   '));
    lines.push('');
  }
  lines.push(...c.outro.flatMap((p) => [p, '']));
  lines.push('--', company.name, `${company.street}, ${company.city}`, `https://www.${company.domain}/`);
  for (const f of c.footer ?? []) lines.push(f.href ? `${f.text}: ${f.href}` : f.text);
  return lines.join('\n') + '\n';
}

export function renderHtml(r: Rand, c: Content, company: Company): string {
  const style = r.pick(['woo', 'card', 'minimal'] as const);
  const accent = r.pick(['#7f54b3', '#0f6cbd', '#1a7f37', '#b4451f', '#333333', '#0a8080']);
  const site = `https://www.${company.domain}`;
  const p = (t: string) => `<p style="margin:0 0 16px;font-size:14px;line-height:1.5;color:#3c3c3c">${esc(t)}</p>`;
  const table = c.table
    ? `<table cellspacing="0" cellpadding="6" border="1" style="width:100%;border:1px solid #e5e5e5;border-collapse:collapse;margin-bottom:16px">` +
      c.table.map((row, i) => '<tr>' + row.map((cell) => (i === 0 && c.tableHeader ? `<th style="text-align:left;border:1px solid #e5e5e5">${esc(cell)}</th>` : `<td style="text-align:left;border:1px solid #e5e5e5">${esc(cell)}</td>`)).join('') + '</tr>').join('') +
      '</table>'
    : '';
  const button = c.button
    ? `<table role="presentation" cellspacing="0" cellpadding="0"><tr><td style="border-radius:4px;background:${accent}"><a href="${esc(c.button.href)}" style="display:inline-block;padding:12px 24px;color:#ffffff;text-decoration:none;font-weight:bold" target="_blank">${esc(c.button.label)}</a></td></tr></table><br>`
    : '';
  const footer = (c.footer ?? []).map((f) => (f.href ? `<a href="${esc(f.href)}" style="color:#8a8a8a">${esc(f.text)}</a>` : esc(f.text))).join('<br>');
  const body = `<h1 style="font-size:22px;font-weight:300;color:${style === 'woo' ? '#ffffff' : '#202020'};margin:0 0 18px">${esc(c.heading)}</h1>` +
    c.intro.map(p).join('') + button + table + c.outro.map(p).join('');
  const logo = r.chance(0.7) ? `<img src="${site}/wp-content/uploads/logo-${r.int(100, 999)}.png" alt="${esc(company.name)}" width="${r.int(120, 200)}" style="border:none">` : `<span style="font-size:20px;font-weight:bold">${esc(company.name)}</span>`;
  const pre = c.preheader ? `<div style="display:none;max-height:0;overflow:hidden">${esc(c.preheader)}</div>` : '';
  const head = `<!DOCTYPE html><html lang="${company.lang}"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1.0"><title>${esc(c.heading)}</title><style type="text/css">body{margin:0;padding:0}@media only screen and (max-width:600px){.container{width:100%!important}}</style></head>`;
  const address = `${esc(company.name)} · ${esc(company.street)} · ${esc(company.city)}`;
  if (style === 'woo') {
    return head + `<body style="background-color:#f7f7f7;margin:0;padding:0">${pre}<div id="wrapper" style="padding:70px 0"><table border="0" cellpadding="0" cellspacing="0" height="100%" width="100%"><tr><td align="center" valign="top"><div id="template_header_image">${logo}</div>` +
      `<table border="0" cellpadding="0" cellspacing="0" width="600" id="template_container" class="container" style="background-color:#ffffff;border:1px solid #dedede;border-radius:3px"><tr><td align="center" valign="top" style="background-color:${accent};padding:36px 48px">${body.slice(0, body.indexOf('</h1>') + 5)}</td></tr>` +
      `<tr><td valign="top" style="padding:48px 48px 32px">${body.slice(body.indexOf('</h1>') + 5)}</td></tr></table>` +
      `<table border="0" cellpadding="10" cellspacing="0" width="600"><tr><td style="text-align:center;font-size:12px;color:#8a8a8a">${address}<br><a href="${site}/" style="color:#8a8a8a">${company.domain}</a>${footer ? '<br>' + footer : ''}</td></tr></table></td></tr></table></div></body></html>`;
  }
  if (style === 'card') {
    return head + `<body style="background:#f2f4f6;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif">${pre}<table class="email-wrapper" width="100%" cellpadding="0" cellspacing="0" role="presentation"><tr><td align="center">` +
      `<table class="email-content" width="100%" cellpadding="0" cellspacing="0" role="presentation"><tr><td class="email-masthead" style="padding:25px 0;text-align:center"><a href="${site}/" class="f-fallback email-masthead_name">${logo}</a></td></tr>` +
      `<tr><td class="email-body" width="570" cellpadding="0" cellspacing="0"><table class="email-body_inner" align="center" width="570" cellpadding="0" cellspacing="0" role="presentation" style="background:#ffffff"><tr><td class="content-cell" style="padding:45px">${body}</td></tr></table></td></tr>` +
      `<tr><td><table class="email-footer" align="center" width="570" cellpadding="0" cellspacing="0" role="presentation"><tr><td class="content-cell" align="center" style="font-size:12px;color:#a8aaaf">${address}${footer ? '<br>' + footer : ''}</td></tr></table></td></tr></table></td></tr></table></body></html>`;
  }
  return head + `<body style="font-family:Arial,sans-serif;font-size:14px">${pre}<div style="max-width:640px;margin:0 auto;padding:16px">${logo}<hr style="border:0;border-top:1px solid #ddd">${body}<hr style="border:0;border-top:1px solid #ddd"><div style="font-size:11px;color:#777">${address} · <a href="${site}/">${company.domain}</a>${footer ? '<br>' + footer : ''}</div></div></body></html>`;
}
