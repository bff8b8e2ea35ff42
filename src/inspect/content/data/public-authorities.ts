// Public authorities' own sites: the regulators, registers and dispute bodies a business must name in its mail. A UK
// insurer or solicitor links to the FCA's or the SRA's register in its footer, a pharmacy to the GPhC's, an online shop
// in the EU to the Commission's dispute-resolution page (ec.europa.eu/consumers/odr). Government namespaces (.gov,
// .gov.uk, .europa.eu, .gouv.fr ...) are registered by public bodies only, and a regulator's register publishes
// nothing its subjects write: no attacker's page sits there.

/** Host suffixes reserved to public bodies. */
const governmentSuffixes = ['gov', 'gov.uk', 'europa.eu', 'gouv.fr', 'gob.es', 'gov.it', 'bund.de', 'admin.ch', 'gv.at', 'overheid.nl', 'gov.pt', 'gov.ie', 'gov.au', 'gc.ca'];

/** Regulators, ombudsmen and compensation schemes outside those namespaces (registrable domains). */
const regulatorDomains = new Set([
  'fca.org.uk', 'sra.org.uk', 'ico.org.uk', 'gphc.org.uk', 'financial-ombudsman.org.uk', 'fscs.org.uk',
  'ombudsman-services.org', 'bafin.de', 'amf-france.org', 'acpr.banque-france.fr', 'cnmv.es', 'consob.it', 'afm.nl',
  'dnb.nl', 'centralbank.ie', 'finma.ch', 'bundesnetzagentur.de',
]);

export function isPublicAuthoritySite(host: string, domain: string): boolean {
  if (regulatorDomains.has(domain)) return true;
  const h = host.toLowerCase();
  return governmentSuffixes.some((s) => h.endsWith('.' + s));
}
