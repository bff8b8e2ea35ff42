// stopword ships no types; this declares the part scripts/default-model.ts uses: each language's list of function
// words, lower case, by ISO 639-3 code.
declare module 'stopword' {
  export const eng: string[];
  export const deu: string[];
  export const fra: string[];
  export const spa: string[];
  export const ita: string[];
  export const nld: string[];
  export const por: string[];
}
