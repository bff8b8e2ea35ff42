// The anchor text shows one domain and the link goes to another: the core trick of credential phishing.
import { getDomain } from 'tldts';
import type { ContentRule } from './rule.js';

const SHOWN_HOST = /^(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,24})(?:[/:?#]\S*)?$/i;

export const urlAnchorMismatch: ContentRule = {
  name: 'URL_ANCHOR_MISMATCH',
  score: 3.0,
  strength: 'evidence',
  description: 'link text shows one domain and the link goes to another',
  test(msg) {
    for (const link of msg.links) {
      if (!link.anchorText || !link.scheme.startsWith('http')) continue;
      const shownHost = SHOWN_HOST.exec(link.anchorText.trim())?.[1];
      const shown = shownHost ? getDomain(shownHost.toLowerCase()) : null;
      if (shown && shown !== link.domain) return `${shown} -> ${link.domain}`;
    }
    return false;
  },
};
