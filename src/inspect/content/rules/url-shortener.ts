// Links through a URL shortener hide the destination from the reader and from domain reputation.
import { shortenerDomains } from '../data/shorteners.js';
import type { ContentRule } from './rule.js';

export const urlShortener: ContentRule = {
  name: 'URL_SHORTENER',
  score: 1.5,
  strength: 'hint',
  description: 'links through a URL shortener',
  test: (msg) => msg.links.find((l) => shortenerDomains.has(l.domain))?.domain ?? false,
};
