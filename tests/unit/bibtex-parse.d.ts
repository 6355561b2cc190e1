/** bibtex-parse ships no types; the citation test uses parse() only. */
declare module 'bibtex-parse' {
  const bibtexParse: { parse(src: string): unknown[]; entries(src: string): unknown[] };
  export default bibtexParse;
}
