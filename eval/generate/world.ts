// The made-up hosting customers whose software sends the generated mail: small companies in seven languages, each
// with its own domain, shop software and staff, plus the people who receive their mail.
import type { Rand } from './random.js';

export type Lang = 'en' | 'de' | 'fr' | 'es' | 'it' | 'nl' | 'pt';

export interface Company {
  name: string;
  domain: string;
  lang: Lang;
  currency: string;
  city: string;
  street: string;
  /** What the company sells, for order lines. */
  products: string[];
}

export const companies: Company[] = [
  { name: 'Northwind Outdoor', domain: 'northwind-outdoor.com', lang: 'en', currency: 'USD', city: 'Portland, OR 97205', street: '1120 SW Morrison St', products: ['Trail Runner 2 shoes', 'Merino base layer', 'Ultralight tent 2P', 'Headlamp 400lm', 'Dry bag 20 L'] },
  { name: 'Bramble & Oak', domain: 'brambleandoak.co.uk', lang: 'en', currency: 'GBP', city: 'Bristol BS1 4DJ', street: '14 Park Row', products: ['Oak chopping board', 'Linen tea towel', 'Ceramic mug set', 'Beeswax candle'] },
  { name: 'Lindner Kaffeerösterei', domain: 'lindner-kaffee.de', lang: 'de', currency: 'EUR', city: '50667 Köln', street: 'Breite Straße 27', products: ['Espresso Milano 1 kg', 'Filterkaffee Hochland 500 g', 'Handmühle Classic', 'Probierset 4 × 250 g'] },
  { name: 'Zahnarztpraxis Dr. Brenner', domain: 'praxis-brenner.at', lang: 'de', currency: 'EUR', city: '1070 Wien', street: 'Neubaugasse 12', products: ['Prophylaxe', 'Kontrolle'] },
  { name: 'Atelier Moreau', domain: 'atelier-moreau.fr', lang: 'fr', currency: 'EUR', city: '69002 Lyon', street: '8 rue Mercière', products: ['Carnet en cuir', 'Stylo plume Lyon', 'Encre bleu nuit', 'Papier vergé A4'] },
  { name: 'Librería Solana', domain: 'libreriasolana.es', lang: 'es', currency: 'EUR', city: '41004 Sevilla', street: 'Calle Sierpes 45', products: ['Cien años de soledad', 'Cuaderno de viaje', 'Marcapáginas de piel', 'Atlas ilustrado'] },
  { name: 'Oleificio Bassani', domain: 'oliobassani.it', lang: 'it', currency: 'EUR', city: '37121 Verona', street: 'Via Mazzini 19', products: ['Olio extravergine 750 ml', 'Aceto balsamico IGP', 'Confezione regalo Garda', 'Tapenade di olive'] },
  { name: 'Fietsenmakerij De Wit', domain: 'dewitfietsen.nl', lang: 'nl', currency: 'EUR', city: '3511 Utrecht', street: 'Oudegracht 112', products: ['Fietsslot ART-2', 'Achterlicht LED', 'Binnenband 28 inch', 'Onderhoudsbeurt'] },
  { name: 'Casa Ribeiro Cerâmica', domain: 'casaribeiro.pt', lang: 'pt', currency: 'EUR', city: '4050-262 Porto', street: 'Rua das Flores 88', products: ['Prato azulejo', 'Caneca artesanal', 'Conjunto de taças', 'Jarra pintada à mão'] },
  { name: 'Brightlane Analytics', domain: 'brightlane.io', lang: 'en', currency: 'USD', city: 'Austin, TX 78701', street: '500 W 2nd St, Suite 1900', products: ['Team plan (monthly)', 'Business plan (annual)', 'Extra seats × 5'] },
  { name: 'Kettle & Crumb Bakery', domain: 'kettleandcrumb.com.au', lang: 'en', currency: 'AUD', city: 'Fitzroy VIC 3065', street: '212 Brunswick St', products: ['Sourdough loaf', 'Almond croissant × 6', 'Birthday cake (order)', 'Coffee beans 250 g'] },
  { name: 'Hotel Garni Alpenblick', domain: 'alpenblick-garni.ch', lang: 'de', currency: 'CHF', city: '3920 Zermatt', street: 'Bahnhofstrasse 31', products: ['Doppelzimmer Bergsicht', 'Frühstück'] },
];

