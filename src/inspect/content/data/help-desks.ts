// Help-desk and ticketing platforms that answer customers' mail for a company (support@company.zendesk.com under a
// notice from no-reply@company.com): a Reply-To there keeps answers with the sender's own support team.
export const helpDeskDomains: ReadonlySet<string> = new Set([
  'zendesk.com', 'freshdesk.com', 'freshservice.com', 'helpscout.net', 'intercom-mail.com', 'intercom.io', 'zohodesk.com',
  'zohodesk.eu', 'kayako.com', 'gorgias.com', 'gorgias.io', 'happyfox.com', 'deskpro.com', 'groovehq.com', 'reamaze.com',
  'kustomerapp.com', 'helpshift.com', 'uservoice.com', 'supportbee.com', 'jitbit.com', 'atlassian.net', 'service-now.com',
  'hubspot-inbox.com', 'teamwork.com', 'liveagent.com', 'ladesk.com',
]);
