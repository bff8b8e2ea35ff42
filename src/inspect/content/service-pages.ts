// Whether a link leads to a well-known service's own pages (a file-sharing service, a brand's own domain, the front
// page of the software a business's mail is made with, a public authority's site) rather than to a page somebody
// published: no attacker's page sits behind such a link. A page anyone may publish on a brand's domain (a Google
// Sites page, a Google or Microsoft form, a free host's subdomain, a social-network page) is nobody's own page: that
// is where phishing collects passwords; nor is a service's redirector, which sends the reader on to whatever page its
// query names.
import { brandDomains } from './data/brands.js';
import { onFreeHosting } from './data/free-hosting.js';
import { onSharingService } from './data/sharing-services.js';
import { socialNetworkDomains } from './data/profile-pages.js';
import { isVendorFrontPage } from './data/software-vendors.js';
import { isPublicAuthoritySite } from './data/public-authorities.js';
import { redirectTarget } from './links.js';
import type { Link } from './urls.js';

export function isServicesOwnPage(link: Link): boolean {
  const own = isVendorFrontPage(link.host, link.url) || isPublicAuthoritySite(link.host, link.domain) || ((onSharingService(link.host) || brandDomains.has(link.domain)) && !userPublished(link));
  return own && redirectTarget(link) === null;
}

/** A page anyone may publish without owning the domain: a free host's page, a social network's page or group, a
 * form on a document service. */
function userPublished(link: Link): boolean {
  if (link.host === 'docs.google.com') return /^https?:\/\/docs\.google\.com\/forms\//i.test(link.url);
  return onFreeHosting(link.host) !== null || socialNetworkDomains.has(link.domain);
}
