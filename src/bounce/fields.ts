// "Name: value" field groups as used by RFC 3464 §2.1 and RFC 5965 §3.1 (header syntax, groups split by blank lines).
// The body of a report part is not a mail header block (several groups, one per recipient), so libmime's header
// parser does not apply: we unfold continuation lines (RFC 5322 §2.2.3) and keep field order.

export type FieldGroup = Map<string, string>;

/** A field value longer than this (folded lines included) is cut: every later regex sees bounded input. */
const MAX_FIELD_CHARS = 4096;

/** Groups of fields; a blank line ends a group. Lower-case names; the first occurrence of a name in a group wins. */
export function parseFieldGroups(text: string): FieldGroup[] {
  const groups: FieldGroup[] = [];
  let current: FieldGroup = new Map();
  let lastName = '';
  const flush = (): void => {
    if (current.size > 0) groups.push(current);
    current = new Map();
    lastName = '';
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (/^[ \t]/.test(line) && lastName) {
      const value = current.get(lastName)!;
      if (value.length < MAX_FIELD_CHARS) current.set(lastName, `${value} ${line.trim()}`.slice(0, MAX_FIELD_CHARS));
      continue;
    }
    const m = /^([A-Za-z][A-Za-z0-9-]{0,76})[ \t]*:[ \t]*(.*)$/.exec(line.length > MAX_FIELD_CHARS ? line.slice(0, MAX_FIELD_CHARS) : line);
    if (!m) continue;
    lastName = m[1]!.toLowerCase();
    if (!current.has(lastName)) current.set(lastName, m[2]!.trim());
    else lastName = '';
  }
  flush();
  return groups;
}

/** The value after an RFC 3464 type prefix ("rfc822; a@b", "dns; mx.example", "smtp; 550 ..."). */
export function stripTypePrefix(value: string): string {
  const m = /^[A-Za-z0-9-]{2,16}[ \t]*;[ \t]*(.*)$/s.exec(value);
  return (m ? m[1]! : value).trim();
}
