// How a message opens: whom it greets, and with what. Two readings use it: a greeting by the reader's e-mail address
// (what mail to a list of harvested addresses does, `GREETING_BY_ADDRESS`) and a greeting by the name the To field
// gives the reader (what a sender who knows the reader does: a service writing to its customer, a person to a person).
import type { ContentMessage } from './message.js';

// Greetings as the languages the lure lists know, and the neighbouring ones honest notices come in, write them;
// lower case (the readers read the lower-cased text).
export const GREETING = String.raw`(?:hi|hello|hey|dear|greetings|hallo|moin|liebe[rs]?|sehr\s+geehrte[rs]?|guten\s+tag|bonjour|bonsoir|salut|cher|chère|hola|estimad[oa]|querid[oa]|ciao|salve|buongiorno|gentile|car[oa]|beste|geachte|hoi|olá|ola|oi|prezad[oa]|hej|hei|moi|witaj|dzień\s+dobry|szanown[ya]|vážen[ýá]|dobrý\s+den|ahoj|merhaba|sayın)`;

// Titles between the greeting and the name ("Dear Mrs Mitchell", "Sehr geehrter Herr Dr. Weber",
// "Geachte heer Jansen"), a couple's joined ("Dear Mr and Mrs Baxter", "Sehr geehrte Frau und Herr Weber").
const TITLES = String.raw`(?:(?:mr|mrs|ms|miss|mx|dr|prof|herr|frau|monsieur|madame|mademoiselle|m|mme|mlle|señor|señora|señorita|sr|sra|srta|don|doña|signor|signora|sig|sig\.ra|dott|dott\.ssa|pan|pani|panie|pane|paní|meneer|mevrouw|heer|de|senhor|senhora)\.?\s+(?:(?:and|&|und|et|y|e|en)\s+)?){0,4}`;

// A greeting and any titles right before a word ("dear mrs ", "sehr geehrter herr dr. ", "geachte heer ").
const GREETING_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])${GREETING}[\s,:]+${TITLES}$`, 'u');
const WORD = /\p{L}[\p{L}'’-]*/gu;
// Japanese and Korean put the honorific after the name ("田中 様", "김민수 님").
const HONORIFIC_AFTER = /^\s*(?:様|さま|さん|님)/u;

// The greeting opens the message; a preheader, a "view in browser" line or a logo's text may come before it. A name
// after a bare comma counts only nearer the top ("Thanks for another year, Laura"), where it addresses the reader.
const OPENING_CHARS = 1000;
const VOCATIVE_CHARS = 300;

/**
 * The message addresses its reader by the name the To field gives them: a word of the display name ("Karen
 * Mitchell") or a piece of a local part made of several ("karen.mitchell62@…"), after a greeting ("Dear Mrs
 * Mitchell", "Hej Karen"), before an honorific ("田中 様"), or as a vocative at the top ("Thanks for your order,
 * Karen", "Karen, your order has shipped"). A sender who writes to the reader by name knows them; a list of
 * harvested addresses holds no names, which is why kits greet by the address (or not at all).
 */
export function greetsReaderByName(msg: ContentMessage): boolean {
  const names = readerNames(msg);
  if (names.size === 0) return false;
  const opening = msg.lower.own.slice(0, OPENING_CHARS);
  for (const m of opening.matchAll(WORD)) {
    const word = m[0];
    if (!names.has(word)) continue;
    const after = opening.slice(m.index + word.length);
    // not the start of an address ("hi karen.mitchell62@…", which GREETING_BY_ADDRESS reads)
    if (/^(?:[\d@]|\.[\p{L}\d])/u.test(after)) continue;
    const before = opening.slice(Math.max(0, m.index - 60), m.index);
    if (GREETING_BEFORE.test(before) || HONORIFIC_AFTER.test(after)) return true;
    if (m.index < VOCATIVE_CHARS && (/,\s*$/.test(before) || (before.trim() === '' && /^\s*[,!]/.test(after)))) return true;
  }
  return false;
}

function readerNames(msg: ContentMessage): Set<string> {
  const names = new Set<string>();
  for (const to of msg.to) {
    for (const word of to.name.toLowerCase().split(/[^\p{L}'’-]+/u)) if (word.length >= 2) names.add(word);
    const pieces = to.address.slice(0, to.address.lastIndexOf('@')).toLowerCase().split(/[._-]+/);
    if (pieces.length < 2) continue;
    for (const piece of pieces) {
      const letters = piece.replace(/\d+$/, '');
      if (letters.length >= 2 && /^\p{L}+$/u.test(letters)) names.add(letters);
    }
  }
  return names;
}
