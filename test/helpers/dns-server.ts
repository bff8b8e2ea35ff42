// A tiny authoritative DNS server on 127.0.0.1 (UDP, port 0) answering from a fixed table, so MX logic is tested
// against real DNS packets without leaving the machine.
import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import dnsPacket from 'dns-packet';

export type Zone = Record<string, { MX?: Array<{ preference: number; exchange: string }>; A?: string[]; TXT?: string[] }>;

export async function startDns(zone: Zone): Promise<{ server: string; close(): Promise<void> }> {
  const sock = createSocket('udp4');
  sock.on('message', (msg, rinfo) => {
    const q = dnsPacket.decode(msg);
    const question = q.questions?.[0];
    if (!question) return;
    const entry = zone[question.name.toLowerCase()];
    const answers: dnsPacket.Answer[] = [];
    if (entry && question.type === 'MX') for (const mx of entry.MX ?? []) answers.push({ type: 'MX', name: question.name, ttl: 60, data: mx });
    if (entry && question.type === 'A') for (const a of entry.A ?? []) answers.push({ type: 'A', name: question.name, ttl: 60, data: a });
    if (entry && question.type === 'TXT') for (const t of entry.TXT ?? []) answers.push({ type: 'TXT', name: question.name, ttl: 60, data: t });
    const reply = dnsPacket.encode({
      type: 'response', id: q.id, flags: dnsPacket.AUTHORITATIVE_ANSWER | (entry ? 0 : 3), // rcode 3 = NXDOMAIN
      questions: q.questions, answers,
    });
    sock.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => sock.bind(0, '127.0.0.1', () => resolve()));
  return {
    server: `127.0.0.1:${(sock.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => sock.close(() => resolve())),
  };
}
