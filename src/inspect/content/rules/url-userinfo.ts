// http://trusted.example@evil.test/ shows a trusted name but goes to the host after '@' (RFC 3986 §3.2.1 userinfo).
import type { ContentRule } from './rule.js';

export const urlUserInfo: ContentRule = {
  name: 'URL_USERINFO',
  score: 2.0,
  strength: 'evidence',
  description: 'link hides its real host behind a user-info part (name@host)',
  test: (msg) => msg.links.find((l) => l.hasUserInfo && l.scheme.startsWith('http'))?.host ?? false,
};
