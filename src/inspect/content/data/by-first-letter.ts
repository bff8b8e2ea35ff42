// Regrouping a long list of phrase patterns by their first letter, so that one regular expression over a message
// tests each letter once at a word start instead of every alternative in turn. V8's backtracking engine tries the
// alternatives of an alternation one after the other; with a hundred of them, in seven languages, most word starts of
// an ordinary text begin a dozen alternatives that fail on their second letter. Grouped ("p(?:oints…|unti…|ontos…)"),
// the same text is scanned about twice as fast. No library does this for JavaScript's regular expression syntax, and
// it only needs the top level of each pattern: the alternatives are cut at "|" outside groups and classes, and a
// group that opens an alternative ("(?:verify|confirm)\s+your") is spread into one alternative per branch.
// The set of strings matched is unchanged; among alternatives matching at one position another one may now be tried
// first, which only changes which of the phrases is reported.

/** One pattern source matching what any of `patterns` matches, its alternatives grouped by their first letter. */
export function byFirstLetter(patterns: readonly string[]): string {
  const { groups, rest } = firstLetterGroups(patterns);
  return [...[...groups].map(([letter, tails]) => `${letter}(?:${tails.join('|')})`), ...rest].join('|');
}

/**
 * The alternatives of `patterns` by their fixed first letter: each letter with the rest of its alternatives, in the
 * order given; `rest` the alternatives without one.
 */
export function firstLetterGroups(patterns: readonly string[]): { groups: Map<string, string[]>; rest: string[] } {
  const alternatives = patterns.flatMap(topLevelAlternatives).flatMap(spreadLeadingGroup);
  const groups = new Map<string, string[]>();
  const rest: string[] = [];
  for (const a of alternatives) {
    // A letter that a quantifier makes optional or repeats ("s?…") is no fixed first letter.
    if (/^\p{Ll}/u.test(a) && !/^.[?*+{]/u.test(a)) {
      const letter = String.fromCodePoint(a.codePointAt(0)!);
      const tails = groups.get(letter) ?? [];
      tails.push(a.slice(letter.length));
      groups.set(letter, tails);
    } else rest.push(a);
  }
  return { groups, rest };
}

/** The alternatives of a pattern's top level: cut at "|" outside groups and character classes. */
function topLevelAlternatives(pattern: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const { char, index, depth } of structure(pattern)) {
    if (char === '|' && depth === 0) {
      out.push(pattern.slice(start, index));
      start = index + 1;
    }
  }
  out.push(pattern.slice(start));
  return out;
}

/** "(?:a|b)rest" as "arest" and "brest", recursively; any other alternative as it is. */
function spreadLeadingGroup(alternative: string): string[] {
  if (!alternative.startsWith('(?:')) return [alternative];
  const end = [...structure(alternative)].find((s) => s.char === ')' && s.depth === 0)?.index ?? -1;
  const after = alternative.slice(end + 1);
  if (end < 0 || /^[?*+{]/.test(after)) return [alternative]; // an optional or repeated group opens nothing fixed
  return topLevelAlternatives(alternative.slice(3, end)).flatMap((branch) => spreadLeadingGroup(branch + after));
}

/**
 * The parentheses and bars of a pattern outside escapes and character classes, each with the group depth around it
 * (for ")" the depth after it closes).
 */
function* structure(pattern: string): Generator<{ char: string; index: number; depth: number }> {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\') i++; // an escaped character is never structure
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') yield { char, index: i, depth: depth++ };
    else if (char === ')') yield { char, index: i, depth: --depth };
    else if (char === '|') yield { char, index: i, depth };
  }
}
