// RFC 2046 §5.1.1 multipart bodies: the boundary splitter of the MIME reader (src/shared/mime/reader.ts). A stranger
// writes the body, so it never throws: a missing close delimiter is reported as `closed: false` (a truncated message),
// not as an error.

export interface MultipartBodies {
  /** The part bodies between the delimiter lines, without their delimiter lines. */
  bodies: string[];
  /** False when the close delimiter never came: the message was truncated. */
  closed: boolean;
}

/** Splits a multipart body on its "--boundary" lines; null when no delimiter line occurs at all. */
export function splitMultipart(body: string, boundary: string): MultipartBodies | null {
  const delimiter = '--' + boundary;
  const bodies: string[] = [];
  let pos = body.startsWith(delimiter) ? 0 : body.indexOf('\n' + delimiter);
  if (pos < 0) return null;
  if (pos > 0) pos += 1;
  for (;;) {
    const afterDelimiter = pos + delimiter.length;
    if (body.startsWith('--', afterDelimiter)) return { bodies, closed: true };
    const lineEnd = body.indexOf('\n', afterDelimiter);
    if (lineEnd < 0) return { bodies, closed: false };
    const next = body.indexOf('\n' + delimiter, lineEnd);
    if (next < 0) {
      bodies.push(body.slice(lineEnd + 1)); // no close delimiter: take what is there
      return { bodies, closed: false };
    }
    // A CR LF message keeps its CR before the delimiter's LF; it belongs to the delimiter (RFC 2046 §5.1.1).
    bodies.push(body.slice(lineEnd + 1, body[next - 1] === '\r' ? next - 1 : next));
    pos = next + 1;
  }
}

/**
 * Splits on the declared boundary, or, when it is missing or never occurs (a boundary parameter on an unfolded line,
 * hand-edited mail, broken gateways), on a "--token" line that repeats: the boundary the body really uses. `guessed`
 * says which.
 */
export function splitMultipartTolerant(body: string, boundary: string): MultipartBodies & { guessed: boolean } {
  const declared = boundary ? splitMultipart(body, boundary) : null;
  if (declared && declared.bodies.length > 0) return { ...declared, guessed: false };
  // A delimiter line may end in white space (RFC 2046 §5.1.1: "transport padding"), which some gateways add.
  const candidate = /^--(?=\S{6,70}[ \t]*\r?$)(\S*[^\s-]\S*)[ \t]*\r?$/m.exec(body.length > 65536 ? body.slice(0, 65536) : body);
  const guess = candidate && body.split(`--${candidate[1]}`).length > 2 ? splitMultipart(body, candidate[1]!) : null;
  if (guess) return { ...guess, guessed: true };
  return { ...(declared ?? { bodies: [], closed: false }), guessed: false };
}
