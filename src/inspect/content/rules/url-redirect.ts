// A link whose query carries another absolute URL: an open redirector that launders the destination behind a
// reputable host (google.com/url?q=..., a tracker's ?url=...).
import type { ContentRule } from './rule.js';

const EMBEDDED_URL = /[?&][a-z_]*(?:url|redirect|redir|goto|target|dest|q|u|link)=(?:https?(?::|%3a)|%2f%2f|\/\/)/i;

export const urlRedirect: ContentRule = {
  name: 'URL_REDIRECT',
  score: 1.0,
  description: 'link goes through a redirector to another URL',
  test: (msg) => msg.links.find((l) => l.scheme.startsWith('http') && EMBEDDED_URL.test(l.url))?.domain ?? false,
};
