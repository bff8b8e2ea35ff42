// Query parameters that redirectors and click trackers use to carry the destination URL (google.com/url?q=,
// bing.com/ck/a?u=, ?redirect=, OAuth's post_logout_redirect_uri, ...). A destination on another registrable domain
// launders a link behind the redirector's reputation.
export const redirectParams = new Set([
  'url', 'u', 'q', 'redirect', 'redirect_uri', 'redirect_url', 'redirecturl', 'redir', 'goto', 'go', 'target', 'dest',
  'destination', 'link', 'next', 'return', 'returnurl', 'return_to', 'continue', 'to', 'out', 'r', 'rurl', 'forward',
  'post_logout_redirect_uri', 'service', 'ref_url', 'jump', 'navigate',
]);
