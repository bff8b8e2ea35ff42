// Plain-text rendering of the queue for `mailwarden queue list|show`: one line per message, a readable timeline.
import type { Classification } from '../../classify/types.js';
import type { MessageDetail, MessageSummary } from '../../queue/types.js';
import type { TimelineEvent } from '../../queue/events.js';

const iso = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString().replace('.000Z', 'Z'));

export function formatList(rows: MessageSummary[]): string {
  if (rows.length === 0) return 'queue is empty\n';
  const lines = rows.map((m) =>
    [m.id.padEnd(19), m.state.padEnd(11), iso(m.receivedAt).padEnd(21), `${m.pending}/${m.recipients}`.padEnd(7),
      `${m.account}${m.sub ? '/' + m.sub : ''}`.padEnd(20), m.mailFrom || '<>'].join(' '));
  return ['ID                  STATE       RECEIVED              PENDING ACCOUNT              SENDER', ...lines].join('\n') + '\n';
}

function classificationLine(c: Classification): string {
  return `${c.reason}, blame ${c.blame}${c.provider ? `, ${c.provider}` : ''}`;
}

function eventDetail(e: TimelineEvent): string {
  switch (e.type) {
    case 'attempt': {
      const d = e.data;
      const host = d.host ? `${d.host}${d.ip && d.ip !== d.host ? ` [${d.ip}]` : ''}` : 'no host';
      return `${host}: ${d.reply}  (${classificationLine(d.classification)})`;
    }
    case 'deferred':
      return `next attempt ${iso(e.data.nextAttemptAt)}`;
    case 'dsn-sent':
      return `${e.data.action} notice ${e.data.dsnId} to <${e.data.to}>`;
    default:
      return Object.entries(e.data).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(' ');
  }
}

export function formatDetail(m: MessageDetail): string {
  const out = [
    `Queue ID   ${m.id}`,
    `State      ${m.state}`,
    `Received   ${iso(m.receivedAt)} from ${m.clientIp} (helo ${m.heloName})`,
    `Sender     <${m.mailFrom}>  account ${m.account}${m.sub ? ` / ${m.sub}` : ''} (identity from ${m.identitySource})`,
    `Size       ${m.size} bytes`,
    '',
    'Recipients',
  ];
  for (const r of m.recipientStatus) {
    out.push(`  ${r.rcpt}  ${r.state}  attempts ${r.attempts}` +
      (r.state === 'deferred' ? `  next ${iso(r.nextAttemptAt)}` : '') + (r.remoteMta ? `  via ${r.remoteMta}` : ''));
    if (r.lastReply) out.push(`      reply: ${r.lastReply.replace(/\r?\n/g, ' | ')}`);
    const c = r.classification;
    if (c) {
      out.push(`      reason: ${classificationLine(c)}`);
      if (c.explanation) out.push(`      means: ${c.explanation}`);
      if (c.fix) out.push(`      fix: ${c.fix}`);
    }
  }
  out.push('', 'Timeline');
  for (const e of m.timeline) {
    out.push(`  ${iso(e.at)}  ${e.type.padEnd(15)} ${e.recipient ? `${e.recipient}  ` : ''}${eventDetail(e)}`);
  }
  return out.join('\n') + '\n';
}