const firstNames: Record<Lang, string[]> = {
  en: ['Emily', 'James', 'Olivia', 'Noah', 'Priya', 'Daniel', 'Grace', 'Samuel', 'Hannah', 'Marcus', 'Aisha', 'Tom'],
  de: ['Lena', 'Jonas', 'Sophie', 'Lukas', 'Marie', 'Felix', 'Anna', 'Paul', 'Katrin', 'Stefan', 'Jana', 'Mehmet'],
  fr: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Léa', 'Mathieu', 'Manon', 'Julien', 'Inès', 'Nicolas'],
  es: ['Lucía', 'Pablo', 'María', 'Javier', 'Carmen', 'Diego', 'Elena', 'Alejandro', 'Sofía', 'Raúl'],
  it: ['Giulia', 'Marco', 'Chiara', 'Luca', 'Francesca', 'Matteo', 'Sara', 'Davide', 'Elisa', 'Giorgio'],
  nl: ['Sanne', 'Daan', 'Emma', 'Thijs', 'Lotte', 'Bram', 'Fleur', 'Ruben', 'Anouk', 'Joris'],
  pt: ['Beatriz', 'João', 'Inês', 'Tiago', 'Mariana', 'Rui', 'Catarina', 'Pedro', 'Ana', 'Miguel'],
};

const lastNames: Record<Lang, string[]> = {
  en: ['Carter', 'Nguyen', 'Patel', 'Brooks', 'Walsh', 'Okafor', 'Reed', 'Fischer', 'Lambert', 'Hughes'],
  de: ['Schneider', 'Becker', 'Wagner', 'Hoffmann', 'Yilmaz', 'Krüger', 'Schulz', 'Neumann', 'Vogel', 'Berger'],
  fr: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Girard', 'Fontaine', 'Roussel', 'Mercier'],
  es: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Romero', 'Navarro', 'Ortega'],
  it: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci'],
  nl: ['de Vries', 'Jansen', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer'],
  pt: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa', 'Rodrigues', 'Martins'],
};

const mailboxDomains = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'gmx.de', 'web.de', 'orange.fr', 'libero.it', 'hotmail.es', 'ziggo.nl', 'sapo.pt', 'proton.me', 'fastmail.com', 'btinternet.com'];

export interface Person {
  first: string;
  last: string;
  email: string;
}

export function person(r: Rand, lang: Lang, domain?: string): Person {
  const first = r.pick(firstNames[lang]);
  const last = r.pick(lastNames[lang]);
  const local = `${ascii(first)}.${ascii(last)}`.toLowerCase().replace(/[^a-z.]/g, '') + (domain ? '' : r.chance(0.4) ? String(r.int(1, 99)) : '');
  return { first, last, email: `${local}@${domain ?? r.pick(mailboxDomains)}` };
}

export const fullName = (p: Person) => `${p.first} ${p.last}`;

/** Letters without diacritics, for mailbox names. */
export function ascii(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export function money(amount: number, c: Company): string {
  const n = amount.toFixed(2);
  switch (c.currency) {
    case 'USD': return `$${n}`;
    case 'AUD': return `A$${n}`;
    case 'GBP': return `£${n}`;
    case 'CHF': return `CHF ${n}`;
    default: return c.lang === 'en' ? `€${n}` : `${n.replace('.', ',')} €`;
  }
}

export function dateText(d: Date, lang: Lang): string {
  const locale = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', it: 'it-IT', nl: 'nl-NL', pt: 'pt-PT' }[lang];
  return d.toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** A token-like string of letters and digits, as in reset links and tracking numbers. */
export function token(r: Rand, length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[r.int(0, alphabet.length - 1)];
  return s;
}
