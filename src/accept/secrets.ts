// Material made at first start and kept in dataDir: the TLS certificate (when none is configured) and the trace HMAC
// secret (when none is configured). Files are written 0600 so that only the relay's user can read them.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import type { Config } from '../config/schema.js';
import type { Logger } from '../shared/logger.js';

export interface TlsMaterial {
  key: Buffer;
  cert: Buffer;
}

export async function loadTlsMaterial(config: Config, logger: Logger): Promise<TlsMaterial> {
  const { cert, key } = config.tls;
  if (cert || key) {
    if (!cert || !key) throw new Error('tls: set both "cert" and "key", or neither for a self-signed certificate');
    return { cert: readFileSync(cert), key: readFileSync(key) };
  }
  const dir = join(config.dataDir, 'tls');
  const certFile = join(dir, 'selfsigned-cert.pem');
  const keyFile = join(dir, 'selfsigned-key.pem');
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    const pems = await generate([{ name: 'commonName', value: config.hostname }], {
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: config.hostname }] }],
    });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(keyFile, pems.private, { mode: 0o600 });
    writeFileSync(certFile, pems.cert, { mode: 0o644 });
  }
  logger.warn({ event: 'tls-selfsigned', certFile }, 'no TLS certificate configured: using a self-signed one; clients that verify certificates will refuse it');
  return { cert: readFileSync(certFile), key: readFileSync(keyFile) };
}

export function loadTraceSecret(config: Config): string {
  if (config.identity.traceSecret) return config.identity.traceSecret;
  const file = join(config.dataDir, 'trace-secret');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}
