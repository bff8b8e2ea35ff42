// data: and javascript: URIs in links or sources run or render content that no domain reputation can judge;
// mail clients block most of them, so only abusive senders write them.
import type { ContentRule } from './rule.js';

export const urlScriptScheme: ContentRule = {
  name: 'URL_DATA_OR_JAVASCRIPT',
  score: 4.0,
  strength: 'evidence',
  description: 'link or source with a data: or javascript: URI',
  test: (msg) => msg.links.find((l) => l.scheme === 'javascript' || (l.scheme === 'data' && !l.url.startsWith('data:image/')))?.scheme ?? false,
};
