// The DATA phase: read the message within its limits, identify the sender, check the From: domain, ask the policy,
// stamp our Received and trace headers, and store it. The 250 goes out only after the store says the commit is
// durable (DESIGN.md §3.2).
import { isAscii } from 'node:buffer';
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import addressparser from 'nodemailer/lib/addressparser/index.js';
import { forbiddenSender, malformedFrom } from '../accounts/sender-domains.js';
import { decisionReply, stricterDecision } from '../decide/reply.js';
import type { Decision, MessageContext } from '../decide/types.js';
import { identifySender, stripSourceHeaders, trustedSources } from '../identify/identify.js';
import { joinMessage, splitMessage } from '../identify/message-parts.js';
import { newQueueId } from '../queue/id.js';
import { fieldValues, messageHeader, type HeaderField } from '../shared/mime/header.js';
import type { NewMessage } from '../queue/types.js';
import type { AcceptContext, SessionState } from './context.js';
import { defectReply, readData, type ReceivedData } from './read-data.js';
import { receivedHeader } from './received.js';
import { TEMPORARY_FAILURE } from './smtp-error.js';
import { traceValue } from './trace.js';

export interface Reply {
  code: number;
  text: string;
}

/** Headers we write; the client's own copies of any of them are removed. */
const OWN_HEADER_PREFIX = 'x-mailwarden-';

/** RFC 6531: an address with non-ASCII characters needs SMTPUTF8 from every hop. */
const NON_ASCII = /[^\x00-\x7f]/;

function fromAddresses(values: string[]): string[] {
  return values.flatMap((v) => addressparser(v, { flatten: true }).map((a) => a.address));
}

/**
 * Date and Message-ID for a message whose client left them out, as a submission server may add them (RFC 6409
 * §8.2-8.3): applications often rely on their MSA for both, RFC 5322 requires a Date, and Gmail refuses mail without
 * a Message-ID. Only a missing field is supplied; a client's own is never replaced.
 */
function missingOriginFields(header: HeaderField[], queueId: string, hostname: string, now: number): Array<[string, string]> {
  const added: Array<[string, string]> = [];
  if (fieldValues(header, 'Date').length === 0) added.push(['Date', new Date(now).toUTCString().replace(/GMT$/, '+0000')]);
  if (fieldValues(header, 'Message-ID').length === 0) added.push(['Message-ID', `<${queueId}@${hostname}>`]);
  return added;
}

function buildStoredMessage(ctx: AcceptContext, session: SMTPServerSession, parts: ReturnType<typeof splitMessage>, extra: {
  queueId: string;
  /** The client's header fields, as read before any was removed. */
  header: HeaderField[];
  recipients: string[];
  identity: NewMessage['identity'];
  decision: Decision;
  /** Origin fields the client left out (missingOriginFields), written below our trace headers. */
  added: Array<[string, string]>;
  now: number;
}): Buffer {
  stripSourceHeaders(parts.headers, ctx.sources);
  // A trace header arriving from the client is not ours to vouch for (a forger copies one to frame another sender):
  // only the one we stamp leaves, so complaints quoting the message lead to exactly one identity. The same holds for
  // everything in our X-Mailwarden- namespace (a spam tag or risk score the client wrote would be read as ours).
  parts.headers.remove(ctx.config.identity.traceHeader);
  const ownNamespace = new Set(parts.headers.getList().map((h) => h.key).filter((key) => key.toLowerCase().startsWith(OWN_HEADER_PREFIX)));
  for (const key of ownNamespace) parts.headers.remove(key);
  const ours =
    receivedHeader({ session, hostname: ctx.config.hostname, queueId: extra.queueId, recipients: extra.recipients, now: extra.now }) +
    `${ctx.config.identity.traceHeader}: ${traceValue(extra.queueId, extra.identity, ctx.traceSecret)}\r\n` +
    // Gmail's feedback loop: ours unless the client set its own (an ESP's campaign ids are worth more than ours).
    (ctx.feedback && fieldValues(extra.header, 'Feedback-ID').length === 0 ? `Feedback-ID: ${ctx.feedback.feedbackId(extra.identity)}\r\n` : '') +
    [...(extra.decision.addHeaders ?? []), ...extra.added].map(([name, value]) => `${name}: ${value.replace(/[\r\n]+/g, ' ')}\r\n`).join('');
  return joinMessage(parts, Buffer.from(ours, 'utf8'));
}

export async function acceptMessage(ctx: AcceptContext, state: SessionState, session: SMTPServerSession, stream: SMTPServerDataStream): Promise<Reply> {
  const declared = session.envelope.mailFrom && session.envelope.mailFrom.args ? Number(session.envelope.mailFrom.args.SIZE) || 0 : 0;
  const data = await readData(stream, ctx.config.limits.maxMessageBytes, ctx.dataBudget, declared);
  try {
    return await judgeAndStore(ctx, state, session, data);
  } finally {
    data.release(); // stored or refused: its bytes are no longer ours to hold
  }
}

/** RFC 3463 4.3.1 "mail system full": the relay's bytes-in-flight budget, not the client, is the reason. */
export const NO_ROOM = '4.3.1 Insufficient system storage, try later';

