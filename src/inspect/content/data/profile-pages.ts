// Where a company's own pages live on another platform: its profiles on the big social networks, its app's listing in
// the two app stores, its booking page and its place on the map. Template footers link there ("follow us", "get the
// app", "book a visit", "directions") beside the company's site; nobody can put a login form or a payment page there.
/** Registrable domains whose every page is the platform's (profiles, posts). */
export const socialNetworkDomains: ReadonlySet<string> = new Set([
  'facebook.com', 'instagram.com', 'twitter.com', 'x.com', 'linkedin.com', 'youtube.com', 'tiktok.com', 'pinterest.com',
  'threads.net',
  // Pinterest answers under the reader's country domain too, and footers link there
  'pinterest.de', 'pinterest.fr', 'pinterest.co.uk', 'pinterest.es', 'pinterest.it', 'pinterest.at', 'pinterest.ch',
  'pinterest.nl', 'pinterest.pt', 'pinterest.ca', 'pinterest.com.au', 'pinterest.com.mx', 'pinterest.se', 'pinterest.dk',
  'g.page', // Google Business Profile: a local business's "review us on Google" page
  'calendly.com', // a booking page: it asks for a name, an e-mail address and a time
  // a chat with whoever owns the number or the account ("chat with us on WhatsApp"): the owner's page, not the
  // messenger's own; the task and job scams send their readers there
  'wa.me', 't.me',
]);

/** Hosts of the app stores' listings (the rest of apple.com and google.com is not a profile page). */
export const appStoreHosts: ReadonlySet<string> = new Set(['apps.apple.com', 'itunes.apple.com', 'play.google.com']);

/** A map's page for a place or a route (directions in a local business's footer): Google's and Apple's maps. */
export function isMapPage(host: string, url: string): boolean {
  if (host === 'maps.google.com' || host === 'maps.app.goo.gl' || host === 'maps.apple.com') return true;
  return /^https?:\/\/(?:www\.)?(?:google\.[a-z.]+\/maps|goo\.gl\/maps)(?:[/?]|$)/i.test(url);
}
