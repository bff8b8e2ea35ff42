// Links through a URL shortener hide the destination from the reader and from domain reputation. A mailing that
// offers an opt-out and sends every link through one, the opt-out too, hides even where its list is kept: a
// sender's real mailing links to its own site and unsubscribes at its list service (RFC 8058 asks for a link the
// receiver can act on), while a spam run's links stay short so that its pages can move from domain to domain. A
// message of images with every link shortened hides both what it says and where it leads: no honest sender needs
// either.
import { isShortLink } from '../data/shorteners.js';
import { clickLinks } from '../links.js';
import { isMapPage } from '../data/profile-pages.js';
import { isImageOnly } from './html-image-only.js';
import type { ContentMessage } from '../message.js';
import type { Link } from '../urls.js';
import type { ContentRule } from './rule.js';

const HIDDEN_MAILING_SCORE = 5;

// "unsubscribe" and its usual translations (de, fr, es, it, nl, pt), and "no longer wish to receive" these e-mails
const OPT_OUT = /unsubscribe|opt[\s-]?out|abmelden|abbestellen|désabonner|désinscri|darse\s+de\s+baja|cancelar\s+(?:la\s+|a\s+)?(?:suscripción|inscrição|assinatura)|disiscriv|annullare\s+l'iscrizione|afmelden|uitschrijven|descadastr|no\s+longer\s+(?:wish|like|want)\s+to\s+receive|remove\s+yourself\s+from|nicht\s+mehr\s+erhalten|ne\s+plus\s+recevoir|no\s+(?:desea|quiere)\s+recibir|non\s+(?:desideri|vuoi)\s+(?:più\s+)?ricevere|niet\s+langer\s+ontvangen|não\s+(?:deseja|quer)\s+(?:mais\s+)?receber/;

// A map's share link (maps.app.goo.gl, goo.gl/maps) leads to the map and nowhere else: it hides no destination.
const shortened = (l: Link) => isShortLink(l) && !isMapPage(l.host, l.url);

/** What hides behind a message whose every link is shortened: its opt-out or its words; null when neither. */
function everyLinkShortened(msg: ContentMessage): string | null {
  const links = clickLinks(msg);
  if (links.length < 2 || !links.every(shortened)) return null;
  if (OPT_OUT.test(msg.lower.own)) return `a mailing whose every link, the opt-out too, goes through ${links[0]!.domain}`;
  if (isImageOnly(msg)) return `a message of images whose every link goes through ${links[0]!.domain}`;
  return null;
}

export const urlShortener: ContentRule = {
  name: 'URL_SHORTENER',
  score: 1.5,
  strength: 'hint',
  description: 'links through a URL shortener',
  test: (msg) => {
    const hidden = everyLinkShortened(msg);
    if (hidden) return { score: HIDDEN_MAILING_SCORE, detail: hidden };
    return msg.links.find(shortened)?.domain ?? false;
  },
};
