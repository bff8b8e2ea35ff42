// A site's own notice carrying what a stranger typed as their name. A sign-up form, a password page or a contact
// form's auto-reply echoes the name a visitor gave ("Username: …", "Hi …,") to the address the visitor gave; spammers
// fill that field with their bait ("www.khulhc.blogspot.ro - 90966 EURO KUCOIN", "$5,000 waiting at www.…") and any
// stranger's address, so that an honest site's mail delivers it. The site's template links only to the site: no lure,
// no link elsewhere, nothing the other rules read. No one's name is a web address or a sum of money.
import { registrableDomain } from '../urls.js';
import { senderDomain } from '../links.js';
import { GREETING } from '../greeting.js';
import type { ContentRule } from './rule.js';

// Where notices print the name the reader signed up with, in the languages the lure lists know; lower case. A
// line of its own ("Username: …", "Nombre de usuario: …"), not a product's or a plan's "Name:", nor a "Login:" line,
// which is often the address of the page to sign in on. Found from the colon back: the label pattern tried at every
// position of every message cost more than the rest of the rule, and colons are few.
const NAME_LABEL = /^[ \t]*(?:user\s?name|login\s+name|benutzername|nutzername|nom\s+d'utilisateur|identifiant|nombre\s+de\s+usuario|usuario|nome\s+utente|gebruikersnaam|nome\s+de\s+usu[aá]rio|usu[aá]rio|nazwa\s+u[żz]ytkownika|u[žz]ivatelsk[ée]\s+jm[ée]no|anv[äa]ndarnamn)[ \t]*$/;
const LABEL_CHARS = 40;

/** The values of the lines "label: value" whose label names the reader's login. */
function* nameLines(text: string): Generator<string> {
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    // the line's start looked for only as far back as a label can reach (a long line of URLs has many colons)
    const before = text.slice(Math.max(0, colon - LABEL_CHARS - 1), colon);
    const newline = before.lastIndexOf('\n');
    if ((newline === -1 && colon > LABEL_CHARS) || !NAME_LABEL.test(before.slice(newline + 1))) continue;
    const end = text.indexOf('\n', colon);
    yield text.slice(colon + 1, end === -1 ? undefined : end).slice(0, 120);
  }
}

// ... or the greeting's name: what stands between the greeting and its comma on the first lines.
const GREETING_NAME = new RegExp(String.raw`(?:^|[^\p{L}])${GREETING}[ \t]+([^,\n]{1,120}),`, 'u');
const OPENING_CHARS = 600;

// A web address (with its scheme or "www.") or a sum of money (a currency sign or name beside digits).
const WEB_ADDRESS = /(?:https?:\/\/|\bwww\.)([a-z0-9.-]+\.[a-z]{2,})/i;
const MONEY = /(?:[$€£]\s?\d|\b\d[\d.,\s]*\s?(?:[$€£]|euros?|eur|usd|dollars?|btc|usdt|eth)\b)/i;

export const nameFieldBait: ContentRule = {
  name: 'NAME_FIELD_BAIT',
  score: 5.0,
  strength: 'evidence',
  description: "the name it greets or lists the reader by is a web address or a sum of money: a site's form filled with a spammer's bait",
  test(msg) {
    const own = senderDomain(msg);
    const bait = (name: string): string | null => {
      const web = WEB_ADDRESS.exec(name);
      // the site naming itself ("Hello and welcome to www.example-shop.com,") is no stranger's bait
      if (web && registrableDomain(web[1]!.toLowerCase()) !== own) return name.trim();
      return MONEY.test(name) ? name.trim() : null;
    };
    const text = msg.lower.own;
    for (const value of nameLines(text)) {
      const found = bait(value);
      if (found) return `"${found}"`;
    }
    // the greeting's pattern only where the opening holds something to find
    const opening = text.slice(0, OPENING_CHARS);
    if (!WEB_ADDRESS.test(opening) && !MONEY.test(opening)) return false;
    const greeting = GREETING_NAME.exec(opening);
    const found = greeting && bait(greeting[1]!);
    return found ? `"${found}"` : false;
  },
};
