// Platforms where anyone publishes a page on a subdomain in minutes, without owning a domain: app and static-site
// hosts, cloud storage buckets and form builders. Honest businesses use them too, so a link here only corroborates
// other evidence; a credential page on one of them costs a phisher nothing and outlives any blocklist entry of
// their own domain.
export const freeHostingSuffixes = [
  'web.app', 'firebaseapp.com', 'pages.dev', 'workers.dev', 'r2.dev', 'azurewebsites.net', 'azureedge.net',
  'blob.core.windows.net', 'web.core.windows.net', 'storage.googleapis.com', 'appspot.com', 'netlify.app',
  'vercel.app', 'herokuapp.com', 'glitch.me', 'github.io', 'gitlab.io', 'onrender.com', 'fly.dev', 'replit.app',
  'repl.co', 'surge.sh', '000webhostapp.com', 'weebly.com', 'wixsite.com', 'webflow.io', 'square.site',
  'godaddysites.com', 'yolasite.com', 'jimdosite.com', 'blogspot.com', 'sites.google.com', 'forms.gle',
  'docs.google.com', 'forms.office.com', 'typeform.com', 'jotform.com', 'ipfs.io', 'dweb.link', 'cloudflare-ipfs.com',
  'ngrok.io', 'ngrok-free.app', 'trycloudflare.com', 's3.amazonaws.com', 'amplifyapp.com', 'codesandbox.io',
  'run.app', 'cloudfunctions.net', // Google Cloud Run and Cloud Functions: a deployed page gets a name there
  // Content delivery networks and object storage that give any customer's files a name of their own
  // (d1234abcd.cloudfront.net): a page linked there is published without a domain
  'cloudfront.net', 'digitaloceanspaces.com', 'linodeobjects.com', 'wasabisys.com', 'b-cdn.net',
];

/** Whether a host name is on one of those platforms (the suffix itself or a name below it). */
export function onFreeHosting(host: string): string | null {
  const h = host.toLowerCase();
  for (const suffix of freeHostingSuffixes) if (h === suffix || h.endsWith(`.${suffix}`)) return suffix;
  // Regional S3 endpoints: bucket.s3.eu-west-1.amazonaws.com, bucket.s3-website-us-east-1.amazonaws.com
  if (/\.s3[.-][a-z0-9-]+\.amazonaws\.com$/.test(h)) return 's3.amazonaws.com';
  return null;
}
