// Files that hold a mailbox rather than one message: the mbox format (RFC 4155) starts each message with a
// "From sender date" postmark line. Saved bounces often come that way; each message is read on its own.

/**
 * A postmark line followed by a header line: the start of a message. RFC 4155 wants a blank line before it, but
 * real files omit it after a closing MIME boundary; a body line starting "From " is escaped (">From ") by writers.
 */
const POSTMARK = /(?:^|\r?\n)From [^\r\n]*\r?\n(?=[!-9;-~]+:)/g;
/** Messages read from one file at most; the rest is ignored. */
const MAX_MESSAGES = 100;

/** The messages of an mbox file without their postmark lines, or the input itself when it is not an mbox. */
export function splitMbox(raw: Buffer): Buffer[] {
  if (!raw.subarray(0, 5).equals(Buffer.from('From '))) return [raw];
  const text = raw.toString('latin1');
  const starts: Array<{ at: number; body: number }> = [];
  for (const m of text.matchAll(POSTMARK)) {
    if (starts.length >= MAX_MESSAGES) break;
    starts.push({ at: m.index, body: m.index + m[0].length });
  }
  if (starts.length === 0) return [raw];
  return starts.map((s, i) => raw.subarray(s.body, starts[i + 1]?.at ?? raw.length));
}
