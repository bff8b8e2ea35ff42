// Hosted invoice and checkout pages of the payment and invoicing services small businesses bill through: "view and
// pay your invoice" linking here is how honest billing mail from a hosting customer looks (the shop or agency sends
// the mail, the payment provider hosts the page). Phishing from a hijacked mailbox links to pages the attacker
// controls instead; an attacker who bills through one of these services is answerable to it.
export const paymentPlatformHosts = new Set([
  'invoice.stripe.com', 'pay.stripe.com', 'checkout.stripe.com', 'billing.stripe.com', 'buy.stripe.com',
  'www.paypal.com', 'paypal.com', 'www.paypal.me', 'paypal.me', 'pay.paddle.com', 'checkout.paddle.com',
  'squareup.com', 'checkout.square.site', 'connect.intuit.com', 'in.xero.com', 'pay.gocardless.com',
  'app.mollie.com', 'pay.sumup.com', 'invoice.zoho.com', 'invoice.zoho.eu', 'checkout.chargebee.com',
  'billing.chargebee.com', 'app.recurly.com', 'my.freshbooks.com', 'pay.invoiced.com', 'checkout.shopify.com',
  // the services' own help pages, which a failed-payment notice points to ("why was my payment declined?")
  'support.stripe.com', 'stripe.com', 'www.stripe.com', 'www.paddle.com', 'help.mollie.com',
  // and the Direct Debit Guarantee, which the UK scheme's rules make every mandate confirmation show: at the
  // collecting service or at the scheme's own site
  'gocardless.com', 'www.gocardless.com', 'support.gocardless.com', 'www.directdebit.co.uk', 'directdebit.co.uk',
]);

/**
 * Invoicing, payment and booking services that send their customers' invoices and notices from their own domain under
 * the customer's name ("Ashby & Rowe" <messaging-service@post.xero.com>), answers going to the customer (Reply-To).
 * Registrable domains of the From address.
 */
export const billingSenderDomains = new Set([
  'xero.com', 'intuit.com', 'quickbooks.com', 'freshbooks.com', 'stripe.com', 'paypal.com', 'zoho.com', 'zoho.eu',
  'invoiced.com', 'chargebee.com', 'recurly.com', 'sage.com', 'waveapps.com', 'invoice2go.com', 'squareup.com',
  'paddle.com', 'gocardless.com', 'mollie.com', 'sumup.com', 'myob.com', 'bill.com', 'invoiceninja.com',
  'calendly.com', 'acuityscheduling.com', 'squarespace.com', 'shopify.com', 'docusign.net',
]);

/**
 * Booking and form services that notify their own user (the recipient: a site's owner, a calendar's owner) about a
 * person who booked or wrote, under the service's own name, with that person as the Reply-To so the user can answer
 * ("Calendly" <notifications@calendly.com>, Reply-To the invitee). Payment services are not among them: "PayPal"
 * answered at a free mailbox is an invoice scam's shape.
 */
export const notifyingPlatformDomains = new Set([
  'calendly.com', 'acuityscheduling.com', 'squarespace.info', 'squarespace.com', 'wix.com', 'typeform.com',
  'jotform.com', 'formspree.io', 'tally.so', 'cal.com', 'youcanbook.me', 'setmore.com', 'simplybook.me',
]);

/**
 * Public block explorers: a transaction's page there is its public record (read-only, nothing to sign in to or pay),
 * what an exchange's or wallet's deposit and withdrawal notices link to, as a carrier's notice links to its tracking
 * page. Registrable domains.
 */
export const blockExplorerDomains = new Set([
  'etherscan.io', 'bscscan.com', 'polygonscan.com', 'arbiscan.io', 'basescan.org', 'snowtrace.io', 'ftmscan.com',
  'tronscan.org', 'solscan.io', 'mempool.space', 'blockstream.info', 'blockchair.com', 'blockcypher.com',
  'xrpscan.com', 'cardanoscan.io', 'tonviewer.com', 'tonscan.org', 'btcscan.org',
]);
