// A stub resolver that says whether an answer is DNSSEC-validated. DANE needs to know it (RFC 7672 §2.1: only
// "secure" MX, address and TLSA answers count) and node:dns never tells: it drops the header's AD bit. Like Postfix
// (smtp_dns_support_level = dnssec) the relay trusts the AD bit of the resolver it is configured with, which should
// be a validating resolver on the same host or a trusted network (RFC 6698 §4.1).
//
// Queries ask for the AD bit (RFC 6840 §5.7) and carry EDNS0 with DO; a truncated UDP answer is asked again over TCP.
// Written on dns-packet because no maintained npm resolver exposes the AD bit of an answer.
import { randomInt } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { getServers } from 'node:dns';
import { connect, isIPv6 } from 'node:net';
import dnsPacket from 'dns-packet';

export interface DnsAnswer<T> {
  records: T[];
  /** The name does not exist (NXDOMAIN); empty records without it mean "no record of this type". */
  nxdomain: boolean;
  /** The resolver validated the answer (or the denial) with DNSSEC. */
  secure: boolean;
  /**
   * Where the answer's CNAME chain ends (lower case, no final dot): the name the records belong to, the queried name
   * when there is no chain. Only the secure resolver reports it.
   */
  canonical?: string;
}

export type QueryType = 'MX' | 'A' | 'AAAA' | 'TLSA';

export interface SecureDns {
  /** Records of one type; rejects (with `code`) when no server answered or the answer was a failure (SERVFAIL). */
  query(name: string, type: QueryType): Promise<DnsAnswer<dnsPacket.Answer>>;
}

interface Server {
  host: string;
  port: number;
}

const DNS_PORT = 53;
const EDNS_PAYLOAD = 1232; // the DNS flag day 2020 size: no IP fragmentation
const TRIES = 2;
/** RFC 1035 §4.1.1 response codes by number. */
const RCODES: Record<number, string> = { 0: 'NOERROR', 1: 'FORMERR', 2: 'SERVFAIL', 3: 'NXDOMAIN', 4: 'NOTIMP', 5: 'REFUSED' };

/** "host", "host:port", "[v6]:port" or a bare IPv6 address, as `delivery.dnsServers` and `dns.getServers()` give them. */
function parseServer(text: string): Server {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) return { host: bracketed[1]!, port: Number(bracketed[2] ?? DNS_PORT) };
  if (isIPv6(text)) return { host: text, port: DNS_PORT };
  const [host, port] = text.split(':');
  return { host: host!, port: Number(port ?? DNS_PORT) };
}

