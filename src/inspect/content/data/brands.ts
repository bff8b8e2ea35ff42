// Brands most often impersonated in phishing (per the public APWG and vendor phishing reports, and the national
// parcel services, banks and exchanges that European phishing names), each with the registrable domains it really
// uses. A brand named by a message whose links or sender address go elsewhere is the core trick of phishing.
import { byFirstLetter } from './by-first-letter.js';

export interface Brand {
  /** Lower-case name matched on word boundaries. */
  name: string;
  domains: string[];
  /**
   * The name is also an everyday word ("apple", "chase", "office", "ups"): it then counts only in a display name,
   * where a person's or company's name stands, not in a subject or link text.
   */
  commonWord?: boolean;
}

const microsoft = ['microsoft.com', 'office.com', 'outlook.com', 'live.com', 'microsoftonline.com', 'office365.com', 'sharepoint.com', 'onedrive.com', 'microsoft365.com', 'azure.com', 'msn.com', 'hotmail.com'];

export const brands: Brand[] = [
  { name: 'paypal', domains: ['paypal.com', 'paypal.co.uk', 'paypal.de', 'paypal.fr', 'paypal.me', 'paypalobjects.com'] },
  { name: 'apple', domains: ['apple.com', 'icloud.com', 'itunes.com', 'apple.news'], commonWord: true },
  { name: 'apple id', domains: ['apple.com', 'icloud.com'] },
  { name: 'icloud', domains: ['apple.com', 'icloud.com'] },
  { name: 'microsoft', domains: microsoft },
  { name: 'microsoft 365', domains: microsoft },
  { name: 'office 365', domains: microsoft },
  { name: 'sharepoint', domains: microsoft },
  { name: 'onedrive', domains: microsoft },
  { name: 'outlook', domains: microsoft, commonWord: true },
  { name: 'outlook web app', domains: microsoft },
  { name: 'amazon', domains: ['amazon.com', 'amazon.co.uk', 'amazon.de', 'amazon.fr', 'amazon.es', 'amazon.it', 'amazon.nl', 'amazonses.com', 'amzn.to', 'primevideo.com'] },
  { name: 'netflix', domains: ['netflix.com'] },
  { name: 'google', domains: ['google.com', 'gmail.com', 'youtube.com', 'goo.gl', 'googleusercontent.com'] },
  { name: 'facebook', domains: ['facebook.com', 'facebookmail.com', 'meta.com', 'fb.com', 'fb.me'] },
  { name: 'instagram', domains: ['instagram.com', 'facebookmail.com'] },
  { name: 'whatsapp', domains: ['whatsapp.com', 'wa.me'] },
  { name: 'linkedin', domains: ['linkedin.com', 'lnkd.in'] },
  { name: 'docusign', domains: ['docusign.com', 'docusign.net'] },
  { name: 'dropbox', domains: ['dropbox.com', 'dropboxmail.com', 'dropboxusercontent.com'] }, // the last serves shared files' downloads
  { name: 'wetransfer', domains: ['wetransfer.com', 'we.tl'] },
  // developers' accounts, tokens and repositories ("security vulnerability detected in your repository"); github.io
  // is not among its domains: anyone publishes there (data/free-hosting.ts)
  { name: 'github', domains: ['github.com', 'githubusercontent.com', 'githubassets.com', 'github.blog', 'githubstatus.com', 'github.dev'] },
  { name: 'adobe', domains: ['adobe.com', 'adobesign.com'] },
  { name: 'dhl', domains: ['dhl.com', 'dhl.de', 'dhl.nl', 'dhl.fr', 'dhl.es', 'dhl.it', 'dhl.pt', 'deutschepost.de'] },
  { name: 'fedex', domains: ['fedex.com'] },
  { name: 'ups', domains: ['ups.com'], commonWord: true },
  { name: 'usps', domains: ['usps.com', 'usps.gov'] },
  { name: 'royal mail', domains: ['royalmail.com'] },
  { name: 'la poste', domains: ['laposte.fr', 'laposte.net'] },
  { name: 'colissimo', domains: ['laposte.fr', 'colissimo.fr'] },
  { name: 'correos', domains: ['correos.es'] },
  { name: 'poste italiane', domains: ['poste.it', 'posteitaliane.it'] },
  { name: 'postnl', domains: ['postnl.nl'] },
  { name: 'ctt', domains: ['ctt.pt'] },
  // toll operators, whose "unpaid toll" texts and mails are a lure of their own
  { name: 'via verde', domains: ['viaverde.pt'] },
  { name: 'e-zpass', domains: ['e-zpassny.com', 'ezpassnj.com', 'e-zpassiag.com'] },
  { name: 'dpd', domains: ['dpd.com', 'dpd.de', 'dpd.co.uk', 'dpd.fr', 'dpd.nl', 'dpd.be', 'dpd.at'] },
  { name: 'gls', domains: ['gls-group.com', 'gls-group.eu', 'gls-pakete.de'] },
  { name: 'evri', domains: ['evri.com'] },
  // Central European and Nordic carriers, whose "pay the surcharge" lures run in Polish, Czech and Swedish. (Names
  // whose domain label is an everyday word, such as Swiss Post's "post" or ZUS's "zus", are left out: every domain
  // with that word between hyphens would read as a lookalike.)
  { name: 'inpost', domains: ['inpost.pl', 'inpost.eu', 'inpost.co.uk', 'inpost.it', 'inpost.es', 'inpost.fr'] },
  { name: 'poczta polska', domains: ['poczta-polska.pl', 'pocztapolska.pl', 'envelo.pl'] },
  { name: 'česká pošta', domains: ['ceskaposta.cz', 'postaonline.cz'] },
  { name: 'zásilkovna', domains: ['zasilkovna.cz', 'packeta.com'] },
  { name: 'packeta', domains: ['packeta.com', 'zasilkovna.cz'] },
  { name: 'postnord', domains: ['postnord.se', 'postnord.dk', 'postnord.com', 'postnord.no', 'postnord.fi'] },
  { name: 'bpost', domains: ['bpost.be'] },
  { name: 'an post', domains: ['anpost.com', 'anpost.ie'] },
  // the UK's high-street banks, whose "activate your card check" and "new payee" lures run in English and German
  { name: 'barclays', domains: ['barclays.co.uk', 'barclays.com', 'barclays.de', 'barclaycard.co.uk', 'barclaycard.de'] },
  { name: 'hsbc', domains: ['hsbc.co.uk', 'hsbc.com', 'hsbc.de', 'hsbc.fr'] },
  { name: 'lloyds bank', domains: ['lloydsbank.com', 'lloydsbank.co.uk', 'lloydsbankinggroup.com'] },
  { name: 'natwest', domains: ['natwest.com', 'natwestgroup.com'] },
  { name: 'halifax', domains: ['halifax.co.uk', 'halifax-online.co.uk'], commonWord: true },
  { name: 'nationwide', domains: ['nationwide.co.uk', 'nationwide.com'], commonWord: true },
  { name: 'monzo', domains: ['monzo.com'] },
  { name: 'revolut', domains: ['revolut.com'] },
  { name: 'wells fargo', domains: ['wellsfargo.com'] },
  { name: 'bank of america', domains: ['bankofamerica.com', 'bofa.com'] },
  { name: 'chase', domains: ['chase.com', 'jpmorgan.com'], commonWord: true },
  { name: 'citibank', domains: ['citi.com', 'citibank.com'] },
  { name: 'american express', domains: ['americanexpress.com', 'aexp.com'] },
  { name: 'sparkasse', domains: ['sparkasse.de'] },
  { name: 'commerzbank', domains: ['commerzbank.de'] },
  { name: 'deutsche bank', domains: ['deutsche-bank.de', 'db.com'] },
  { name: 'ing', domains: ['ing.nl', 'ing.de', 'ing.com', 'ing.es', 'ing.it'], commonWord: true },
  { name: 'rabobank', domains: ['rabobank.nl', 'rabobank.com'] },
  { name: 'santander', domains: ['santander.com', 'santander.es', 'santander.de', 'santander.co.uk'] },
  { name: 'bbva', domains: ['bbva.es', 'bbva.com'] },
  { name: 'intesa sanpaolo', domains: ['intesasanpaolo.com'] },
  { name: 'millennium bcp', domains: ['millenniumbcp.pt'] },
  { name: 'pko bp', domains: ['pkobp.pl', 'ipko.pl'] },
  { name: 'mbank', domains: ['mbank.pl', 'mbank.cz', 'mbank.sk'] },
  { name: 'pekao', domains: ['pekao.com.pl'] },
  { name: 'česká spořitelna', domains: ['csas.cz', 'servis24.cz'] },
  { name: 'čsob', domains: ['csob.cz', 'csob.sk'] },
  { name: 'komerční banka', domains: ['kb.cz'] },
  { name: 'swedbank', domains: ['swedbank.se', 'swedbank.com', 'swedbank.lt', 'swedbank.lv', 'swedbank.ee'] },
  { name: 'handelsbanken', domains: ['handelsbanken.se', 'handelsbanken.com', 'handelsbanken.co.uk'] },
  { name: 'nordea', domains: ['nordea.se', 'nordea.com', 'nordea.fi', 'nordea.dk', 'nordea.no'] },
  { name: 'bankid', domains: ['bankid.com', 'bankid.no'] },
  { name: 'vinted', domains: ['vinted.com', 'vinted.fr', 'vinted.de', 'vinted.pl', 'vinted.cz', 'vinted.es', 'vinted.it', 'vinted.nl', 'vinted.co.uk'] },
  { name: 'ebay', domains: ['ebay.com', 'ebay.co.uk', 'ebay.de', 'ebay.fr', 'ebay.es', 'ebay.it'] },
  { name: 'irs', domains: ['irs.gov'] },
  // Tax offices, whose refunds and "irregular" tax numbers are a lure of their own.
  { name: 'hmrc', domains: ['hmrc.gov.uk', 'gov.uk'] },
  { name: 'receita federal', domains: ['gov.br'] },
  { name: 'agenzia delle entrate', domains: ['agenziaentrate.gov.it', 'agenziaentrate.it'] },
  { name: 'agencia tributaria', domains: ['agenciatributaria.gob.es', 'agenciatributaria.es'] },
  { name: 'belastingdienst', domains: ['belastingdienst.nl'] },
  { name: 'bundeszentralamt für steuern', domains: ['bzst.de'] },
  { name: 'portal das finanças', domains: ['portaldasfinancas.gov.pt'] },
  { name: 'skatteverket', domains: ['skatteverket.se'] },
  { name: 'finanční správa', domains: ['financnisprava.cz', 'mfcr.cz'] },
  { name: 'elster', domains: ['elster.de'] },
  { name: 'autoridade tributária', domains: ['portaldasfinancas.gov.pt'] },
  // Social-security, health-insurance and identity agencies, whose refunds, benefits and "update your details"
  // notices European phishing signs with as often as with the tax offices'.
  { name: 'inps', domains: ['inps.it'] },
  { name: 'ameli', domains: ['ameli.fr'] },
  { name: 'assurance maladie', domains: ['ameli.fr'] },
  { name: 'digid', domains: ['digid.nl'] },
  { name: 'uwv', domains: ['uwv.nl'] },
  { name: 'seguridad social', domains: ['seg-social.es'] },
  { name: 'segurança social', domains: ['seg-social.pt'] },
  { name: 'deutsche rentenversicherung', domains: ['deutsche-rentenversicherung.de'] },
  { name: 'social security administration', domains: ['ssa.gov'] },
  { name: 'coinbase', domains: ['coinbase.com'] },
  { name: 'binance', domains: ['binance.com'] },
  { name: 'metamask', domains: ['metamask.io'] },
  { name: 'ledger', domains: ['ledger.com'], commonWord: true },
  { name: 'trust wallet', domains: ['trustwallet.com'] },
  { name: 'ripple', domains: ['ripple.com', 'xrpl.org'], commonWord: true },
  { name: 'bitpanda', domains: ['bitpanda.com'] },
  { name: 'trezor', domains: ['trezor.io'] },
  { name: 'opensea', domains: ['opensea.io'] },
  { name: 'spotify', domains: ['spotify.com'] },
  // Brazil's banks, post, loyalty and shopping names, which Brazilian phishing signs with most.
  { name: 'bradesco', domains: ['bradesco.com.br', 'bradescoseguros.com.br'] },
  { name: 'itaú', domains: ['itau.com.br'] },
  { name: 'itau', domains: ['itau.com.br'] },
  { name: 'banco do brasil', domains: ['bb.com.br'] },
  { name: 'ourocard', domains: ['bb.com.br'] }, // Banco do Brasil's cards
  { name: 'caixa', domains: ['caixa.gov.br'], commonWord: true },
  { name: 'nubank', domains: ['nubank.com.br', 'nu.com.br'] },
  { name: 'correios', domains: ['correios.com.br'] },
  { name: 'livelo', domains: ['livelo.com.br'] },
  { name: 'mercado livre', domains: ['mercadolivre.com.br', 'mercadolibre.com'] },
  { name: 'mercado pago', domains: ['mercadopago.com', 'mercadopago.com.br'] },
  { name: 'mercado libre', domains: ['mercadolibre.com', 'mercadolivre.com.br'] },
  // Retailers and carriers whose names the fake reward and survey mail of North America signs with.
  { name: 'costco', domains: ['costco.com', 'costco.ca'] },
  { name: 'walmart', domains: ['walmart.com', 'walmart.ca'] },
  { name: 'home depot', domains: ['homedepot.com'] },
  { name: 'verizon', domains: ['verizon.com', 'verizonwireless.com'] },
  { name: 't-mobile', domains: ['t-mobile.com'] },
  // ... and the supermarkets of Europe's fake prize and survey mail.
  { name: 'carrefour', domains: ['carrefour.fr', 'carrefour.com', 'carrefour.es', 'carrefour.it'] },
  { name: 'adac', domains: ['adac.de'] },
  { name: 'techniker krankenkasse', domains: ['tk.de'] },
  { name: 'barmer', domains: ['barmer.de'] },
  { name: 'aok', domains: ['aok.de'] },
  { name: 'deutsche bahn', domains: ['bahn.de', 'deutschebahn.com'] },
  { name: 'telekom', domains: ['telekom.de', 'telekom.com', 't-online.de'] },
  { name: 'lindt', domains: ['lindt.com', 'lindt.de', 'lindt.ch', 'lindt.co.uk', 'lindtusa.com'] },
  { name: 'ferrero', domains: ['ferrero.com', 'ferrero.de', 'ferrero.it', 'ferrero.fr'] },
  { name: 'verkade', domains: ['verkade.nl', 'verkade.com'] },
  { name: 'lidl', domains: ['lidl.com', 'lidl.de', 'lidl.fr', 'lidl.es', 'lidl.it', 'lidl.nl', 'lidl.pt', 'lidl.co.uk'] },
  { name: 'aldi', domains: ['aldi.com', 'aldi-sued.de', 'aldi-nord.de', 'aldi.co.uk', 'aldi.us', 'aldi.nl', 'aldi.es', 'aldi.it', 'aldi.pt', 'aldi.fr'] },
  { name: 'kaufland', domains: ['kaufland.de', 'kaufland.com'] },
  { name: 'rewe', domains: ['rewe.de', 'rewe-group.com'] },
  { name: 'edeka', domains: ['edeka.de', 'edeka24.de'] },
  { name: 'rossmann', domains: ['rossmann.de'] },
  { name: 'fressnapf', domains: ['fressnapf.de', 'fressnapf.com'] },
  { name: 'albert heijn', domains: ['ah.nl', 'ah.be', 'albertheijn.nl'] },
  { name: 'kruidvat', domains: ['kruidvat.nl', 'kruidvat.be'] },
  { name: 'mercadona', domains: ['mercadona.es', 'mercadona.com'] },
  { name: 'el corte ingles', domains: ['elcorteingles.es'] },
  { name: 'esselunga', domains: ['esselunga.it'] },
  { name: 'pingo doce', domains: ['pingodoce.pt'] },
  { name: 'auchan', domains: ['auchan.fr', 'auchan.pt', 'auchan.com'] },
  { name: 'leroy merlin', domains: ['leroymerlin.fr', 'leroymerlin.es', 'leroymerlin.it', 'leroymerlin.pt'] },
  { name: 'tesco', domains: ['tesco.com', 'tesco.ie'] },
  { name: 'ikea', domains: ['ikea.com'] },
  { name: 'decathlon', domains: ['decathlon.com', 'decathlon.de', 'decathlon.fr', 'decathlon.es', 'decathlon.it', 'decathlon.nl', 'decathlon.pt', 'decathlon.co.uk'] },
  { name: 'media markt', domains: ['mediamarkt.de', 'mediamarkt.nl', 'mediamarkt.es', 'mediamarkt.com'] },
  { name: 'zalando', domains: ['zalando.de', 'zalando.com', 'zalando.fr', 'zalando.nl', 'zalando.it', 'zalando.es', 'zalando.co.uk'] },
  // ... and the online shops and luxury names of the fake-reward and fake-outlet mail of the 2020s.
  { name: 'temu', domains: ['temu.com'] },
  { name: 'shein', domains: ['shein.com', 'shein.co.uk'] },
  { name: 'aliexpress', domains: ['aliexpress.com', 'aliexpress.us', 'alibaba.com'] },
  { name: 'louis vuitton', domains: ['louisvuitton.com'] },
  { name: 'sephora', domains: ['sephora.com', 'sephora.fr', 'sephora.de', 'sephora.es', 'sephora.it'] },
  { name: 'dyson', domains: ['dyson.com', 'dyson.co.uk', 'dyson.de', 'dyson.fr'] },
  { name: 'dewalt', domains: ['dewalt.com'] },
  { name: 'walgreens', domains: ['walgreens.com'] },
  { name: 'kroger', domains: ['kroger.com'] },
  { name: 'starbucks', domains: ['starbucks.com'] },
  // car makers, the first prize of the fake "final draw" surveys ("Mercedes" alone is also a given name)
  { name: 'mercedes benz', domains: ['mercedes-benz.com', 'mercedes-benz.de', 'mercedes-benz.co.uk', 'mbusa.com'] },
  { name: 'bmw', domains: ['bmw.com', 'bmw.de', 'bmwusa.com', 'bmw.co.uk', 'bmw.fr'] },
  { name: 'audi', domains: ['audi.com', 'audi.de', 'audiusa.com', 'audi.co.uk'] },
  { name: 'volkswagen', domains: ['volkswagen.com', 'volkswagen.de', 'vw.com', 'volkswagen.co.uk'] },
  { name: 'porsche', domains: ['porsche.com', 'porsche.de'] },
  // The names callback phishing ("your subscription was renewed, call to cancel") signs with most often.
  { name: 'norton', domains: ['norton.com', 'nortonlifelock.com', 'gen.com'] },
  { name: 'mcafee', domains: ['mcafee.com'] },
  { name: 'geek squad', domains: ['geeksquad.com', 'bestbuy.com'] },
  { name: 'best buy', domains: ['bestbuy.com'] },
];

