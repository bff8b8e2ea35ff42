// The end user's page, public on the admin listener at /u/<token>: what happened to their mail, what the relay saw
// (about their own sender identity only: never a recipient, another sender or a message's content), what to do,
// and a button to ask the provider for a review (recorded in the audit log, once per notice). Where the operator's
// policy allows it (`enduser.selfReinstate: lowRisk`), a suspended low-risk identity may also lift its suspension
// itself, once (actions.ts decides and audits). Rate-limited per client address.
import type { FastifyInstance } from 'fastify';
import { sendPage } from '../console/context.js';
import { html, type SafeHtml } from '../console/html.js';
import { document } from '../console/layout.js';
import type { Actions } from '../actions.js';
import type { Notice, Notices } from './notices.js';
import { createRateLimit } from './rate-limit.js';

/** Advice in plain words by refusal code; anything else gets the general advice. */
const ADVICE: Record<string, string[]> = {
  'MW-SUSPENDED': [
    'Change the password of the mailbox or account that sends this mail, and of any other account that uses the same password.',
    'Check the computers, phones and websites that send with this account for malware or a hacked script (a contact form, a plugin).',
    'When that is done, ask for a review below: your provider decides when sending is allowed again.',
  ],
  'MW-SPAM': [
    'The message itself looked like spam. If it is wanted mail, remove link shorteners, attachments with macros, and text that asks for passwords or payments.',
    'If you did not send it, change your password now: somebody else may be using your account.',
  ],
  'MW-RATE': [
    'You sent more mail in a short time than this account usually does. Your mail program will try again later by itself.',
    'If you need to send a newsletter or a large mailing, ask your provider for a higher limit.',
  ],
};
const SUSPENDED = 'MW-SUSPENDED';
const GENERAL = ['If you did not send this mail, change your password now.', 'If you think this is a mistake, ask for a review below.'];

/** What the page offers besides the advice, and the answer to the last thing the user did. */
interface PageState {
  done: string;
  error?: boolean;
  /** Whether the user may lift the suspension themselves now. */
  mayResume: boolean;
}

function noticePage(n: Notice, token: string, state: PageState): SafeHtml {
  const { done } = state;
  const what = n.verdict === 'defer' ? 'delayed' : 'refused';
  return document('About your mail', html`<main class="enduser"><h1>Your mail was ${what}</h1>
<p>On ${new Date(n.at).toUTCString()}, mail sent as <b>${n.identity}</b> was ${what} by your provider's mail relay.</p>
<p><b>Why:</b> ${n.reason}.</p>
${n.evidence.length ? html`<h2>What the relay noticed</h2><ul>${n.evidence.filter((e) => e.description).map((e) => html`<li>${e.description}</li>`)}</ul>` : ''}
<h2>What to do</h2><ol>${(ADVICE[n.code] ?? GENERAL).map((a) => html`<li>${a}</li>`)}</ol>
${state.mayResume ? html`<form method="post" action="/u/${token}/reinstate" class="panel"><p>Your provider allows a sender whose unusual sending has stopped to resume by itself, <b>once</b>. Do this only after the steps above.</p><button>Resume sending now</button></form>` : ''}
${done ? html`<div class="flash ${state.error ? 'error' : ''}">${done}</div>` : n.reviewRequestedAt ? html`<div class="flash">A review was asked for on ${new Date(n.reviewRequestedAt).toUTCString()}.</div>`
  : html`<form method="post" action="/u/${token}/review"><p><label>Anything your provider should know (optional)<br><textarea name="note" rows="3" cols="60" maxlength="1000"></textarea></label></p><button>Ask for a review</button></form>`}
<p class="muted">Reference: ${n.code}-${n.id}</p></main>`);
}

const problemPage = (title: string, text: string) => document(title, html`<main class="enduser"><h1>${title}</h1><p>${text}</p></main>`);

export function registerEndUserPage(app: FastifyInstance, opts: { notices: Notices; actions: Actions; maxRequestsPerMinute: number; clock: () => number }): void {
  const allowed = createRateLimit(opts.maxRequestsPerMinute, opts.clock);
  const mayResume = (n: Notice) => n.code === SUSPENDED && opts.actions.maySelfReinstate(n.identity);
  const open = (token: string, ip: string): { notice: Notice } | { status: number; page: SafeHtml } => {
    if (!allowed(ip)) return { status: 429, page: problemPage('Too many requests', 'Please wait a minute and try again.') };
    const r = opts.notices.open(token, opts.clock());
    if ('notice' in r) return r;
    return r.error === 'expired'
      ? { status: 410, page: problemPage('This link has expired', 'Send the mail again to get a fresh link, or contact your provider.') }
      : { status: 404, page: problemPage('Unknown link', 'This link is not valid. Check that it was copied whole.') };
  };

  app.get<{ Params: { token: string } }>('/u/:token', async (req, reply) => {
    const r = open(req.params.token, req.ip);
    return 'notice' in r ? sendPage(reply, noticePage(r.notice, req.params.token, { done: '', mayResume: mayResume(r.notice) })) : sendPage(reply, r.page, r.status);
  });

  app.post<{ Params: { token: string } }>('/u/:token/review', async (req, reply) => {
    const r = open(req.params.token, req.ip);
    if (!('notice' in r)) return sendPage(reply, r.page, r.status);
    const note = String((req.body as Record<string, unknown> | undefined)?.note ?? '').replace(/[\x00-\x09\x0b-\x1f\x7f]+/g, ' ').slice(0, 1000);
    if (opts.notices.requestReview(r.notice.id, opts.clock())) opts.actions.requestReview(r.notice.identity, note);
    return sendPage(reply, noticePage(r.notice, req.params.token, { done: 'Thank you: your provider has been asked to review this.', mayResume: mayResume(r.notice) }));
  });

  app.post<{ Params: { token: string } }>('/u/:token/reinstate', async (req, reply) => {
    const r = open(req.params.token, req.ip);
    if (!('notice' in r)) return sendPage(reply, r.page, r.status);
    if (r.notice.code !== SUSPENDED) return sendPage(reply, problemPage('Nothing to resume', 'This mail was not refused because of a suspension.'), 409);
    const result = opts.actions.selfReinstate(r.notice.identity);
    const state = result.ok
      ? { done: 'Sending is allowed again. This was your one self-service resume: if the sender is suspended again, your provider will review it.', mayResume: false }
      : { done: `Sending could not be resumed: ${result.why}.`, error: true, mayResume: false };
    return sendPage(reply, noticePage(r.notice, req.params.token, state), result.ok ? 200 : 409);
  });
}