async function judgeAndStore(ctx: AcceptContext, state: SessionState, session: SMTPServerSession, data: ReceivedData): Promise<Reply> {
  const log = ctx.logger.child({ listener: state.listener, sid: session.id, ip: session.remoteAddress });
  const refuse = (code: number, text: string, extra: Record<string, unknown> = {}): Reply => {
    log.info({ event: 'rejected', stage: 'data', code, reply: text, ...extra }, 'message refused');
    return { code, text };
  };
  const max = ctx.config.limits.maxMessageBytes;
  if (data.oversized) return refuse(552, `5.3.4 Message too big: the limit is ${max} bytes`, { size: data.size });
  if (data.overBudget) return refuse(452, NO_ROOM, { size: data.size, bytesInFlight: ctx.dataBudget.used() });
  if (data.defect) return refuse(550, defectReply(data.defect), { defect: data.defect });
  const origin = state.origin;
  // onMailFrom refused the transaction without an origin; this only guards against a change there.
  if (!origin || !session.envelope.mailFrom) return refuse(503, '5.5.1 No valid sender');

  const now = ctx.clock();
  const mailFrom = session.envelope.mailFrom.address;
  const recipients = session.envelope.rcptTo.map((r) => r.address);
  const header = messageHeader(data.raw);
  const parts = splitMessage(data.raw);
  const account = await ctx.accounts.get(origin.account);
  if (account?.enforceDomains) {
    // Enforcement reads From:, so it must say one thing: two headers, two addresses or "a@b@c" would let a check
    // pass on one reading while the recipient's client displays another.
    const malformed = malformedFrom(fieldValues(header, 'From'));
    if (malformed) return refuse(550, `5.7.1 [MW-SENDER-DOMAIN] From: ${malformed}; one From: header with one address is required`);
  }
  if (account) {
    const bad = forbiddenSender(account, fromAddresses(fieldValues(header, 'From')));
    if (bad) return refuse(550, `5.7.1 [MW-SENDER-DOMAIN] From: <${bad}> is not in the domains allowed for account ${account.name}`);
  }

  // A bounce of mail we refused, quoting our refusal, goes to a sender that is usually forged: take it and drop it.
  const refusal = ctx.feedback?.backscatter(data.raw, mailFrom);
  if (refusal) {
    log.info({ event: 'backscatter-dropped', refusal }, 'bounce of a refused message dropped');
    return { code: 250, text: '2.0.0 Ok: dropped, a bounce of mail this relay refused' };
  }

  const identity = identifySender(origin, header, trustedSources(origin, ctx.sources, ctx.config.identity.trustHeadersOnSubmission));
  const msgCtx: MessageContext = { identity, clientIp: session.remoteAddress, authenticated: origin.via === 'auth', mailFrom, now, recipients, raw: data.raw };
  const messageDecision = await ctx.policy.checkMessage(msgCtx);
  const decision = state.senderDecision ? stricterDecision(state.senderDecision, messageDecision) : messageDecision;
  const queueId = newQueueId(now);
  const reply = decisionReply(decision, queueId);
  if (reply.kind === 'refuse') {
    ctx.policy.refused(msgCtx, decision, queueId);
    return refuse(reply.code, reply.text, { refusalId: queueId, account: identity.account, sub: identity.sub, verdict: decision.verdict });
  }

  const added = missingOriginFields(header, queueId, ctx.config.hostname, now);
  const raw = buildStoredMessage(ctx, session, parts, { queueId, header, recipients, identity, decision, added, now });
  const message: NewMessage = {
    id: queueId,
    receivedAt: now,
    identity,
    mailFrom,
    recipients,
    raw,
    clientIp: session.remoteAddress,
    heloName: session.hostNameAppearsAs || '',
    initialState: reply.state,
    smtpUtf8: Boolean(session.envelope.smtpUtf8) || [mailFrom, ...recipients].some((a) => NON_ASCII.test(a)),
    // RFC 6152: 8-bit content needs 8BITMIME from the next hop, whatever the client declared.
    eightBit: session.envelope.bodyType === '8bitmime' || !isAscii(data.raw),
    events: [
      { at: now, type: 'received', data: { clientIp: session.remoteAddress, helo: session.hostNameAppearsAs, listener: state.listener, tls: Boolean(session.secure), size: data.size, mailFrom, recipients, ...(added.length ? { addedHeaders: added.map(([name]) => name) } : {}) } },
      { at: now, type: 'identity', data: { ...identity } },
      { at: now, type: 'verdict', data: { verdict: decision.verdict, code: decision.code, reason: decision.reason, evidence: decision.evidence } },
      { at: now, type: reply.state === 'quarantined' ? 'quarantined' : 'queued', data: {} },
    ],
  };
  try {
    await ctx.store.enqueue(message);
  } catch (err) {
    log.error({ event: 'store-failed', queueId, err }, 'could not store the message');
    return refuse(451, TEMPORARY_FAILURE, { queueId });
  }
  ctx.policy.accepted(msgCtx, decision, queueId);
  log.info({ event: 'accepted', queueId, account: identity.account, sub: identity.sub, source: identity.source, state: reply.state, verdict: decision.verdict, size: raw.length, recipients: recipients.length }, 'message queued');
  return { code: 250, text: reply.text };
}
