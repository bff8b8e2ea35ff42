// Read the DATA stream of one message with its limits and its hostile-input checks.
//
// smtp-server ends DATA only on <CR><LF>.<CR><LF> (lib/smtp-stream.js), so <LF>.<LF>, <CR>.<LF> or <LF>.<CR><LF>
// stay inside the message. But a message carrying them would be dangerous further on: a next hop that accepts a
// bare-LF end-of-data would see a second, smuggled message (SMTP smuggling, CVE-2023-51764/5/6). Like Postfix's
// smtpd_forbid_bare_newline we refuse such content instead of normalising it, so the byte stream we relay is always
// the one the client meant, and the client learns at once that its software is broken. RFC 5321 §2.3.8 allows CR and
// LF only together as <CRLF>; RFC 5322 §2.3 and RFC 6152 exclude NUL from message text (we offer no BINARYMIME).
import type { Readable } from 'node:stream';

export type ContentDefect = 'bare-lf' | 'bare-cr' | 'nul';

export interface ReceivedData {
  /** The message bytes; empty when the message was over the size limit (nothing is kept past it). */
  raw: Buffer;
  size: number;
  oversized: boolean;
  defect: ContentDefect | null;
}

/** First defect in `chunk`, given the last byte of the previous chunk (-1 at the start). */
export function findDefect(chunk: Buffer, prevByte: number): ContentDefect | null {
  if (chunk.indexOf(0) >= 0) return 'nul';
  for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) {
    const before = i === 0 ? prevByte : chunk[i - 1];
    if (before !== 0x0d) return 'bare-lf';
  }
  if (prevByte === 0x0d && chunk.length > 0 && chunk[0] !== 0x0a) return 'bare-cr';
  // A CR at the very end is judged with the next chunk (or at the end of the stream).
  for (let i = chunk.indexOf(0x0d); i >= 0 && i < chunk.length - 1; i = chunk.indexOf(0x0d, i + 1)) {
    if (chunk[i + 1] !== 0x0a) return 'bare-cr';
  }
  return null;
}

export function readData(stream: Readable, maxBytes: number): Promise<ReceivedData> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let prevByte = -1;
    let defect: ContentDefect | null = null;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (!defect) defect = findDefect(chunk, prevByte);
      if (chunk.length) prevByte = chunk[chunk.length - 1]!;
      // Past the limit keep reading (the client must reach its end-of-data to hear our 552) but keep nothing.
      if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    stream.once('error', reject);
    stream.once('end', () => {
      if (!defect && prevByte === 0x0d) defect = 'bare-cr';
      const oversized = size > maxBytes;
      resolve({ raw: oversized ? Buffer.alloc(0) : Buffer.concat(chunks, size), size, oversized, defect });
    });
  });
}

export function defectReply(defect: ContentDefect): string {
  switch (defect) {
    case 'bare-lf':
      return '5.5.2 Message refused: bare <LF> line ending (RFC 5321 2.3.8 requires <CR><LF>)';
    case 'bare-cr':
      return '5.5.2 Message refused: bare <CR> (RFC 5321 2.3.8 requires <CR><LF>)';
    case 'nul':
      return '5.6.0 Message refused: NUL byte in message content (RFC 5322 2.3)';
    default: {
      const never: never = defect;
      throw new Error(`unhandled defect ${String(never)}`);
    }
  }
}