/**
 * A search for the first brand of `list`, in the list's order, that a text names. `spelling(b)` is the brand's name as
 * a pattern reads it, its words joined by what `edges.between` allows (any spacing, or dots and hyphens too), between
 * `edges.before` and `edges.after`. One expression of every name, grouped by first letter (by-first-letter.ts), reads
 * the text once: a test per brand read a message's text 170 times, a third of all the content rules' time on a 4 KB
 * message (336 µs against 13). Names that match at one place share their first letter, and a letter's group keeps the
 * list's order, so at every place the earliest-listed name wins, as the tests one by one would have found.
 */
export function brandFinder(
  list: readonly Brand[],
  spelling: (b: Brand) => string,
  edges: { before: string; between: string; after: string; flags: string },
): (text: string) => Brand | undefined {
  const search = new RegExp(`${edges.before}(?:${byFirstLetter(list.map((b) => spelling(b).replace(/ /g, edges.between)))})${edges.after}`, `g${edges.flags}`);
  // A match and the name it is of, alike once lower-cased without what may stand between the words.
  const joiner = new RegExp(edges.between, 'g');
  const key = (text: string) => text.toLowerCase().replace(joiner, '');
  const byKey = new Map<string, number>();
  list.forEach((b, i) => { if (!byKey.has(key(spelling(b)))) byKey.set(key(spelling(b)), i); });
  return (text) => {
    let first = list.length;
    search.lastIndex = 0;
    for (let m = search.exec(text); m && first > 0; m = search.exec(text)) first = Math.min(first, byKey.get(key(m[0])) ?? first);
    return list[first];
  };
}

