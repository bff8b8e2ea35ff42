// Charts drawn on the server as inline SVG from numbers only (no script, no network): a stacked bar chart of mail
// flow by outcome, and a sparkline.
import type { FlowSeries, Outcome } from '../flow.js';
import { OUTCOMES } from '../flow.js';
import { html, trusted, type SafeHtml } from './html.js';

export const OUTCOME_COLOURS: Record<Outcome, string> = {
  delivered: '#2e7d32', deferred: '#f9a825', bounced: '#c62828', expired: '#6a1b9a', held: '#1565c0', refused: '#455a64',
};

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

export function flowChart(s: FlowSeries, width = 720, height = 180): SafeHtml {
  const n = s.starts.length;
  const totals = s.starts.map((_, i) => OUTCOMES.reduce((sum, o) => sum + s.counts[o][i]!, 0));
  const max = Math.max(1, ...totals);
  const plotH = height - 20;
  const bw = width / n;
  const bars: string[] = [];
  s.starts.forEach((start, i) => {
    let y = plotH;
    for (const o of OUTCOMES) {
      const v = s.counts[o][i]!;
      if (v === 0) continue;
      const h = (v / max) * (plotH - 4);
      y -= h;
      bars.push(`<rect x="${(i * bw + 1).toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(1, bw - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${OUTCOME_COLOURS[o]}"><title>${hhmm(start)} ${o}: ${v}</title></rect>`);
    }
  });
  const labels = ([[0, 'start'], [Math.floor(n / 2), 'middle'], [n - 1, 'end']] as const).map(([i, anchor]) =>
    `<text x="${(anchor === 'start' ? i * bw : anchor === 'end' ? (i + 1) * bw : i * bw + bw / 2).toFixed(1)}" y="${height - 4}" font-size="11" text-anchor="${anchor}" fill="#555">${hhmm(s.starts[i]!)}</text>`);
  const svg = `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="mail flow by outcome, peak ${max} per bucket">` +
    `<line x1="0" y1="${plotH}" x2="${width}" y2="${plotH}" stroke="#bbb"/>${bars.join('')}${labels.join('')}` +
    `<text x="2" y="12" font-size="11" fill="#555">max ${max}</text></svg>`;
  const legend = OUTCOMES.map((o) => html`<span class="legend"><i class="c-${o}"></i>${o} ${s.counts[o].reduce((a, b) => a + b, 0)}</span>`);
  return html`${trusted(svg)}<div>${legend}</div>`;
}

/** A small line of `values` (e.g. a baseline by hour of day), with an optional second line to compare. */
export function sparkline(values: readonly number[], compare?: readonly number[], width = 240, height = 40): SafeHtml {
  const max = Math.max(1e-9, ...values, ...(compare ?? []));
  const points = (vs: readonly number[]) =>
    vs.map((v, i) => `${((i / Math.max(1, vs.length - 1)) * (width - 2) + 1).toFixed(1)},${(height - 1 - (v / max) * (height - 2)).toFixed(1)}`).join(' ');
  const second = compare ? `<polyline points="${points(compare)}" fill="none" stroke="#c62828" stroke-width="1.5"/>` : '';
  return trusted(`<svg class="spark" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="sparkline">` +
    `<polyline points="${points(values)}" fill="none" stroke="#1565c0" stroke-width="1.5"/>${second}</svg>`);
}
