// The front pages of the software that writes a business's mail: shop systems, site builders, ERPs and invoicing
// tools, forms and booking plugins, help desks, newsletters. Their templates sign off with a credit ("Built with
// WooCommerce", "Powered by Odoo", "Proudly powered by WordPress") linking to the vendor's front page. That page is
// the vendor's own: nobody publishes a login form or a payment page there. Only the front page counts: several of
// these vendors host their customers' pages and forms under paths of the same domain (a Jotform form, a GitLab
// project, an Eventbrite event), which are not theirs.
const vendorDomains: ReadonlySet<string> = new Set([
  // shops and site builders
  'woocommerce.com', 'wordpress.org', 'wordpress.com', 'shopify.com', 'magento.com', 'prestashop.com', 'shopware.com',
  'opencart.com', 'oscommerce.com', 'bigcommerce.com', 'ecwid.com', 'wix.com', 'squarespace.com', 'jimdo.com',
  'webflow.com', 'joomla.org', 'drupal.org', 'typo3.org', 'ghost.org', 'strato.de', 'ionos.com',
  // ERPs, invoicing and accounting
  'odoo.com', 'dolibarr.org', 'akaunting.com', 'invoiceninja.com', 'zoho.com', 'freshbooks.com', 'xero.com',
  'sage.com', 'lexoffice.de', 'sevdesk.de', 'billomat.com', 'debitoor.com', 'holded.com', 'factorial.co',
  // forms, booking and events
  'contactform7.com', 'wpforms.com', 'gravityforms.com', 'ninjaforms.com', 'formidableforms.com', 'jotform.com',
  'typeform.com', 'ameliabooking.com', 'booking-wp-plugin.com', 'simplybook.me', 'pretix.eu', 'eventbrite.com',
  'cal.com', 'acuityscheduling.com', 'setmore.com',
  // help desks, chat, CRM
  'zendesk.com', 'freshdesk.com', 'helpscout.com', 'intercom.com', 'hubspot.com', 'tidio.com', 'crisp.chat',
  'osticket.com', 'zammad.com', 'pipedrive.com',
  // newsletters and transactional e-mail
  'mailchimp.com', 'mailerlite.com', 'brevo.com', 'sendinblue.com', 'klaviyo.com', 'omnisend.com', 'getresponse.com',
  'activecampaign.com', 'convertkit.com', 'kit.com', 'beehiiv.com', 'substack.com', 'mailpoet.com', 'sendy.co',
  'postmarkapp.com', 'sendgrid.com', 'mailgun.com',
  // self-hosted tools whose notices carry their name
  'nextcloud.com', 'gitea.com', 'gitlab.com', 'github.com', 'discourse.org', 'moodle.org', 'matomo.org',
  'mautic.org', 'uptimerobot.com', 'uptime.kuma.pet', 'updraftplus.com', 'jetpack.com', 'wordfence.com',
  // reviews collected for the shop
  'trustpilot.com', 'judge.me', 'yotpo.com', 'reviews.io', 'feefo.com',
]);

/** The front page of such a vendor (its domain or www., path "/" or none; a campaign's query is allowed). */
export function isVendorFrontPage(host: string, url: string): boolean {
  const domain = host.startsWith('www.') ? host.slice(4) : host;
  if (!vendorDomains.has(domain)) return false;
  return FRONT_PAGE.test(url);
}

const FRONT_PAGE = /^https?:\/\/[^/?#]+\/?(?:[?#][^/]*)?$/i;
