// Dates as mail headers write them.

/** RFC 5322 §3.3 date-time in UTC ("+0000" rather than the obsolete "GMT" zone). */
export function rfc5322Date(ms: number): string {
  return new Date(ms).toUTCString().replace(/GMT$/, '+0000');
}
