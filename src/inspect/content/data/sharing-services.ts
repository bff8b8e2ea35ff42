// The hosts where people share files they keep with a file-sharing service: "I have shared a folder with you" with a
// link here is how honest sharing reads (the service sends its own notice from its own domain, a person's mail links
// to it). Phishing that leads through one of them (a shared PDF with a link to the real page) is left to the other
// signs.
const hosts = new Set([
  'drive.google.com', 'docs.google.com', 'dropbox.com', 'www.dropbox.com', '1drv.ms', 'onedrive.live.com',
  'app.box.com', 'box.com', 'wetransfer.com', 'we.tl', 'icloud.com', 'www.icloud.com',
]);

/** Whether a link host is a file-sharing service's own (SharePoint sites are each tenant's subdomain). */
export function onSharingService(host: string): boolean {
  const h = host.toLowerCase();
  return hosts.has(h) || h.endsWith('.sharepoint.com');
}
