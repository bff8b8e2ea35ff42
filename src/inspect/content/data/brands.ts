// Brands most often impersonated in phishing (per the public APWG and vendor phishing reports), each with the
// registrable domains it really sends from. A display name naming the brand from any other domain is suspicious.
export interface Brand {
  /** Lower-case pattern matched on word boundaries in the display name. */
  name: string;
  domains: string[];
}

export const brands: Brand[] = [
  { name: 'paypal', domains: ['paypal.com', 'paypal.co.uk', 'paypal.de', 'paypal.fr'] },
  { name: 'apple', domains: ['apple.com', 'icloud.com', 'itunes.com'] },
  { name: 'icloud', domains: ['apple.com', 'icloud.com'] },
  { name: 'microsoft', domains: ['microsoft.com', 'office.com', 'outlook.com', 'live.com', 'microsoftonline.com'] },
  { name: 'office 365', domains: ['microsoft.com', 'office.com', 'office365.com'] },
  { name: 'outlook', domains: ['microsoft.com', 'outlook.com', 'office.com'] },
  { name: 'amazon', domains: ['amazon.com', 'amazon.co.uk', 'amazon.de', 'amazon.fr', 'amazonses.com'] },
  { name: 'netflix', domains: ['netflix.com'] },
  { name: 'google', domains: ['google.com', 'gmail.com', 'youtube.com'] },
  { name: 'facebook', domains: ['facebook.com', 'facebookmail.com', 'meta.com'] },
  { name: 'instagram', domains: ['instagram.com', 'facebookmail.com'] },
  { name: 'linkedin', domains: ['linkedin.com'] },
  { name: 'docusign', domains: ['docusign.com', 'docusign.net'] },
  { name: 'dropbox', domains: ['dropbox.com', 'dropboxmail.com'] },
  { name: 'dhl', domains: ['dhl.com', 'dhl.de'] },
  { name: 'fedex', domains: ['fedex.com'] },
  { name: 'ups', domains: ['ups.com'] },
  { name: 'usps', domains: ['usps.com', 'usps.gov'] },
  { name: 'wells fargo', domains: ['wellsfargo.com'] },
  { name: 'bank of america', domains: ['bankofamerica.com', 'bofa.com'] },
  { name: 'chase', domains: ['chase.com', 'jpmorgan.com'] },
  { name: 'citibank', domains: ['citi.com', 'citibank.com'] },
  { name: 'american express', domains: ['americanexpress.com', 'aexp.com'] },
  { name: 'ebay', domains: ['ebay.com', 'ebay.co.uk', 'ebay.de'] },
  { name: 'irs', domains: ['irs.gov'] },
  { name: 'coinbase', domains: ['coinbase.com'] },
  { name: 'binance', domains: ['binance.com'] },
  { name: 'adobe', domains: ['adobe.com'] },
  { name: 'wetransfer', domains: ['wetransfer.com'] },
];
