// SpamAssassin's spamd, spoken directly: the SPAMC/1.5 protocol's SYMBOLS request (spamd(1), "PROTOCOL" in the
// SpamAssassin distribution) answers "Spam: True ; 15.3 / 5.0" plus the names of the rules that hit. Hand-written
// because the protocol is a dozen lines and the npm clients for it are unmaintained wrappers of the same.
import { connect } from 'node:net';

export interface SpamdOptions {
  host: string;
  port: number;
  timeoutMs: number;
}

export interface PeerAnswer {
  score: number;
  /** The peer's own spam threshold. */
  required: number;
  symbols: string[];
}

const RESULT = /^Spam: (?:True|False|Yes|No) ; (-?[\d.]+) \/ (-?[\d.]+)/im;

export function checkSpamd(raw: Buffer, o: SpamdOptions): Promise<PeerAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(o.port, o.host);
    const chunks: Buffer[] = [];
    socket.setTimeout(o.timeoutMs, () => socket.destroy(new Error(`no answer within ${o.timeoutMs} ms`)));
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const reply = Buffer.concat(chunks).toString('latin1');
      const status = /^SPAMD\/[\d.]+ (\d+) (.*)$/m.exec(reply);
      const m = RESULT.exec(reply);
      if (!status || status[1] !== '0' || !m) {
        reject(new Error(`spamd answered ${status ? `${status[1]} ${status[2]!.trim()}` : 'something unreadable'}`));
        return;
      }
      const body = reply.slice(reply.indexOf('\r\n\r\n') + 4).trim();
      resolve({ score: Number(m[1]), required: Number(m[2]), symbols: body ? body.split(',').map((s) => s.trim()) : [] });
    });
    socket.write(`SYMBOLS SPAMC/1.5\r\nContent-length: ${raw.length}\r\n\r\n`);
    socket.end(raw);
  });
}
