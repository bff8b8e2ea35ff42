// The basic code of an SMTP reply (RFC 5321 §4.2) found inside bounce text; the enhanced status is the reply reader's
// (findEnhancedStatus in ../classify/reply.ts).

const CODE = /(?:^|[^\d.\-])([245][0-5]\d)(?:[ \-]|$)/;

/** The first RFC 5321 reply code in a text, e.g. 550. */
export function findCode(text: string): number | null {
  const m = CODE.exec(text);
  return m ? Number(m[1]) : null;
}
