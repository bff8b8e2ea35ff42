// A link whose query carries a URL on another domain (google.com/url?q=https://evil.test/, ?redirect=...): an open
// redirector that launders the destination behind a reputable host. Redirects within one domain (a shop's own
// tracking) do not count, nor do those that lead back to the sender's own site: nothing is laundered when the
// destination is the sender's, and a newsletter's share buttons are such links ("facebook.com/sharer/sharer.php?u=
// https://shop.example/article").
import { clickLinks, isOwnSite, redirectTarget } from '../links.js';
import type { ContentRule } from './rule.js';

export const urlRedirect: ContentRule = {
  name: 'URL_REDIRECT',
  score: 2.0,
  strength: 'hint',
  description: 'a link goes through a redirector to another domain',
  test(msg) {
    for (const link of clickLinks(msg)) {
      const target = redirectTarget(link);
      if (target && !isOwnSite(target, msg)) return `${link.domain} sends on to ${target.domain}`;
    }
    return false;
  },
};