/** How a brand's name is matched: whole words only, any spacing between its words ("geek squad", "GeekSquad"), any case. */
const WHOLE_WORDS = { before: String.raw`(?<![\p{L}\p{N}])`, between: String.raw`\s*`, after: String.raw`(?![\p{L}\p{N}])`, flags: 'iu' };

/** The brand's name as a pattern source (flags 'iu'). */
export function brandNamePattern(b: Brand): string {
  return WHOLE_WORDS.before + b.name.replace(/ /g, WHOLE_WORDS.between) + WHOLE_WORDS.after;
}

/** The first brand of `list` that a text names as brandNamePattern matches it (see brandFinder). */
export function brandNameFinder(list: readonly Brand[]): (text: string) => Brand | undefined {
  return brandFinder(list, (b) => b.name, WHOLE_WORDS);
}

/** Registrable domain labels of the brands (paypal, microsoftonline, dhl, ...), the originals that lookalikes copy. */
export const brandLabels: ReadonlyMap<string, Brand> = new Map(
  brands.flatMap((b) => b.domains.map((d) => [d.split('.')[0]!, b] as const)),
);

export const isBrandDomain = (brand: Brand, registrable: string) => brand.domains.includes(registrable);

/** Every registrable domain of the brands: a link there leads to the brand's own site. */
export const brandDomains: ReadonlySet<string> = new Set(brands.flatMap((b) => b.domains));