function failure(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

function encodeQuery(id: number, name: string, type: QueryType): Buffer {
  return dnsPacket.encode({
    type: 'query', id, flags: dnsPacket.RECURSION_DESIRED | dnsPacket.AUTHENTIC_DATA,
    questions: [{ type, name, class: 'IN' }],
    additionals: [{ type: 'OPT', name: '.', udpPayloadSize: EDNS_PAYLOAD, extendedRcode: 0, ednsVersion: 0, flags: dnsPacket.DNSSEC_OK, flag_do: true, options: [] }],
  });
}

function overUdp(server: Server, query: Buffer, id: number, timeoutMs: number): Promise<dnsPacket.Packet> {
  return new Promise((resolve, reject) => {
    const sock = createSocket(isIPv6(server.host) ? 'udp6' : 'udp4');
    const done = (err: Error | null, packet?: dnsPacket.Packet) => {
      clearTimeout(timer);
      sock.close();
      if (err) reject(err);
      else resolve(packet!);
    };
    const timer = setTimeout(() => done(failure('ETIMEOUT', `no answer from ${server.host}:${server.port} within ${timeoutMs} ms`)), timeoutMs);
    sock.on('error', (err) => done(err));
    sock.on('message', (msg) => {
      let packet: dnsPacket.Packet;
      try {
        packet = dnsPacket.decode(msg);
      } catch {
        return; // not a DNS answer: keep waiting for the real one (or the timeout)
      }
      if (packet.id === id) done(null, packet);
    });
    sock.send(query, server.port, server.host);
  });
}

function overTcp(server: Server, query: Buffer, timeoutMs: number): Promise<dnsPacket.Packet> {
  return new Promise((resolve, reject) => {
    const sock = connect({ host: server.host, port: server.port });
    const chunks: Buffer[] = [];
    const done = (err: Error | null, packet?: dnsPacket.Packet) => {
      clearTimeout(timer);
      sock.destroy();
      if (err) reject(err);
      else resolve(packet!);
    };
    const timer = setTimeout(() => done(failure('ETIMEOUT', `no answer from ${server.host}:${server.port} over TCP within ${timeoutMs} ms`)), timeoutMs);
    sock.on('error', (err) => done(err));
    sock.on('connect', () => sock.write(Buffer.concat([Buffer.from([query.length >> 8, query.length & 0xff]), query])));
    sock.on('data', (c: Buffer) => {
      chunks.push(c);
      const all = Buffer.concat(chunks);
      if (all.length >= 2 && all.length >= 2 + all.readUInt16BE(0)) {
        try {
          done(null, dnsPacket.streamDecode(all));
        } catch (err) {
          done(failure('EBADRESP', `unreadable answer from ${server.host}:${server.port}: ${(err as Error).message}`));
        }
      }
    });
    sock.on('end', () => done(failure('EBADRESP', `${server.host}:${server.port} closed the TCP connection without an answer`)));
  });
}

/** A DNS name as compared here: lower case, without the final dot. */
export const bareName = (name: string) => name.replace(/\.$/, '').toLowerCase();

/** The end of the CNAME chain that starts at `name` in an answer section (a resolver puts the chain before the records). */
function followCnames(name: string, answers: dnsPacket.Answer[]): string {
  let current = bareName(name);
  // Bounded: a looping chain in a forged answer must not loop here.
  for (let hops = 0; hops < 8; hops++) {
    const next = answers.find((a) => a.type === 'CNAME' && bareName(a.name) === current);
    if (next?.type !== 'CNAME') break;
    current = bareName(next.data);
  }
  return current;
}

/** A resolver over the given servers (tried in order, each twice); none given means the system's. */
export function createSecureDns(servers: readonly string[], timeoutMs = 5000): SecureDns {
  const list = (servers.length > 0 ? [...servers] : getServers()).map(parseServer);

  async function ask(server: Server, name: string, type: QueryType): Promise<dnsPacket.Packet> {
    const id = randomInt(0x10000);
    const query = encodeQuery(id, name, type);
    const answer = await overUdp(server, query, id, timeoutMs);
    // A truncated answer may lack the very records asked for (TLSA sets are large): ask again over TCP.
    return (answer.flags ?? 0) & dnsPacket.TRUNCATED_RESPONSE ? overTcp(server, query, timeoutMs) : answer;
  }

  return {
    async query(name, type) {
      let last: unknown = failure('ENOSERVER', 'no DNS server configured');
      for (const server of list) {
        for (let attempt = 0; attempt < TRIES; attempt++) {
          let packet: dnsPacket.Packet;
          try {
            packet = await ask(server, name, type);
          } catch (err) {
            last = err;
            continue;
          }
          const flags = packet.flags ?? 0;
          const rcode = RCODES[flags & 0xf] ?? `RCODE${flags & 0xf}`;
          if (rcode !== 'NOERROR' && rcode !== 'NXDOMAIN') {
            // SERVFAIL is also how a validating resolver answers a bogus (forged or broken) signature.
            last = failure(`E${rcode}`, `${server.host} answered ${rcode} for ${name} ${type}`);
            if (rcode === 'SERVFAIL') break; // the next server, if any, may know better; the same one will not
            continue;
          }
          const answers = packet.answers ?? [];
          const records = answers.filter((a) => a.type === type);
          return { records, nxdomain: rcode === 'NXDOMAIN', secure: (flags & dnsPacket.AUTHENTIC_DATA) !== 0, canonical: followCnames(name, answers) };
        }
      }
      throw last;
    },
  };
}
