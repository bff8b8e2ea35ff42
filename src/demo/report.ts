// The demo's words: one compact progress line per second and the closing report.
import type { AddressView, DemoResult, DemoTally } from './run.js';

/** ".2 ok", ".3 paused yahoo, slowed google to 150/min, BLOCKED by aol": the relay's view, then the providers'. */
function addressState(a: AddressView): string {
  const parts = [...a.routes, ...(a.blockedBy.length > 0 ? [`BLOCKED by ${a.blockedBy.join('+')}`] : [])];
  return `${a.address.replace(/^127\.0\.0\./, '.')} ${parts.length > 0 ? parts.join(', ') : 'ok'}`;
}

export function tallyLine(t: DemoTally): string {
  return `[${t.seconds.toFixed(0).padStart(3)} s] sent ${t.submitted} · accepted ${t.accepted} (held ${t.held}) · refused ${t.refused} · ` +
    `deferred ${t.deferred} · delivered ${t.delivered} (spam ${t.spamDelivered}) · IPs: ${t.addresses.map(addressState).join(' | ')}`;
}

export function reportLines(r: DemoResult): string[] {
  const blocked = r.addresses.filter((a) => a.blockedBy.length > 0);
  return [
    `mailwarden demo, protection ${r.protection ? 'on' : 'OFF'}: ${r.senders} senders, ${r.submitted} messages in ${r.seconds} s`,
    `  hijacked sender ${r.hijacked}: ${r.hijackedSubmitted} phishing messages tried; ` +
      (r.suspendedAt === undefined ? 'never stopped' : `suspended at ${r.suspendedAt} s, after ${r.suspendedAfter}`),
    `  spam the providers received: ${r.spamDelivered}; mail delivered in all: ${r.delivered}; held for review: ${r.held}`,
    `  the other ${r.senders - 1} senders' mail refused, deferred or held: ${r.innocentStopped}`,
    ...r.innocentWhy.slice(0, 3).map((why) => `    ${why}`),
    `  the other senders' mail the providers took: ${r.innocentDelivered} of ${r.innocentAccepted} accepted`,
    `  route reactions (pause = that IP rests toward that provider and its mail leaves from another one):${r.reactions.length === 0 ? ' none' : ''}`,
    ...r.reactions.map((line) => `    ${line}`),
    `  source IPs at the end: ${r.addresses.map(addressState).join(' | ')}`,
    blocked.length === 0
      ? '  => no IP is blocked by any provider'
      : `  => ${blocked.length} of ${r.addresses.length} IPs blocked: ${blocked.map((a) => `${a.address} by ${a.blockedBy.join('+')}`).join(', ')}`,
  ];
}
