// mailsplit ships no types; this declares the part we use (lib/headers.js): parse, read, remove and rebuild a header
// block byte for byte (values are kept as 'binary' strings, so 8-bit headers survive unchanged).
declare module 'mailsplit' {
  interface HeaderLine {
    /** Lower-cased header name. */
    key: string;
    /** The whole header as received, "Name: value" including folding line breaks, as a 'binary' string. */
    line: string;
  }
  class Headers {
    constructor(headers: Buffer | string);
    getList(): HeaderLine[];
    get(key: string): string[];
    remove(key: string): void;
    build(lineEnd?: string): Buffer;
  }
  const mailsplit: { Headers: typeof Headers };
  export default mailsplit;
  export type { HeaderLine, Headers };
}
