// DKIM keys per sender domain, as files under dataDir/dkim/DOMAIN/: SELECTOR.pem (the private key, mode 0600) and
// `active` (the selector that signs). Rotation: a new key is generated beside the active one, published in DNS, then
// made active; the old one stays until removed, so mail signed with it in transit still verifies.
import { generateKeyPairSync, createPublicKey } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DkimKey {
  domain: string;
  selector: string;
  privateKey: string;
  active: boolean;
  createdAt: number;
}

const SELECTOR = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/;

export class DkimKeyError extends Error {}

export function dkimDir(dataDir: string): string {
  return join(dataDir, 'dkim');
}

/** The DNS TXT record that publishes a key: its name and its value (RFC 6376 §3.6.1). */
export function dnsRecord(key: Pick<DkimKey, 'domain' | 'selector' | 'privateKey'>): { name: string; value: string } {
  const spki = createPublicKey(key.privateKey).export({ type: 'spki', format: 'der' });
  return { name: `${key.selector}._domainkey.${key.domain}`, value: `v=DKIM1; k=rsa; p=${spki.toString('base64')}` };
}

function checkNames(domain: string, selector?: string): void {
  if (!DOMAIN.test(domain)) throw new DkimKeyError(`"${domain}" is not a domain name`);
  if (selector !== undefined && !SELECTOR.test(selector)) throw new DkimKeyError(`"${selector}" is not a valid selector (letters, digits, hyphens)`);
}

/** Make a key; the first key of a domain becomes active at once, a later one when `activate` is called. */
export function generateKey(dir: string, domain: string, selector: string, bits: number): DkimKey {
  domain = domain.toLowerCase();
  checkNames(domain, selector);
  if (bits < 1024 || bits > 4096) throw new DkimKeyError('--bits must be between 1024 and 4096 (RFC 8301: at least 1024, 2048 recommended)');
  const domainDir = join(dir, domain);
  const file = join(domainDir, `${selector}.pem`);
  if (existsSync(file)) throw new DkimKeyError(`a key with selector "${selector}" exists for ${domain}`);
  mkdirSync(domainDir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600); // the mode of a new file is also filtered by the umask
  const first = !existsSync(join(domainDir, 'active'));
  if (first) writeFileSync(join(domainDir, 'active'), `${selector}\n`);
  return { domain, selector, privateKey: pem, active: first, createdAt: statSync(file).mtimeMs };
}

function activeSelector(domainDir: string): string {
  return existsSync(join(domainDir, 'active')) ? readFileSync(join(domainDir, 'active'), 'utf8').trim() : '';
}

export function listKeys(dir: string, domain?: string): DkimKey[] {
  if (!existsSync(dir)) return [];
  const domains = domain ? [domain.toLowerCase()] : readdirSync(dir).sort();
  return domains.flatMap((d) => {
    const domainDir = join(dir, d);
    if (!existsSync(domainDir)) return [];
    const active = activeSelector(domainDir);
    return readdirSync(domainDir).filter((f) => f.endsWith('.pem')).sort().map((f) => {
      const selector = f.slice(0, -4);
      const file = join(domainDir, f);
      return { domain: d, selector, privateKey: readFileSync(file, 'utf8'), active: selector === active, createdAt: statSync(file).mtimeMs };
    });
  });
}

/** The key that signs a domain's mail, if it has one. */
export function activeKey(dir: string, domain: string): DkimKey | undefined {
  return listKeys(dir, domain).find((k) => k.active);
}

export function activateKey(dir: string, domain: string, selector: string): void {
  checkNames(domain, selector);
  if (!listKeys(dir, domain).some((k) => k.selector === selector)) throw new DkimKeyError(`no key "${selector}" for ${domain}`);
  writeFileSync(join(dir, domain.toLowerCase(), 'active'), `${selector}\n`);
}

/** Remove a retired key; the active one cannot be removed (activate another first). */
export function removeKey(dir: string, domain: string, selector: string): void {
  checkNames(domain, selector);
  const key = listKeys(dir, domain).find((k) => k.selector === selector);
  if (!key) throw new DkimKeyError(`no key "${selector}" for ${domain}`);
  if (key.active) throw new DkimKeyError(`"${selector}" signs ${domain}'s mail: activate another key first`);
  rmSync(join(dir, domain.toLowerCase(), `${selector}.pem`));
}
