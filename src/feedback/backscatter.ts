// Backscatter: a customer's server sends us a bounce for mail that we ourselves refused (it quotes our refusal, with
// its [MW-...] code and our host name). The "sender" it goes back to is usually forged, so delivering it would spam an
// innocent, and holding it would only fill the quarantine: the relay drops it.
import type { BounceReport } from '../bounce/index.js';

const OUR_CODE = /\[MW-[A-Z0-9-]{2,40}\]/;

/** The refusal the bounce quotes, or null when it is no bounce of ours. */
export function quotedRefusal(report: BounceReport, raw: Buffer, hostname: string): string | null {
  if (report.kind !== 'dsn' && report.kind !== 'nondsn') return null;
  const text = raw.toString('latin1');
  // Our host name must appear too: an [MW-...] code alone could be quoted by anyone.
  if (!text.toLowerCase().includes(hostname.toLowerCase())) return null;
  for (const r of report.recipients) {
    if (r.diagnostic && OUR_CODE.test(r.diagnostic)) return r.diagnostic.slice(0, 300);
  }
  const m = /[45]\d\d[ -][45]\.\d{1,3}\.\d{1,3} \[MW-[A-Z0-9-]{2,40}\][^\r\n]{0,240}/.exec(text);
  return m ? m[0] : null;
}
