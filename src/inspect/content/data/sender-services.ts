// Services a company sends its readers through without a domain of its own in the link. Both are the sender's as
// much as its website is: the company chose the destination and answers for it to the service.

/**
 * Shared click-tracking hosts of the e-mail services (SendGrid's u123.ct.sendgrid.net, Mailchimp's list-manage.com,
 * Constant Contact's rs6.net ...). A service rewrites every link of a campaign through its tracker, so a receipt sent
 * through it links "elsewhere" from its first line to its footer, and the link's text shows the shop's own address
 * while it goes to the tracker. Mostly the destination is recorded at the service, under the sender's account, and
 * cannot be read from the link; a phisher needs an account there (and the service closes it), not merely a hijacked
 * mailbox on this relay. Where the tracker writes the destination in its path (Postmark, Amazon SES), the link is
 * read as that destination (`trackedDestination` in urls.ts): an abused account's phishing leads where it says.
 * Services that let each customer track under its own domain (Mailgun's email.example.com, SendGrid's branded links)
 * are the sender's own site already.
 */
const clickTrackerSuffixes = new Set([
  'ct.sendgrid.net', 'list-manage.com', 'rs6.net', 'klclick.com', 'klclick1.com', 'klclick2.com', 'klclick3.com',
  'hubspotlinks.com', 'hs-sites.com', 'sendibt2.com', 'sendibt3.com', 'sendibm1.com', 'mjt.lu', 'createsend1.com',
  'cmail19.com', 'cmail20.com', 'pstmrk.it', 'awstrack.me', 'mandrillapp.com', 'mailchi.mp', 'mlsend.com',
  'emltrk.com', 'sparkpostmail.com', 'spgo.io', 'mailerlite.com', 'convertkit-mail.com', 'ck.page', 'substack.com',
  // ActiveCampaign's shared trackers (its customers' own pages are under activehosted.com, below)
  'acemlna.com', 'acemlnb.com', 'acemlnc.com', 'acemlnd.com',
]);

/** Whether a link's host is an e-mail service's shared click tracker. */
export function isClickTracker(host: string): boolean {
  return suffixIn(host.toLowerCase(), clickTrackerSuffixes) !== null;
}

/**
 * Platforms that give each customer company pages under its own name: a status page (brightlane.statuspage.io), a
 * help centre (kettleandco.zendesk.com), a shop (kettleandco.myshopify.com), product documentation, the billing
 * portal of a subscription service (quillmetric.chargebeeportal.com, where a "payment failed" notice sends the
 * customer to update the card), a course on a learning platform. A link to the sender's own name there is the
 * sender's page; another name there is somebody else's.
 */
const customerPagePlatforms = new Set([
  'statuspage.io', 'instatus.com', 'betteruptime.com', 'zendesk.com', 'freshdesk.com', 'helpscoutdocs.com',
  'intercom.help', 'zohodesk.com', 'zohodesk.eu', 'atlassian.net',
  // more help centres and desks a receipt's "Questions? Visit our help center" links to
  'helpjuice.com', 'document360.io', 'helpdocs.io', 'crisp.help', 'tawk.help', 'gorgias.help', 'freshservice.com',
  'kayako.com', 'happyfox.com', 'ladesk.com', 'myshopify.com', 'gitbook.io', 'readme.io',
  'readthedocs.io', 'teachable.com', 'thinkific.com', 'kajabi.com', 'bigcartel.com', 'activehosted.com',
  'chargebeeportal.com', 'chargebee.com', 'recurly.com', 'chargifypay.com', 'chargify.com', 'invoiced.com',
  'onfastspring.com', 'lemonsqueezy.com', 'memberful.com',
  // learning platforms a school or a training company runs its courses on (bytownu.brightspace.com, a university's
  // Canvas at its own name under instructure.com): an enrolment notice sends the student there
  'brightspace.com', 'instructure.com', 'moodlecloud.com', 'talentlms.com', 'learnworlds.com', 'docebosaas.com',
]);

/**
 * Platforms that give each customer its pages under a path of its name instead of a host: Intercom's help centres
 * (intercom.help/kettleandco/en/), which a receipt's "Questions? Visit our help center" links to.
 */
const customerPathPlatforms = new Set(['intercom.help']);

/**
 * Whether a link is a page under the sender's organisation name (`label`) on such a platform: in its host
 * (kettleandco.zendesk.com), or in its path's first segment on a platform that names customers there.
 */
export function isCustomerPageOf(host: string, url: string, label: string): boolean {
  const h = host.toLowerCase();
  const sameName = (name: string) => name.replace(/-/g, '') === label.replace(/-/g, '');
  if (customerPathPlatforms.has(h)) return sameName(FIRST_PATH_SEGMENT.exec(url)?.[1]?.toLowerCase() ?? '');
  const platform = suffixIn(h, customerPagePlatforms);
  if (platform === null || platform === h) return false;
  return sameName(h.slice(0, -platform.length - 1).split('.').pop()!);
}

const FIRST_PATH_SEGMENT = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+\/([^/?#]+)/i;

/**
 * The entry of `suffixes` the host is, or ends with after a dot; null if none. Every link of every message asks
 * (through offSiteLinks, which most link rules call), so the host's own suffixes are looked up in the set, one lookup
 * per label, instead of testing every entry of a list.
 */
function suffixIn(host: string, suffixes: ReadonlySet<string>): string | null {
  for (let i = 0; ; ) {
    const suffix = host.slice(i);
    if (suffixes.has(suffix)) return suffix;
    const dot = host.indexOf('.', i);
    if (dot === -1) return null;
    i = dot + 1;
  }
}
