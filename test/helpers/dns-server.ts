// A tiny authoritative DNS server on 127.0.0.1 (UDP and TCP on one port) answering from a fixed table, so MX, DANE and
// blocklist logic is tested against real DNS packets without leaving the machine. An entry marked `secure` is
// answered with the AD bit, as a validating resolver would; `servfail` answers SERVFAIL (a bogus signature); with
// `truncateTlsa` a TLSA answer over UDP is cut short (TC bit) so that the client must ask again over TCP. A `CNAME`
// entry is followed as a recursive resolver would (the chain, then the target's records).
import { createSocket } from 'node:dgram';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import dnsPacket from 'dns-packet';

export interface TlsaData {
  usage: number;
  selector: number;
  matchingType: number;
  certificate: Buffer;
}

export type Zone = Record<string, {
  MX?: Array<{ preference: number; exchange: string }>;
  A?: string[];
  TXT?: string[];
  TLSA?: TlsaData[];
  /** An alias: every question about this name is answered with the CNAME and the target's records. */
  CNAME?: string;
  secure?: boolean;
  servfail?: boolean;
}>;

export interface DnsOptions {
  truncateTlsa?: boolean;
}

export interface DnsServer {
  server: string;
  /** Questions asked, as "name TYPE udp|tcp". */
  asked: string[];
  close(): Promise<void>;
}

const SERVFAIL = 2;
const NXDOMAIN = 3;

export async function startDns(zone: Zone, opts: DnsOptions = {}): Promise<DnsServer> {
  const asked: string[] = [];
  const answer = (msg: Buffer, transport: 'udp' | 'tcp'): Buffer | null => {
    const q = dnsPacket.decode(msg);
    const question = q.questions?.[0];
    if (!question) return null;
    asked.push(`${question.name} ${question.type} ${transport}`);
    // Follow an alias chain as a recursive resolver does: the CNAMEs first, then the target's records; the answer
    // is secure only if every name of the chain is.
    const answers: dnsPacket.Answer[] = [];
    let name = question.name;
    let entry = zone[name.toLowerCase()];
    let chainSecure = true;
    for (let hops = 0; entry?.CNAME && hops < 8; hops++) {
      answers.push({ type: 'CNAME', name, ttl: 60, data: entry.CNAME });
      chainSecure &&= entry.secure === true;
      name = entry.CNAME;
      entry = zone[name.toLowerCase()];
    }
    if (entry && question.type === 'MX') for (const mx of entry.MX ?? []) answers.push({ type: 'MX', name, ttl: 60, data: mx });
    if (entry && question.type === 'A') for (const a of entry.A ?? []) answers.push({ type: 'A', name, ttl: 60, data: a });
    if (entry && question.type === 'TXT') for (const t of entry.TXT ?? []) answers.push({ type: 'TXT', name, ttl: 60, data: t });
    if (entry && question.type === 'TLSA') for (const t of entry.TLSA ?? []) answers.push({ type: 'TLSA', name, ttl: 60, data: t });
    const truncated = transport === 'udp' && opts.truncateTlsa === true && question.type === 'TLSA' && answers.length > 0;
    const rcode = entry?.servfail ? SERVFAIL : entry ? 0 : NXDOMAIN;
    const flags = dnsPacket.AUTHORITATIVE_ANSWER | rcode
      | (entry?.secure && chainSecure && !entry.servfail ? dnsPacket.AUTHENTIC_DATA : 0) | (truncated ? dnsPacket.TRUNCATED_RESPONSE : 0);
    return dnsPacket.encode({ type: 'response', id: q.id, flags, questions: q.questions, answers: truncated || entry?.servfail ? [] : answers });
  };

  const udpSocket = () => {
    const s = createSocket('udp4');
    s.on('message', (msg, rinfo) => {
      const reply = answer(msg, 'udp');
      if (reply) s.send(reply, rinfo.port, rinfo.address);
    });
    return s;
  };
  const tcp: Server = createServer((conn) => {
    let buffered = Buffer.alloc(0);
    conn.on('data', (c: Buffer) => {
      buffered = Buffer.concat([buffered, c]);
      while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
        const msg = buffered.subarray(2, 2 + buffered.readUInt16BE(0));
        buffered = buffered.subarray(2 + msg.length);
        const reply = answer(msg, 'tcp');
        if (reply) conn.write(Buffer.concat([Buffer.from([reply.length >> 8, reply.length & 0xff]), reply]));
      }
    });
    conn.on('error', () => {});
  });
  // UDP and TCP on the same port, as a real server: a free UDP port, then the same one for TCP. Another test running
  // alongside sometimes holds that port for TCP (seen once in a full run), so a few tries with new ports.
  let sock = udpSocket();
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    await new Promise<void>((resolve) => sock.bind(0, '127.0.0.1', () => resolve()));
    port = (sock.address() as AddressInfo).port;
    const failed = await new Promise<Error | null>((resolve) => {
      tcp.once('error', resolve);
      tcp.listen(port, '127.0.0.1', () => {
        tcp.removeListener('error', resolve);
        resolve(null);
      });
    });
    if (!failed) break;
    await new Promise<void>((resolve) => sock.close(() => resolve()));
    if (attempt === 5) throw new Error(`the test DNS server found no port free for both UDP and TCP: ${failed.message}`);
    sock = udpSocket();
  }
  return {
    server: `127.0.0.1:${port}`,
    asked,
    close: async () => {
      await new Promise<void>((resolve) => sock.close(() => resolve()));
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
    },
  };
}
