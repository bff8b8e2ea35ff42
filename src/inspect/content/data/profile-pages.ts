// Where a company's own pages live on another platform: its profiles on the big social networks and its app's
// listing in the two app stores. Template footers link there ("follow us", "get the app") beside the company's site;
// nobody can put a login form or a payment page there.
/** Registrable domains whose every page is the platform's (profiles, posts). */
export const socialNetworkDomains: ReadonlySet<string> = new Set([
  'facebook.com', 'instagram.com', 'twitter.com', 'x.com', 'linkedin.com', 'youtube.com', 'tiktok.com', 'pinterest.com',
  'threads.net',
  'g.page', // Google Business Profile: a local business's "review us on Google" page
]);

/** Hosts of the app stores' listings (the rest of apple.com and google.com is not a profile page). */
export const appStoreHosts: ReadonlySet<string> = new Set(['apps.apple.com', 'itunes.apple.com', 'play.google.com']);
