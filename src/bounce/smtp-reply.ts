// Pieces of an SMTP reply found inside bounce text: the basic code (RFC 5321 §4.2) and the enhanced status (RFC 3463).

const STATUS = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;
const CODE = /(?:^|[^\d.\-])([245][0-5]\d)(?:[ \-]|$)/;

/** The first RFC 3463 status in a text, e.g. "5.1.1". */
export function findStatus(text: string): string | null {
  const m = STATUS.exec(text);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : null;
}

/** The first RFC 5321 reply code in a text, e.g. 550. */
export function findCode(text: string): number | null {
  const m = CODE.exec(text);
  return m ? Number(m[1]) : null;
}
