// Read the DATA stream of one message with its limits and its hostile-input checks.
//
// smtp-server ends DATA only on <CR><LF>.<CR><LF> (lib/smtp-stream.js), so <LF>.<LF>, <CR>.<LF> or <LF>.<CR><LF>
// stay inside the message. But a message carrying them would be dangerous further on: a next hop that accepts a
// bare-LF end-of-data would see a second, smuggled message (SMTP smuggling, CVE-2023-51764/5/6). Like Postfix's
// smtpd_forbid_bare_newline we refuse such content instead of normalising it, so the byte stream we relay is always
// the one the client meant, and the client learns at once that its software is broken. RFC 5321 §2.3.8 allows CR and
// LF only together as <CRLF>; RFC 5322 §2.3 and RFC 6152 exclude NUL from message text (we offer no BINARYMIME).
import type { Readable } from 'node:stream';
import type { ByteBudget } from '../shared/byte-budget.js';

export type ContentDefect = 'bare-lf' | 'bare-cr' | 'nul';

export interface ReceivedData {
  /** The message bytes; empty when the message was over the size limit or the budget (nothing is kept past it). */
  raw: Buffer;
  size: number;
  oversized: boolean;
  /** The relay's bytes-in-flight budget ran out while this message streamed (452 4.3.1: try later). */
  overBudget: boolean;
  defect: ContentDefect | null;
  /** Give the message's bytes back to the budget: once it is stored or refused. Idempotent. */
  release(): void;
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

/**
 * Read one message, taking its bytes from `budget` as they arrive. Past the size limit or the budget the rest is
 * still read (the client must reach its end-of-data to hear our refusal, and a connection is never left hanging) but
 * nothing more is kept, and what was taken goes back at once, so the message that ran out never starves the others.
 */
export function readData(stream: Readable, maxBytes: number, budget: ByteBudget, declaredSize = 0): Promise<ReceivedData> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    // With the size the client declared (RFC 1870 SIZE=), each chunk is copied into one buffer as it arrives and
    // dies young; kept in a list until the end instead, a large message's chunks outlive a few collections and
    // linger as old garbage beside the joined copy. The message is then joined from the two parts only if it
    // outgrows its declaration.
    let whole = declaredSize > 0 && declaredSize <= maxBytes ? Buffer.allocUnsafe(declaredSize) : null;
    let filled = 0;
    let size = 0;
    let taken = 0;
    let overBudget = false;
    let prevByte = -1;
    let defect: ContentDefect | null = null;
    const release = () => {
      budget.give(taken);
      taken = 0;
    };
    const dropAll = () => {
      chunks.length = 0;
      whole = null;
      release();
    };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (!defect) defect = findDefect(chunk, prevByte);
      if (chunk.length) prevByte = chunk[chunk.length - 1]!;
      if (size > maxBytes || overBudget) return dropAll();
      if (!budget.tryTake(chunk.length)) {
        overBudget = true;
        return dropAll();
      }
      taken += chunk.length;
      // Once a chunk overflows the declared size, the rest follows it in the list, keeping the order.
      if (whole && chunks.length === 0 && filled + chunk.length <= whole.length) filled += chunk.copy(whole, filled);
      else chunks.push(chunk);
    });
    stream.once('error', (err) => {
      dropAll();
      reject(err);
    });
    stream.once('end', () => {
      if (!defect && prevByte === 0x0d) defect = 'bare-cr';
      const oversized = size > maxBytes;
      const kept = !oversized && !overBudget;
      // One copy into a single buffer; the chunks go with this function.
      const raw = !kept ? Buffer.alloc(0)
        : !whole ? Buffer.concat(chunks, size)
        : chunks.length === 0 ? whole.subarray(0, filled)
        : Buffer.concat([whole.subarray(0, filled), ...chunks], size);
      resolve({ raw, size, oversized, overBudget: overBudget && !oversized, defect, release });
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
